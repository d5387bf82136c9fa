/** A load balancer that cannot start says why, soon, and leaves nothing running. */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findHaproxyBinary } from '../brokers/binaries.js';
import { freePort } from '../process/free-port.js';
import { processesOfInstanceDir } from '../process/test-helpers.js';
import { HaproxyBinaryMissingError, HaproxyExitedError } from './errors.js';
import { startLoadBalancer } from './start.js';
import type { FrontendSpec } from './types.js';

const frontend = (port: number): FrontendSpec => ({ name: 'shop', port, healthPath: '/readyz', servers: [{ name: 'r1', url: 'http://127.0.0.1:1' }] });

describe('starting a load balancer that cannot start', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'archlab-haproxy-fail-'));
  });

  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  it('fails at once with HAProxy’s own reason when the port is taken, leaving no process', async () => {
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const startedAt = performance.now();
      const failure = await startLoadBalancer({ dir, frontends: [frontend(port)] }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(HaproxyExitedError);
      expect((failure as Error).message).toMatch(new RegExp(`Address already in use.*127\\.0\\.0\\.1:${port}`));
      expect(performance.now() - startedAt).toBeLessThan(5_000);
      expect(await processesOfInstanceDir(dir)).toEqual([]);
    } finally {
      squatter.close();
    }
  });

  it('names the install line when haproxy is missing', async () => {
    vi.stubEnv('ARCHLAB_HAPROXY', '/nonexistent/haproxy');
    const failure = startLoadBalancer({ dir, frontends: [frontend(0)] });
    await expect(failure).rejects.toThrow(HaproxyBinaryMissingError);
    await expect(failure).rejects.toThrow(/ARCHLAB_HAPROXY=\/nonexistent\/haproxy is not an executable file; sudo apt-get install haproxy/);
  });

  it('takes the binary ARCHLAB_HAPROXY names', () => {
    const installed = findHaproxyBinary();
    expect(installed).toMatchObject({ found: true, path: expect.stringMatching(/haproxy$/) });
    vi.stubEnv('ARCHLAB_HAPROXY', installed.found ? installed.path : '');
    expect(findHaproxyBinary()).toEqual(installed);
  });

  it('starts from a dir too deep for a unix socket path, its runtime API in a short private folder instead', async () => {
    const deep = join(dir, 'd'.repeat(120));
    const balancer = await startLoadBalancer({ dir: deep, frontends: [frontend(0)] });
    try {
      expect(await balancer.serverStats(frontend(0).name)).toBeInstanceOf(Array);
    } finally {
      await balancer.stop();
    }
  });
});
