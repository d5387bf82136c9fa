/** A private nats-server with JetStream: its own port and store dir, listening on 127.0.0.1 only. */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { freePort } from '../process/free-port.js';
import { defaultRegistryDir } from '../process/instance-registry.js';
import { binaryName, findBrokerBinary } from './binaries.js';
import { BrokerBinaryMissingError } from './errors.js';
import { openCleanJetStream } from './jetstream-reset.js';
import { startManagedBroker } from './managed-broker.js';
import type { BrokerStartOptions, ShareableBroker } from './types.js';

const DEFAULT_READY_TIMEOUT_MS = 15_000;
const GRACE_MS = 3_000;
const PROBE_TIMEOUT_MS = 2_000;

export async function startNats(options: BrokerStartOptions): Promise<ShareableBroker> {
  const binary = findBrokerBinary('nats');
  if (!binary.found) throw new BrokerBinaryMissingError('nats', binaryName('nats'), binary.installHint);

  const dir = resolve(options.dir);
  const storeDir = join(dir, 'jetstream');
  await mkdir(storeDir, { recursive: true });
  const port = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  const args = [
    '--jetstream',
    '--store_dir', storeDir,
    '--addr', '127.0.0.1',
    '--port', String(port),
    // A fixed name across restarts, so JetStream finds its own state again.
    '--server_name', `archlab-${randomBytes(4).toString('hex')}`,
  ];

  return startManagedBroker(
    {
      kind: 'nats',
      port,
      url,
      command: {
        command: binary.path, args, env: {}, instanceDir: dir, cwd: dir, graceMs: GRACE_MS,
        registry: { dir: options.registryDir ?? defaultRegistryDir(), kind: 'nats' },
      },
      readyTimeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
      probe: () => probeJetStream(url),
      brokerPid: async (pid) => pid,
      openScope: () => openCleanJetStream(url),
    },
    options.onLog,
    options.niceness,
  );
}

/** Ready means JetStream answers, not only that the port accepts: streams are recovered by then. */
async function probeJetStream(url: string): Promise<void> {
  const connection = await connect({ servers: url, timeout: PROBE_TIMEOUT_MS, reconnect: false });
  try {
    await jetstreamManager(connection, { timeout: PROBE_TIMEOUT_MS });
  } finally {
    await connection.close();
  }
}
