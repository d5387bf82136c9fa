import { describe, expect, it } from 'vitest';
import type { Topology } from '../../boundary/topology.js';
import { fixtureApp, fixtureTopology } from './fixtures/fixture-topology.js';
import { planStart, stopWaves } from './start-order.js';

describe('planStart', () => {
  it('puts each component at its depth and stops the deepest first', () => {
    const plan = planStart(fixtureTopology);
    expect(Object.fromEntries(plan.depth)).toEqual({ store: 0, backend: 1, search: 1, edge: 2 });
    expect(stopWaves(plan.apps, plan.depth).map((wave) => wave.map((c) => c.name))).toEqual([['edge'], ['backend', 'search'], ['store']]);
  });

  it('starts each component after its startAfter (default: dependsOn), and after every broker it uses', () => {
    const plan = planStart({
      variant: 'micro', description: '', edge: 'a',
      components: [
        { kind: 'broker', name: 'nats', broker: 'nats', role: 'events', dependsOn: [] },
        { ...fixtureApp('a', ['nats', 'b']), startAfter: [] },
        fixtureApp('b', ['nats']),
      ],
    });
    expect(Object.fromEntries(plan.startAfter)).toEqual({ nats: [], a: ['nats'], b: ['nats'] });
  });

  const broken = (components: Topology['components'], edge = 'a'): Topology => ({ variant: 'micro', description: '', edge, components });

  it.each([
    ['an unknown dependency', broken([fixtureApp('a', ['ghost'])]), /a depends on unknown ghost/],
    ['a cycle', broken([fixtureApp('a', ['b']), fixtureApp('b', ['a'])]), /cycle a → b → a/],
    ['two components with one name', broken([fixtureApp('a'), fixtureApp('a')]), /two components are named a/],
    ['no replica', broken([fixtureApp('a', [], 0)]), /at least one replica/],
    ['an edge that is not an app', broken([fixtureApp('a')], 'nats'), /edge nats is not an app/],
    ['a start dependency it does not depend on', broken([{ ...fixtureApp('a'), startAfter: ['b'] }, fixtureApp('b')]), /a starts after b, which is not in its dependsOn/],
  ])('rejects %s', (_, topology, message) => {
    expect(() => planStart(topology)).toThrow(message);
  });
});
