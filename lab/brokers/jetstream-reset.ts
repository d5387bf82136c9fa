/**
 * NATS keeps no per-run state outside JetStream, so a run's fresh scope is the whole server with every
 * stream deleted (a stream's consumers go with it). The variant then creates its streams as it does
 * on a new server: its code does not know it shares one.
 */
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { BrokerScope } from './types.js';

const TIMEOUT_MS = 5_000;

export async function openCleanJetStream(url: string): Promise<BrokerScope> {
  const connection = await connect({ servers: url, timeout: TIMEOUT_MS, reconnect: false });
  try {
    const jsm = await jetstreamManager(connection, { timeout: TIMEOUT_MS });
    const names: string[] = [];
    for await (const stream of jsm.streams.list()) names.push(stream.config.name);
    for (const name of names) await jsm.streams.delete(name);
  } finally {
    await connection.close();
  }
  return { url, close: async () => undefined };
}
