/**
 * App replicas are not guarded (lab/runner spawns them as plain children with an IPC channel), and need
 * not be: they share the lab's process group, so a SIGKILL to that whole group (a CI timeout, the OOM
 * killer) reaches them too. A SIGKILL of the lab process alone closes their IPC channel, on which they
 * exit: lab/runner/no-orphans.test.ts covers that case.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { isAlive, temporaryRunDir, waitFor } from '../runner/fixtures/process-probes.js';
import { repositoryRoot } from '../runner/resolve-entry.js';

describe('app replicas and the lab’s process group', () => {
  it('SIGKILL to the lab’s whole group: every replica is gone within a few seconds', async () => {
    const lab = spawn(process.execPath, ['--import', 'tsx', 'lab/runner/fixtures/lab-script.ts', temporaryRunDir()], {
      cwd: repositoryRoot(), stdio: ['ignore', 'pipe', 'inherit'], detached: true, // its own group, as under a CI job
    });
    let pids: number[] = [];
    for await (const line of createInterface({ input: lab.stdout! })) {
      if (line.startsWith('{"pids"')) {
        pids = (JSON.parse(line) as { pids: number[] }).pids;
        break;
      }
    }
    expect(pids.length).toBeGreaterThan(0);
    expect(pids.every(isAlive)).toBe(true);
    process.kill(-lab.pid!, 'SIGKILL');
    await waitFor(() => !pids.some(isAlive), 5_000);
  });
});
