/**
 * Every operation of every module is gated in every variant, in the processes that host the module
 * (run `npm run build` first). Each variant runs as real processes with real brokers; every process
 * logs the operations it gated once at start; the central log's lines are held against the one map
 * (shared-domain/modules.ts) and the variant's topology.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppComponent, Topology } from '../../boundary/topology.js';
import { startVariant } from '../../lab/runner/index.js';
import { MODULE_NAMES, MODULE_OPERATIONS, type ModuleName } from '../../shared-domain/modules.js';
import type { GatedOperations } from '../../variants/common/module-faults.js';
import { GATED_OPERATIONS_MESSAGE } from '../../variants/common/run-component.js';
import { microTopology } from '../../variants/micro/topology.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { soaTopology } from '../../variants/soa/topology.js';

interface GatesLine { readonly component: string; readonly instance: number; readonly gated: GatedOperations }

const EVERY_OPERATION = MODULE_NAMES.flatMap((module) => MODULE_OPERATIONS[module].map((name) => `${module}.${name}`)).sort();

/** Starts the variant, stops it (which closes the central log), and reads the gates each process logged. */
async function loggedGates(topology: Topology): Promise<GatesLine[]> {
  const runDir = await mkdtemp(join(tmpdir(), `archlab-gates-${topology.variant}-`));
  try {
    const running = await startVariant(topology, { runDir, readyTimeoutMs: 120_000 });
    await running.stop();
    const lines = (await readFile(running.centralLogPath, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    return lines.filter((line) => line.msg === GATED_OPERATIONS_MESSAGE) as unknown as GatesLine[];
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

const operationsOf = (gated: GatedOperations): string[] =>
  Object.entries(gated).flatMap(([module, names]) => (names ?? []).map((name) => `${module}.${name}`));

describe.each([monolithTopology, soaTopology, microTopology])('module gates of $variant', (topology) => {
  const apps = topology.components.filter((c): c is AppComponent => c.kind === 'app');
  let lines: GatesLine[];
  /** Component → what its processes gated (replicas gate alike; checked below). */
  let byComponent: Map<string, GatedOperations>;

  beforeAll(async () => {
    lines = await loggedGates(topology);
    byComponent = new Map(lines.map((line) => [line.component, line.gated]));
    const gatedCount = new Set(lines.flatMap((line) => operationsOf(line.gated))).size;
    console.log(`${topology.variant}: ${gatedCount} module operations gated in ${lines.length} process(es): ${JSON.stringify(Object.fromEntries(byComponent))}`);
  }, 240_000);

  it('every process of every app logged its gates at start, replicas alike', () => {
    for (const app of apps) {
      for (let instance = 0; instance < app.replicas; instance++) {
        const own = lines.filter((line) => line.component === app.name && line.instance === instance);
        expect(own.length, `${app.name}[${instance}] logged "${GATED_OPERATIONS_MESSAGE}"`).toBeGreaterThanOrEqual(1);
        for (const line of own) expect(line.gated).toEqual(byComponent.get(app.name));
      }
    }
  });

  it('every operation of every module in the map is gated', () => {
    expect([...new Set(lines.flatMap((line) => operationsOf(line.gated)))].sort()).toEqual(EVERY_OPERATION);
  });

  it('each operation is gated in one component only: a call passes one gate', () => {
    const gatedIn = apps.flatMap((app) => operationsOf(byComponent.get(app.name) ?? {}).map((operation) => ({ operation, component: app.name })));
    const twice = gatedIn.filter((a, i) => gatedIn.findIndex((b) => b.operation === a.operation) !== i);
    expect(twice).toEqual([]);
  });

  it.each(MODULE_NAMES)('%s is gated in exactly the components the topology says host it', (module: ModuleName) => {
    const hosts = apps.filter((app) => app.modules.includes(module)).map((app) => app.name).sort();
    const gating = apps.filter((app) => (byComponent.get(app.name)?.[module]?.length ?? 0) > 0).map((app) => app.name).sort();
    expect(gating).toEqual(hosts);
  });
});
