/** `--replicas`: bad counts, unknown components and brokers are usage errors naming what is valid, before anything starts. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { microTopology } from '../../variants/micro/topology.js';
import { parseReplicas, ReplicasError, replicasPerVariant, withReplicas } from '../../lab/topology/replicas.js';

const archlab = (...args: string[]) => {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['bin/archlab.js', ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, err: result.stderr, ms: Date.now() - started };
};

describe('--replicas', () => {
  it.each([
    [['up', 'monolith', '--replicas', 'shop=0'], 'from 1 to 8'],
    [['up', 'monolith', '--replicas', 'shop=9'], 'from 1 to 8'],
    [['up', 'micro', '--replicas', 'catalogue=2'], 'no component catalogue'],
    [['up', 'micro', '--replicas', 'nats=2'], 'nats is a broker'],
    [['up', 'soa', '--replicas', 'portal'], 'name=N'],
    [['run', 'baseline', '--variants', 'monolith', '--replicas', 'catalog=2'], 'no component catalog in monolith'],
  ])('%j → exit 2, "%s", before anything starts', (args, message) => {
    const { code, err, ms } = archlab(...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(ms).toBeLessThan(15_000);
  });

  it('names what can be replicated', () => {
    expect(() => withReplicas(microTopology, { nats: 2 })).toThrow(/gateway, catalog, recommendation, cart, order, inventory, payment/);
  });

  it('gives each variant the counts of the components it has and leaves the rest alone', () => {
    const counts = parseReplicas('shop=2,catalog=3');
    const both = replicasPerVariant([monolithTopology, microTopology], counts);
    const replicas = (t: typeof monolithTopology | undefined, name: string) => t?.components.find((c) => c.name === name && c.kind === 'app')?.kind === 'app'
      ? (t.components.find((c) => c.name === name) as { replicas: number }).replicas : undefined;
    expect(replicas(both.get(monolithTopology), 'shop')).toBe(2);
    expect(replicas(both.get(microTopology), 'catalog')).toBe(3);
    expect(replicas(both.get(microTopology), 'cart')).toBe(1);
    expect(replicas(monolithTopology, 'shop')).toBe(1);
    expect(() => parseReplicas('shop=2,shop=3')).toThrow(ReplicasError);
  });
});

describe('a scenario file with replicas', () => {
  it('is checked against its variants when loaded: an unknown component is exit 2', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'archlab-replicas-')), 'scenario.json');
    writeFileSync(file, JSON.stringify({
      name: 'replicas-check', title: 't', description: 'd', variants: ['micro'],
      load: { ratePerSecond: 5 }, timing: { measureMs: 2_000 }, replicas: { catalogue: 2 },
    }));
    const { code, err, ms } = archlab('run', file);
    expect(code).toBe(2);
    expect(err).toContain('replicas: no component catalogue in micro');
    expect(ms).toBeLessThan(15_000);
  });
});

describe('faults on replicas a scenario asks for', () => {
  it('are checked against the variant as it will run: instance 1 exists only with two replicas', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadScenario } = await import('../../lab/scenario/load-scenario.js');
    const write = (replicas?: Record<string, number>) => {
      const file = join(mkdtempSync(join(tmpdir(), 'archlab-replicas-')), 'scenario.json');
      writeFileSync(file, JSON.stringify({
        name: 'kill-second', title: 't', description: 'd', variants: ['micro'], load: { ratePerSecond: 5 }, timing: { measureMs: 2_000 },
        faults: [{ kind: 'kill', target: 'catalog', atMs: 1_000, durationMs: 1_000, params: { instance: 1 } }], ...(replicas ? { replicas } : {}),
      }));
      return file;
    };
    expect(() => loadScenario(write())).toThrow(/instance 1, but catalog has 1 replica/);
    expect(loadScenario(write({ catalog: 2 })).faults).toHaveLength(1);
  });
});
