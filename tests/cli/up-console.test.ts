/**
 * `archlab up` with fault commands on stdin, as a class without a browser uses it: a module crashed and
 * healed, an edge cut and healed, a mistake answered with what is valid; Ctrl-C leaves no process.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { alive, descendantsOf } from '../support/processes.js';

describe('archlab up: the fault console on stdin', () => {
  it('crashes recommendations, cuts gateway->cart, heals both, explains a mistake, and stops clean on Ctrl-C', async () => {
    const lab = spawn(process.execPath, ['bin/archlab.js', 'up', 'micro'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    lab.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    lab.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => lab.on('exit', (code) => resolve(code)));
    const until = async (pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = pattern.exec(output);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${pattern} in:\n${output}`);
        await sleep(100);
      }
    };
    const send = async (line: string, answer: RegExp) => {
      const before = output.length;
      lab.stdin.write(`${line}\n`);
      const deadline = Date.now() + 15_000;
      while (!answer.test(output.slice(before))) {
        if (Date.now() > deadline) throw new Error(`"${line}" got no ${answer}:\n${output.slice(before)}`);
        await sleep(100);
      }
    };
    try {
      const api = (await until(/public API: (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
      await until(/Type a fault command/);
      const status = async (path: string, init?: RequestInit) => (await fetch(`${api}${path}`, init)).status;
      // Recommendations in micro degrade rather than fail: an empty list marked degraded.
      const degraded = async () => {
        const response = await fetch(`${api}/api/products/p0042/recommendations`);
        return response.status === 200 ? ((await response.json()) as { degraded?: boolean }).degraded === true : `HTTP ${response.status}`;
      };
      expect(await degraded()).toBe(false);

      await send('crash recommendations', /module-crash recommendations: in effect/);
      expect(await degraded()).toBe(true);
      expect(await status('/api/products/p0042')).toBe(200);
      await send('status', /faults in effect: module-crash recommendations/);
      await send('heal', /module-crash recommendations: healed/);
      const healedBy = Date.now() + 15_000;
      while (await degraded() !== false && Date.now() < healedBy) await sleep(200);
      expect(await degraded()).toBe(false);

      await send('partition gateway->cart', /partition gateway->cart: in effect/);
      expect(await status('/api/carts', { method: 'POST' })).toBeGreaterThanOrEqual(500);
      await send('heal all', /partition gateway->cart: healed/);
      const deadline = Date.now() + 10_000;
      while (await status('/api/carts', { method: 'POST' }) !== 201 && Date.now() < deadline) await sleep(200);
      expect(await status('/api/carts', { method: 'POST' })).toBe(201);

      await send('kill catalogue', /error: kill catalogue: .*catalog/);
      await send('help', /heal all +undo every fault/);
    } finally {
      const processes = descendantsOf(lab.pid!);
      lab.kill('SIGINT');
      expect(await exited).toBe(130);
      await sleep(500);
      expect(processes.filter(alive)).toEqual([]);
    }
  }, 120_000);
});
