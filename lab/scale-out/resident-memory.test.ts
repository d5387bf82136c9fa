/** Resident memory: the VmRSS line, a process tree read from a made-up /proc, and this very process from the real one. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVmRssKib, readResidentMemory } from './resident-memory.js';

const STATUS = 'Name:\tnode\nState:\tS (sleeping)\nVmPeak:\t 1200000 kB\nVmRSS:\t   51200 kB\nRssAnon:\t   40000 kB\n';

describe('parseVmRssKib', () => {
  it('reads VmRSS, not VmPeak or RssAnon; null without the line (a zombie)', () => {
    expect(parseVmRssKib(STATUS)).toBe(51_200);
    expect(parseVmRssKib('Name:\tzombie\nState:\tZ (zombie)\n')).toBeNull();
  });
});

describe('readResidentMemory', () => {
  const proc = mkdtempSync(join(tmpdir(), 'archlab-proc-'));
  afterAll(() => rmSync(proc, { recursive: true, force: true }));
  const fake = (pid: number, ppid: number, rssKib: number | null) => {
    mkdirSync(join(proc, String(pid)));
    writeFileSync(join(proc, String(pid), 'stat'), `${pid} (beam.smp) S ${ppid} 1 1 0 -1 4194560 0 0 0 0 10 5 0 0 20 0 30 0 12345 0 0`);
    writeFileSync(join(proc, String(pid), 'status'), rssKib === null ? 'Name:\tx\n' : `Name:\tx\nVmRSS:\t${rssKib} kB\n`);
  };

  it('counts each named process with everything below it, and nothing else', async () => {
    fake(100, 1, 1_024); // a broker's launcher …
    fake(101, 100, 102_400); // … its VM …
    fake(102, 101, 2_048); // … and a child of that
    fake(200, 1, 51_200); // an app
    fake(300, 1, 999_999); // not the variant's
    fake(400, 200, null); // a zombie below the app
    const reading = await readResidentMemory([{ name: 'rabbitmq', kind: 'broker', pid: 100 }, { name: 'shop[0]', kind: 'app', pid: 200 }], proc);
    expect(reading.processes).toEqual([
      { name: 'rabbitmq', kind: 'broker', pid: 100, rssMb: 103 },
      { name: 'shop[0]', kind: 'app', pid: 200, rssMb: 50 },
    ]);
    expect(reading.totalMb).toBe(153);
  });

  it('on the real /proc: this process holds megabytes, and a child is counted under it', async () => {
    const alone = await readResidentMemory([{ name: 'test', kind: 'app', pid: process.pid }]);
    expect(alone.totalMb).toBeGreaterThan(10);
    const child = spawn(process.execPath, ['-e', 'const keep = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => keep.length, 30_000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const withChild = await readResidentMemory([{ name: 'test', kind: 'app', pid: process.pid }]);
      expect(withChild.totalMb - alone.totalMb).toBeGreaterThan(64);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
