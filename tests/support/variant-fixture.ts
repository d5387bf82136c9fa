/** Starts a variant as real processes for a test file and stops it afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVariant, type RunningVariant, type StartVariantOptions } from '../../lab/runner/index.js';
import { findTopology } from '../../lab/topology/registry.js';
import { withReplicas } from '../../lab/topology/replicas.js';
import type { Topology } from '../../boundary/topology.js';

export interface VariantFixture {
  readonly running: RunningVariant;
  dispose(): Promise<void>;
}

/** Starts `topology` as it is (custom replica counts, restart policies) in a fresh run folder. */
export async function startTopology(topology: Topology, options: Partial<StartVariantOptions> = {}): Promise<VariantFixture> {
  const runDir = mkdtempSync(join(tmpdir(), `archlab-test-${topology.variant}-`));
  const running = await startVariant(topology, { runDir, readyTimeoutMs: 60_000, ...options });
  return {
    running,
    dispose: async () => {
      await running.stop();
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** `replicas`: that many replicas of every app component (the lab's --replicas for each of them). */
export async function startTestVariant(name: string, options: Partial<StartVariantOptions> = {}, replicas = 1): Promise<VariantFixture> {
  const found = findTopology(name);
  if (!found) throw new Error(`no topology named ${name}`);
  const topology = withReplicas(found, Object.fromEntries(found.components.filter((c) => c.kind === 'app').map((c) => [c.name, replicas])));
  const runDir = mkdtempSync(join(tmpdir(), `archlab-test-${name}-`));
  const running = await startVariant(topology, { runDir, ...options });
  return {
    running,
    dispose: async () => {
      await running.stop();
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** fetch with a JSON body and a parsed JSON answer. */
export async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json: json as any, text, headers: response.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
