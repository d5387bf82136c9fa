import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProcParseError } from './errors.js';
import { parseMachineCpu } from './machine-cpu.js';
import { parseProcessStat, processKey } from './process-stat.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseMachineCpu (/proc/stat)', () => {
  it('adds user, nice, system, irq, softirq and steal; leaves idle, iowait and guest out of busy', () => {
    // cpu  25899 7 5130 60864 397 3 97 548 11 0
    expect(parseMachineCpu(fixture('proc-stat.txt'))).toEqual({
      busyTicks: 25899 + 7 + 5130 + 3 + 97 + 548,
      stealTicks: 548,
      totalTicks: 25899 + 7 + 5130 + 3 + 97 + 548 + 60864 + 397,
      cores: 2,
    });
  });

  it('reads kernels that report only eight columns', () => {
    expect(parseMachineCpu('cpu  10 0 5 100 0 0 0 1\ncpu0 10 0 5 100 0 0 0 1\n').busyTicks).toBe(16);
  });

  it('rejects text without the aggregate line, naming the file', () => {
    expect(() => parseMachineCpu('cpu0 1 2 3 4 5 6 7 8\n')).toThrow(ProcParseError);
    expect(() => parseMachineCpu('cpu  1 2 x\n')).toThrow(/\/proc\/stat/);
  });
});

describe('parseProcessStat (/proc/<pid>/stat)', () => {
  it('takes comm up to the last parenthesis, however it is named', () => {
    // A real bash that renamed itself "x) S (y z" before reading its own stat.
    expect(parseProcessStat(fixture('pid-stat-parens.txt'))).toEqual({
      pid: 7711, command: 'x) S (y z', state: 'R', ppid: 7709, startTicks: 47439, ownTicks: 43 + 2, reapedTicks: 0 + 1,
    });
  });

  it('reads a zombie (final times) and the parent that reaped it (its cutime grew by them)', () => {
    const [zombie = '', parent = ''] = fixture('zombie-and-parent.txt').split('\n');
    const child = parseProcessStat(zombie);
    expect(child).toMatchObject({ pid: 7770, state: 'Z', ppid: 7729, ownTicks: 28, reapedTicks: 0 });
    expect(parseProcessStat(parent)).toMatchObject({ pid: 7729, state: 'R', ownTicks: 7, reapedTicks: 34 + 12 });
    expect(processKey(child)).toBe('7770@47805');
  });

  it('rejects a line without "(comm)" or with a missing field', () => {
    expect(() => parseProcessStat('42 R 1 2')).toThrow(ProcParseError);
    expect(() => parseProcessStat('42 (sh) R 1 2 3')).toThrow(/field/);
  });
});
