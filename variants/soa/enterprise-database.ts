import { join } from 'node:path';
import { MODULE_NAMES } from '../../shared-domain/modules.js';
import type { Product } from '../../shared-domain/types.js';
import { openDatabase, type Db } from '../common/sqlite/database.js';
import { ENTERPRISE_DB } from './topology.js';

/**
 * The shared enterprise database: one schema with every module's tables, whoever opens it first.
 * Stock is seeded by the inventory-service, which passes the catalog.
 */
export function openEnterpriseDatabase(dataDir: string, products?: readonly Product[]): Db {
  return openDatabase({ path: join(dataDir, ENTERPRISE_DB), modules: MODULE_NAMES, products });
}
