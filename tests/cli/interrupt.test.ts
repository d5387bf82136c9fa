/**
 * Ctrl-C in the middle of a fault: every fault healed, no process left, partial results written and
 * marked incomplete, exit code 130.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, childrenOf } from '../support/processes.js';

const resultsDir = mkdtempSync(join(tmpdir(), 'archlab-interrupt-'));
afterAll(() => rmSync(resultsDir, { recursive: true, force: true }));

describe('Ctrl-C during a run', () => {
  it('heals the fault, stops every process and writes partial results marked incomplete', async () => {
    const lab = spawn(process.execPath, ['bin/archlab.js', 'run', 'hang-inventory', '--variants', 'monolith'], {
      env: { ...process.env, ARCHLAB_RESULTS_DIR: resultsDir }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    lab.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    lab.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => lab.on('exit', (code) => resolve(code)));

    // Wait until the monolith is frozen (the fault is in effect): its process state is T (stopped).
    const deadline = Date.now() + 60_000;
    let frozen: number | undefined;
    while (frozen === undefined && Date.now() < deadline) {
      await sleep(250);
      frozen = childrenOf(lab.pid!).find((pid) => {
        try {
          return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('T');
        } catch {
          return false;
        }
      });
    }
    expect(frozen, `the monolith was never frozen; output:\n${output}`).toBeDefined();
    const processes = [...childrenOf(lab.pid!), ...childrenOf(lab.pid!).flatMap(childrenOf)];

    lab.kill('SIGINT');
    expect(await exited).toBe(130);
    await sleep(500);
    expect(processes.filter(alive)).toEqual([]);

    const runs = readdirSync(join(resultsDir, 'runs'));
    expect(runs).toHaveLength(1);
    const run = JSON.parse(readFileSync(join(resultsDir, 'runs', runs[0]!, 'run.json'), 'utf8'));
    expect(run.complete).toBe(false);
    expect(run.variants[0].incomplete).toBe(true);
    expect(existsSync(join(resultsDir, 'runs', runs[0]!, 'report.html'))).toBe(true);
    expect(output).toContain('interrupted');
  }, 120_000);
});
