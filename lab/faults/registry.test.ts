import { describe, expect, it } from 'vitest';
import { withReplicas } from '../topology/replicas.js';
import { fixtureApp } from '../runner/fixtures/fixture-topology.js';
import type { Topology } from '../../boundary/topology.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { z } from 'zod';
import { JOURNEY_NAMES } from '../journeys/types.js';
import { scenarioSchema } from '../scenario/schema.js';
import { TOPOLOGIES } from '../topology/registry.js';
import { InvalidFaultSpecError } from './errors.js';
import { FAULT_KINDS, faultParams, parseFaultSpec, predictFault, validateFaultAgainstTopology } from './registry.js';

const micro: Topology = {
  variant: 'micro', description: 'two services and a broker', edge: 'gateway',
  components: [
    { kind: 'broker', name: 'nats', broker: 'nats', role: 'events', dependsOn: [] },
    { ...fixtureApp('gateway', ['catalog']), modules: [] },
    { ...fixtureApp('catalog', ['nats'], 2), modules: ['catalog', 'search'] },
  ],
};
const timing = { atMs: 1_000, durationMs: 2_000 };
const check = (spec: unknown, topology = micro) => validateFaultAgainstTopology(parseFaultSpec(spec), topology);

describe('parseFaultSpec', () => {
  it('accepts every kind, filling in defaults, so results copy the values that were used', () => {
    expect(parseFaultSpec({ kind: 'module-slow', target: 'search', ...timing })).toEqual({ kind: 'module-slow', target: 'search', ...timing, params: { delayMs: 500 } });
    expect(parseFaultSpec({ kind: 'latency', target: 'a->b', ...timing, params: { latencyMs: 100 } }).params).toEqual({ latencyMs: 100, jitterMs: 0 });
    expect(parseFaultSpec({ kind: 'kill', target: 'cart', ...timing, params: { instance: 1, everyMs: 500 } }).params).toEqual({ instance: 1, everyMs: 500 });
    for (const spec of [
      { kind: 'pause', target: 'cart', ...timing }, { kind: 'module-crash', target: 'payment', ...timing },
      { kind: 'partition', target: 'gateway->cart', ...timing }, { kind: 'broker-outage', target: 'nats', ...timing },
    ]) expect(parseFaultSpec(spec)).toEqual(spec);
  });

  it('rejects what is not a fault, saying where', () => {
    const issues = (spec: unknown) => { try { parseFaultSpec(spec); } catch (e) { return (e as InvalidFaultSpecError).issues; } return []; };
    expect(issues({ kind: 'explode', target: 'x', ...timing })[0]).toMatch(/^kind: /);
    expect(issues({ kind: 'module-error', target: 'billing', ...timing })[0]).toMatch(/^target: .*"catalog"/);
    expect(issues({ kind: 'latency', target: 'a-b', ...timing, params: { latencyMs: 1 } })).toEqual(['target: an edge, "from->to"']);
    expect(issues({ kind: 'latency', target: 'a->b', ...timing })[0]).toMatch(/^params: /);
    expect(issues({ kind: 'pause', target: 'a', ...timing, params: { latencyMs: 1 } })[0]).toMatch(/^params: .*latencyMs/);
    expect(issues({ kind: 'kill', target: 'a', atMs: -1, durationMs: 0 }).map((i) => i.split(':')[0])).toEqual(['atMs', 'durationMs']);
    expect(() => parseFaultSpec({})).toThrow(InvalidFaultSpecError);
  });
});

