/**
 * `archlab studio [--variants a,b] [--port N] [--rate R]`: the chosen variants side by side under a light
 * load, and a page on 127.0.0.1 to watch and break them (lab/studio). Prints the page's address with its
 * token and opens nothing; Ctrl-C stops everything.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { installCleanup } from '../../runner/index.js';
import { startStudio, type Studio } from '../../studio/studio.js';
import { checkRequirements } from '../preflight.js';
import { UsageError } from '../usage-error.js';
import { parseVariants } from './run.js';

/** A few journeys per second each: enough to see a fault at once, light enough for three variants on two cores. */
export const STUDIO_RATE = 5;

export interface StudioCommandOptions {
  readonly variants?: string;
  readonly port?: string;
  readonly rate?: number;
  readonly seed?: number;
  readonly baseDir: string;
  readonly print: (line: string) => void;
}

export async function studioCommand(options: StudioCommandOptions): Promise<Studio> {
  const variants = parseVariants(options.variants);
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && (!/^\d{1,5}$/.test(options.port!) || port < 1 || port > 65_535)) throw new UsageError(`--port takes a TCP port from 1 to 65535, got "${options.port}"`);
  checkRequirements(variants, []);
  const runDir = mkdtempSync(join(options.baseDir, 'studio-'));
  const started: { studio?: Studio; stopped?: boolean } = {};
  installCleanup({ stop: async () => { started.stopped = true; await started.studio?.stop(); } });
  const studio = started.studio = await startStudio({ variants, port, ratePerSecond: options.rate ?? STUDIO_RATE, runDir, seed: options.seed, onProgress: options.print });
  if (started.stopped) await studio.stop();
  options.print(`studio: ${studio.url}/?token=${studio.token}`);
  options.print('Open that address in a browser on this machine. Ctrl-C stops every process.');
  return studio;
}
