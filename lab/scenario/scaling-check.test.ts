/** A scale-out is checked when the scenario is loaded: it needs a capacity block, and one host of its module per variant. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from './load-scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'archlab-scaling-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scenarioFile(fields: Record<string, unknown>): string {
  const path = join(dir, `${Object.keys(fields).join('-') || 'plain'}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({
    name: 'scale-check', title: 'scale check', description: 'a scale-out to check', load: { ratePerSecond: 0 }, timing: { measureMs: 5_000 },
    capacity: { journey: 'browse' }, scaling: { module: 'search', replicas: [1, 2] }, ...fields,
  }));
  return path;
}

describe('a scale-out scenario, when loaded', () => {
  it('passes the built-in one, search hosted once in every variant', () => {
    expect(loadScenario('scale-out-search').scaling).toMatchObject({ module: 'search', replicas: [1, 2, 3] });
  });

  it('refuses one without a capacity block, and a module that two components of a variant host', () => {
    expect(() => loadScenario(scenarioFile({ capacity: undefined }))).toThrow(/scaling: needs a capacity block/);
    expect(() => loadScenario(scenarioFile({ scaling: { module: 'orders', replicas: [1, 2] } }))).toThrow(/scaling: soa has 2 components hosting orders \(sales-service, esb\)/);
  });

  it('refuses replica counts that do not rise', () => {
    expect(() => loadScenario(scenarioFile({ scaling: { module: 'search', replicas: [2, 1] } }))).toThrow(/replica counts must rise/);
  });
});