describe('the table of kinds', () => {
  it('is the one list of kinds: the scenario file takes exactly these, each in its own shape', () => {
    const json = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as unknown as { properties: { faults: { items: { oneOf: Array<{ properties: { kind: { const: string } } }> } } } };
    expect(json.properties.faults.items.oneOf.map((f) => f.properties.kind.const)).toEqual([...FAULT_KINDS]);
    expect(FAULT_KINDS).toEqual(['kill', 'pause', 'module-crash', 'module-error', 'module-slow', 'module-hog', 'latency', 'partition', 'broker-outage', 'deploy', 'version', 'scale']);
  });

  it('says which params each kind takes', () => {
    expect(faultParams('kill')).toBe('instance?, everyMs?');
    expect(faultParams('latency')).toBe('latencyMs, jitterMs = 0');
    expect(faultParams('module-slow')).toBe('delayMs (left out: {"delayMs":500})');
    expect(faultParams('partition')).toBe('none');
  });

  it('predicts every journey for every kind on every variant', () => {
    const someTarget = { kill: 'shop', pause: 'shop', 'broker-outage': 'nats', latency: 'gateway->catalog', partition: 'gateway->catalog', deploy: 'shop', version: 'shop', scale: 'shop' } as Record<string, string>;
    const someParams = { latency: { latencyMs: 10 }, scale: { replicas: 2 }, version: { change: 'breaking' } } as Record<string, unknown>;
    for (const kind of FAULT_KINDS) {
      const spec = parseFaultSpec({ kind, target: someTarget[kind] ?? 'search', ...timing, ...(someParams[kind] ? { params: someParams[kind] } : {}) });
      for (const topology of Object.values(TOPOLOGIES)) expect(Object.keys(predictFault(spec, topology))).toEqual([...JOURNEY_NAMES]);
    }
    expect(predictFault(parseFaultSpec({ kind: 'module-hog', target: 'search', ...timing }), monolithTopology)).toEqual({ browse: 'slow', product: 'slow', cart: 'slow', checkout: 'slow' });
    expect(predictFault(parseFaultSpec({ kind: 'module-error', target: 'recommendations', ...timing }), monolithTopology)).toEqual({ browse: 'unaffected', product: 'degraded', cart: 'unaffected', checkout: 'unaffected' });
    // A deploy: the one shop restarted stop-first takes everything down meanwhile; start-first, or with a second replica, nothing.
    const deployShop = (strategy: string) => parseFaultSpec({ kind: 'deploy', target: 'shop', ...timing, params: { strategy } });
    expect(predictFault(deployShop('stop-first'), monolithTopology)).toEqual({ browse: 'failing', product: 'failing', cart: 'failing', checkout: 'failing' });
    expect(predictFault(deployShop('start-first'), monolithTopology)).toEqual({ browse: 'unaffected', product: 'unaffected', cart: 'unaffected', checkout: 'unaffected' });
    expect(predictFault(deployShop('stop-first'), withReplicas(monolithTopology, { shop: 2 }))).toEqual({ browse: 'unaffected', product: 'unaffected', cart: 'unaffected', checkout: 'unaffected' });
    // Kubernetes' counts: two shops, no surge and both may be down at once: an outage; with a surge, none.
    const paced = (params: object) => parseFaultSpec({ kind: 'deploy', target: 'shop', ...timing, params });
    expect(predictFault(paced({ maxSurge: 0, maxUnavailable: 2 }), withReplicas(monolithTopology, { shop: 2 })).browse).toBe('failing');
    expect(predictFault(paced({ maxSurge: 1, maxUnavailable: 2 }), withReplicas(monolithTopology, { shop: 2 })).browse).toBe('unaffected');
    // A version is a deploy too; expand/contract only for a breaking change.
    const versionShop = (params: object) => parseFaultSpec({ kind: 'version', target: 'shop', ...timing, params });
    expect(predictFault(versionShop({ change: 'breaking', strategy: 'stop-first' }), monolithTopology).checkout).toBe('failing');
    expect(versionShop({ change: 'breaking', expandContract: true }).params).toMatchObject({ expandContract: true, version: 'v2' });
    expect(() => versionShop({ change: 'additive', expandContract: true })).toThrow(/expandContract applies to a breaking change only/);
    expect(() => versionShop({})).toThrow(/change/);
    // One replica of two killed: the other serves. The only one, or all of them: the component is gone.
    const killShop = (params?: { instance: number }) => parseFaultSpec({ kind: 'kill', target: 'shop', ...timing, ...(params ? { params } : {}) });
    expect(predictFault(killShop({ instance: 1 }), withReplicas(monolithTopology, { shop: 2 }))).toEqual({ browse: 'unaffected', product: 'unaffected', cart: 'unaffected', checkout: 'unaffected' });
    expect(predictFault(killShop(), withReplicas(monolithTopology, { shop: 2 }))).toEqual({ browse: 'failing', product: 'failing', cart: 'failing', checkout: 'failing' });
    expect(predictFault(killShop({ instance: 0 }), monolithTopology)).toEqual({ browse: 'failing', product: 'failing', cart: 'failing', checkout: 'failing' });
  });
});

describe('validateFaultAgainstTopology', () => {
  it('accepts what the variant has', () => {
    for (const spec of [
      { kind: 'kill', target: 'catalog', ...timing, params: { instance: 1 } }, { kind: 'pause', target: 'nats', ...timing },
      { kind: 'module-hog', target: 'search', ...timing }, { kind: 'partition', target: 'catalog->nats', ...timing },
      { kind: 'latency', target: 'gateway->catalog', ...timing, params: { latencyMs: 50 } }, { kind: 'broker-outage', target: 'nats', ...timing },
    ]) expect(check(spec)).toBeUndefined();
    expect(check({ kind: 'module-crash', target: 'orders', ...timing }, monolithTopology)).toBeUndefined();
  });

  it('names what is unknown and lists what is valid', () => {
    expect(check({ kind: 'kill', target: 'cart', ...timing })).toBe('kill cart: micro has no component cart (kill can target: gateway, catalog)');
    expect(check({ kind: 'kill', target: 'nats', ...timing })).toMatch(/nats is a broker, which nothing restarts; use broker-outage/);
    expect(check({ kind: 'pause', target: 'cart', ...timing })).toMatch(/pause can target: nats, gateway, catalog\)$/);
    expect(check({ kind: 'pause', target: 'catalog', ...timing, params: { instance: 2 } })).toBe('pause catalog: instance 2, but catalog has 2 replica(s), from 0');
    expect(check({ kind: 'module-error', target: 'cart', ...timing })).toBe('module-error cart: no component of micro hosts module cart (hosted: catalog, search)');
    expect(check({ kind: 'partition', target: 'catalog->gateway', ...timing }))
      .toBe('partition catalog->gateway: micro has no edge catalog->gateway (edges, from each app to what it depends on: gateway->catalog, catalog->nats)');
    expect(check({ kind: 'latency', target: 'shop->db', ...timing, params: { latencyMs: 5 } }, monolithTopology)).toMatch(/no edge shop->db \(.*: none\)$/);
    expect(check({ kind: 'broker-outage', target: 'rabbitmq', ...timing })).toBe('broker-outage rabbitmq: micro has no broker rabbitmq (brokers: nats)');
    expect(check({ kind: 'broker-outage', target: 'nats', ...timing }, monolithTopology)).toMatch(/\(brokers: none\)$/);
  });
});
