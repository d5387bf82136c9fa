/** For a test file: the micro variant started before its tests and stopped after them, however they end. */
import { afterAll, beforeAll } from 'vitest';
import { startMicro, type MicroRun } from './micro-run.js';
import { ShopClient } from '../shop-client.js';

export interface MicroSuite {
  readonly run: MicroRun;
  /** The public API, through the gateway. */
  readonly shop: ShopClient;
}

export function useMicroVariant(): MicroSuite {
  let run: MicroRun | undefined;
  let shop: ShopClient | undefined;
  beforeAll(async () => {
    run = await startMicro();
    shop = new ShopClient(run.running.edgeUrl);
  });
  afterAll(async () => {
    await run?.running.stop();
  });
  return {
    get run() { return run!; },
    get shop() { return shop!; },
  };
}
