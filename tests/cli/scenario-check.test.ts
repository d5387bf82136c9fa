/**
 * A scenario is checked when it is loaded, before anything starts: each fault's params by its kind, and
 * each target against the topology of every variant the scenario names. Run `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS } from '../../scenarios/index.js';
import { topologyOf } from '../../lab/scenario/run-scenario.js';
import { loadScenario } from '../../lab/scenario/load-scenario.js';
import { checkFaults, planFaults } from '../../lab/scenario/resolve-faults.js';
import { parseScenario, ScenarioError } from '../../lab/scenario/schema.js';
import { TOPOLOGIES } from '../../lab/topology/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'archlab-scenario-check-'));
const base = { title: 'a check', description: 'a fault that cannot run', load: { ratePerSecond: 10 }, timing: { measureMs: 5_000 } };
const window = { atMs: 1_000, durationMs: 2_000 };

function scenarioFile(name: string, faults: readonly object[], extra: object = {}): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, ...base, ...extra, faults }));
  return file;
}

function run(file: string) {
  const startedAt = Date.now();
  const result = spawnSync(process.execPath, ['bin/archlab.js', 'run', file, '--variants', 'micro'], { encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, err: result.stderr, tookMs: Date.now() - startedAt };
}

describe('archlab run with a scenario that cannot run', () => {
  it.each([
    ['a negative latency', { kind: 'latency', target: 'gateway->catalog', ...window, params: { latencyMs: -5 } },
      ['faults.0.params.latencyMs (latency gateway->catalog)', 'latency takes params: latencyMs, jitterMs = 0']],
    ['an unknown kill param', { kind: 'kill', target: 'cart', ...window, params: { bogus: 1 } },
      ['faults.0.params (kill cart)', '"bogus"', 'kill takes params: instance?, everyMs?']],
    ['a target the kind cannot take', { kind: 'module-error', target: 'billing', ...window },
      ['faults.0.target (module-error billing)', '"catalog"']],
    ['one bad target in a per-variant map', { kind: 'module-error', target: { micro: 'billing', soa: 'search' }, ...window },
      ['faults.0.target.micro (module-error {"micro":"billing","soa":"search"})', '"catalog"']],
  ])('stops at exit 2 before anything starts on %s, naming the fault and what is valid', (_, fault, messages) => {
    const { code, err, tookMs } = run(scenarioFile('bad-params', [fault]));
    expect(code).toBe(2);
    for (const message of messages) expect(err).toContain(message);
    expect(tookMs).toBeLessThan(10_000);
  });

  it('stops at exit 2 on a mistyped target, naming the scenario, the fault, each variant and the valid targets', () => {
    const file = scenarioFile('typo', [{ kind: 'pause', target: 'host:search', ...window }, { kind: 'kill', target: 'catalogue', ...window }], { variants: ['soa', 'micro'] });
    const { code, err, tookMs } = run(file);
    expect(code).toBe(2);
    expect(err).toContain(`scenario typo (${file})`);
    expect(err).toContain('fault 1 on micro: kill catalogue: micro has no component catalogue (kill can target: gateway, catalog,');
    expect(err).toContain('fault 1 on soa: kill catalogue: soa has no component catalogue (kill can target: product-service,');
    expect(err).not.toContain('fault 0');
    expect(tookMs).toBeLessThan(10_000);
  });
});

describe('the check at load', () => {
  it('passes every built-in scenario, on every topology as the scenario runs it (its replica counts)', () => {
    for (const { name } of BUILT_IN_SCENARIOS) {
      const scenario = loadScenario(name);
      for (const base of Object.values(TOPOLOGIES)) {
        const topology = topologyOf(base.variant, scenario.replicas ?? {});
        expect(checkFaults(scenario, topology), `${name} on ${topology.variant}`).toEqual([]);
        expect(() => planFaults(scenario, topology)).not.toThrow();
      }
    }
  });

  it('resolves the shorthands, and skips a fault where its variant has nothing to break', () => {
    const scenario = parseScenario({ name: 'shorthands', ...base, faults: [
      { kind: 'broker-outage', target: 'broker', ...window },
      { kind: 'pause', target: 'host:search', ...window },
      { kind: 'partition', target: { micro: 'gateway->cart', soa: null }, ...window },
    ] }, 'test');
    const { monolith, soa, micro } = TOPOLOGIES;
    for (const topology of [monolith, soa, micro]) expect(checkFaults(scenario, topology!)).toEqual([]);
    expect(planFaults(scenario, monolith!)).toMatchObject({ faults: [{ kind: 'pause', target: 'shop' }], skipped: ['broker-outage broker: monolith has no such part', 'partition: not applicable to monolith'] });
    expect(planFaults(scenario, micro!).faults.map((f) => `${f.kind} ${f.target}`)).toEqual(['broker-outage nats', 'pause catalog', 'partition gateway->cart']);
  });

  it('fills in each kind\'s defaults and rejects a shorthand where the kind takes a module or an edge', () => {
    const scenario = parseScenario({ name: 'defaults', ...base, faults: [{ kind: 'module-slow', target: 'payment', ...window }] }, 'test');
    expect(scenario.faults[0]?.params).toEqual({ delayMs: 500 });
    expect(() => parseScenario({ name: 'shorthand', ...base, faults: [{ kind: 'module-crash', target: 'host:search', ...window }] }, 'test'))
      .toThrow(ScenarioError);
    expect(() => parseScenario({ name: 'shorthand', ...base, faults: [{ kind: 'latency', target: 'broker', ...window, params: { latencyMs: 5 } }] }, 'test'))
      .toThrow(/faults\.0\.target \(latency broker\): an edge, "from->to"/);
  });
});
