/** The command line's answers to bad input: a clear message, the valid choices, a non-zero exit. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const archlab = (...args: string[]) => archlabWith({}, ...args);
const archlabWith = (env: Record<string, string>, ...args: string[]) => {
  const result = spawnSync(process.execPath, ['bin/archlab.js', ...args], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

describe('archlab command line', () => {
  it('lists the commands when called without one', () => {
    const { code, out } = archlab();
    expect(code).toBe(2);
    expect(out).toContain('usage: archlab');
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"', 'doctor'],
    [['up', 'mainframe'], 'unknown variant "mainframe"', 'monolith'],
    [['run', 'no-such-scenario'], 'unknown scenario "no-such-scenario"', 'crash-recommendations'],
    [['run', 'baseline', '--variants', 'monolith,cobol'], 'unknown variant "cobol"', 'monolith'],
    [['run', 'baseline', '--rate', '0'], '--rate', 'requests per second'],
    [['run', 'baseline', '--rate', '-3'], '--rate', ''],
    [['run', 'baseline', '--seed', 'abc'], '--seed', 'whole number'],
    [['run', 'baseline', '--repeat', '0'], '--repeat', 'whole number from 1'],
    [['suite', 'medium'], 'unknown suite "medium"', 'quick'],
    [['list', '--bogus'], 'bogus', ''],
  ])('%j → exit 2 with a clear message', (args, message, hint) => {
    const { code, err } = archlab(...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain(hint);
  });

  it('names the file, the field path and what was expected for an invalid scenario file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlab-cli-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ name: 'Broken Name', title: 't', description: 'd', load: { ratePerSecond: 'fast' }, timing: { measureMs: 1000 } }));
    const { code, err } = archlab('run', file);
    expect(code).not.toBe(0);
    expect(err).toContain(file);
    expect(err).toContain('load.ratePerSecond');
    expect(err).toContain('name');
    writeFileSync(file, '{ not json');
    expect(archlab('run', file).err).toContain('not valid JSON');
  });

  it('stops before starting anything when a variant needs a broker this machine lacks, naming the install line', () => {
    const started = Date.now();
    const { code, err } = archlabWith({ ARCHLAB_NATS_SERVER: '/nonexistent/nats-server' }, 'run', 'crash-recommendations', '--variants', 'monolith,micro');
    expect(code).toBe(1);
    expect(err).toContain('nats-server (needed by micro)');
    expect(err).toContain('npm run setup');
    expect(err).not.toContain('rabbitmq-server');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(archlabWith({ ARCHLAB_NATS_SERVER: '/nonexistent/nats-server' }, 'doctor').code).toBe(1);
  });

  it('lists every variant with its components', () => {
    const { code, out } = archlab('list');
    expect(code).toBe(0);
    expect(out).toMatch(/monolith:[\s\S]*shop/);
  });

  it('finds the JSON schemas up to date with the zod schemas', () => {
    const { code, out } = archlab('schemas', '--check');
    expect(out).toContain('up to date: schemas/scenario.schema.json');
    expect(code).toBe(0);
  });

  it('finds the generated compose files up to date', () => {
    const { code, out } = archlab('compose', '--check');
    expect(out).toContain('up to date');
    expect(code).toBe(0);
  });
});
