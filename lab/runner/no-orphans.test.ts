import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { isAlive, temporaryRunDir, waitFor } from './fixtures/process-probes.js';
import { repositoryRoot } from './resolve-entry.js';

/** A lab process (lab-script.ts) with the fixture variant started in it, and the pids of its apps. */
async function startLabProcess(runDir: string): Promise<{ lab: ChildProcess; pids: number[] }> {
  const lab = spawn(process.execPath, ['--import', 'tsx', 'lab/runner/fixtures/lab-script.ts', runDir], {
    cwd: repositoryRoot(), stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = createInterface({ input: lab.stdout! });
  for await (const line of lines) {
    if (line.startsWith('{"pids"')) return { lab, pids: (JSON.parse(line) as { pids: number[] }).pids };
  }
  throw new Error('the lab script ended without printing its pids');
}

describe('no child outlives the lab', () => {
  it('SIGKILL to the lab process: its apps exit on IPC disconnect within a few seconds', async () => {
    const { lab, pids } = await startLabProcess(temporaryRunDir());
    expect(pids).toHaveLength(5);
    expect(pids.every(isAlive)).toBe(true);
    lab.kill('SIGKILL');
    const goneAfterMs = await waitFor(() => !pids.some(isAlive), 5_000);
    console.log(`lab SIGKILLed → all 5 apps gone after ${goneAfterMs} ms`);
  });

  it('SIGINT to the lab process: everything stopped, exit code 130', async () => {
    const runDir = temporaryRunDir();
    const { lab, pids } = await startLabProcess(runDir);
    const exited = once(lab, 'exit');
    lab.kill('SIGINT');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(130);
    expect(pids.filter(isAlive)).toEqual([]);
    const log = readFileSync(`${runDir}/logs/central.ndjson`, 'utf8');
    expect(log.match(/"msg":"SIGTERM: stopping"/g)).toHaveLength(5); // stopped in order, log flushed
  });
});
