/**
 * Which SQLite file holds which tables, read off the topology: a module's tables live in the database
 * of the component(s) hosting it. monolith: one file for everything; soa: every service opens the one
 * shared file; micro: one file per service.
 */
import { join } from 'node:path';
import type { ModuleName } from '../../shared-domain/modules.js';
import type { AppComponent, Topology } from '../../boundary/topology.js';
import { TopologyMismatchError } from './errors.js';

/** The modules whose tables the integrity check reads. */
export const CHECKED_MODULES = ['orders', 'inventory', 'recommendations'] as const satisfies readonly ModuleName[];
export type CheckedModule = (typeof CHECKED_MODULES)[number];

/** Absolute paths: orders → orders + outbox; inventory → stock + reservations + its applied_events; recommendations → its applied_events. */
export type IntegrityDatabases = Readonly<Record<CheckedModule, string>>;

export function locateDatabases(topology: Topology, dataDir: string): IntegrityDatabases {
  const apps = topology.components.filter((c): c is AppComponent => c.kind === 'app');
  const located = {} as Record<CheckedModule, string>;
  for (const module of CHECKED_MODULES) {
    // A host without a database (an orchestrator running the use case over remote ports) keeps no rows.
    const hosts = apps.filter((a) => a.modules.includes(module) && a.databases.length > 0);
    if (hosts.length === 0) throw new TopologyMismatchError(topology.variant, module, 'no app component that hosts it opens a database');
    const files = [...new Set(hosts.flatMap((h) => h.databases))];
    if (files.length !== 1) {
      const owners = hosts.map((h) => `${h.name} → ${h.databases.join(', ')}`).join('; ');
      throw new TopologyMismatchError(topology.variant, module, `expected one database file for it, found ${files.length} (${owners})`);
    }
    located[module] = join(dataDir, files[0] as string);
  }
  return located;
}
