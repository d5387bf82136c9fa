import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../variants/common/sqlite/database.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import type { AppComponent, Topology } from '../../boundary/topology.js';
import { DatabaseUnreadableError, TopologyMismatchError } from './errors.js';
import { locateDatabases } from './locate-databases.js';
import { readSnapshot } from './read-snapshot.js';

const app = (name: string, modules: AppComponent['modules'], databases: string[]): AppComponent => ({
  kind: 'app', name, role: name, entry: `variants/x/${name}.ts`, replicas: 1, modules, readinessPath: '/readyz', restart: 'always', databases, dependsOn: [], http: true,
});
const topology = (variant: Topology['variant'], components: AppComponent[]): Topology => ({ variant, description: '', edge: components[0]?.name ?? '', components });

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('locating the databases from the topology', () => {
  it('finds the monolith\'s one file for everything', () => {
    expect(locateDatabases(monolithTopology, '/data')).toEqual({
      orders: join('/data', 'monolith.db'), inventory: join('/data', 'monolith.db'), recommendations: join('/data', 'monolith.db'),
    });
  });

  it('finds the shared enterprise database of an SOA shape, ignoring a host that keeps no data', () => {
    const soa = topology('soa', [
      app('portal', [], []),
      app('esb', ['orders'], []),
      app('product-service', ['catalog', 'search', 'recommendations'], ['enterprise.db']),
      app('sales-service', ['cart', 'orders'], ['enterprise.db']),
      app('inventory-service', ['inventory'], ['enterprise.db']),
    ]);
    expect(new Set(Object.values(locateDatabases(soa, '/d')))).toEqual(new Set([join('/d', 'enterprise.db')]));
  });

  it('finds one file per service in a micro shape', () => {
    const micro = topology('micro', [
      app('gateway', [], []),
      app('order', ['orders'], ['micro-order.db']),
      app('inventory', ['inventory'], ['micro-inventory.db']),
      app('recommendation', ['recommendations'], ['micro-recommendation.db']),
    ]);
    expect(locateDatabases(micro, '/d')).toEqual({
      orders: join('/d', 'micro-order.db'), inventory: join('/d', 'micro-inventory.db'), recommendations: join('/d', 'micro-recommendation.db'),
    });
  });

  it('fails clearly when no component with a database hosts a module, or when the file is ambiguous', () => {
    const noInventory = topology('micro', [app('order', ['orders', 'recommendations'], ['a.db']), app('inventory', ['inventory'], [])]);
    expect(() => locateDatabases(noInventory, '/d')).toThrow(TopologyMismatchError);
    expect(() => locateDatabases(noInventory, '/d')).toThrow(/micro.*no app component that hosts it opens a database.*'inventory'/);
    const twoFiles = topology('soa', [app('a', ['orders', 'inventory', 'recommendations'], ['a.db']), app('b', ['orders'], ['b.db'])]);
    expect(() => locateDatabases(twoFiles, '/d')).toThrow(/expected one database file for it, found 2 \(a → a.db; b → b.db\)/);
  });
});

describe('reading the stores', () => {
  it('says which file is missing, and which table a wrong file lacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlab-locate-'));
    dirs.push(dir);
    const databases = locateDatabases(monolithTopology, dir);
    expect(() => readSnapshot(databases)).toThrow(DatabaseUnreadableError);
    expect(() => readSnapshot(databases)).toThrow(/monolith\.db: the file does not exist/);
    openDatabase({ path: databases.orders, modules: ['cart'] }).close();
    expect(() => readSnapshot(databases)).toThrow(/has no table 'orders'/);
  });
});
