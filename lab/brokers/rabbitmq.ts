/**
 * A private RabbitMQ node: its own node name, ports, epmd, Erlang cookie (HOME), data and config, no
 * plugins, listening on 127.0.0.1 only. Debian's rabbitmq-server script is run directly, not through
 * the wrapper that switches to the rabbitmq user.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { connect } from 'amqplib';
import { freePorts } from '../process/free-port.js';
import { defaultRegistryDir } from '../process/instance-registry.js';
import { binaryName, findBrokerBinary, findEpmd, findRabbitMqCtl } from './binaries.js';
import { onlyChildPid } from './child-pid.js';
import { BrokerBinaryMissingError } from './errors.js';
import { startManagedBroker } from './managed-broker.js';
import { openVhostScope } from './rabbitmq-vhosts.js';
import type { BrokerStartOptions, ShareableBroker } from './types.js';

const DEFAULT_READY_TIMEOUT_MS = 60_000;
const GRACE_MS = 3_000;
const PROBE_TIMEOUT_MS = 2_000;

const CONFIG = [
  'log.console = true',
  'log.console.level = info',
  'log.console.use_colors = off',
  'log.file = false',
  '',
].join('\n');

export async function startRabbitMq(options: BrokerStartOptions): Promise<ShareableBroker> {
  const binary = findBrokerBinary('rabbitmq');
  if (!binary.found) throw new BrokerBinaryMissingError('rabbitmq', binaryName('rabbitmq'), binary.installHint);
  const epmd = findEpmd();
  if (!epmd.found) throw new BrokerBinaryMissingError('rabbitmq', 'epmd', epmd.installHint);
  const ctl = findRabbitMqCtl(binary.path);
  if (!ctl.found) throw new BrokerBinaryMissingError('rabbitmq', 'rabbitmqctl', ctl.installHint);

  const dir = resolve(options.dir);
  const files = await writePrivateFiles(dir);
  const [port, distPort, epmdPort] = (await freePorts(3)) as [number, number, number];
  const url = `amqp://guest:guest@127.0.0.1:${port}`;
  const nodeName = `archlab-${randomBytes(4).toString('hex')}@localhost`;
  const env = {
    HOME: files.home,
    ERL_EPMD_PORT: String(epmdPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_USE_LONGNAME: 'false',
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    RABBITMQ_MNESIA_BASE: files.mnesia,
    RABBITMQ_LOG_BASE: files.log,
    RABBITMQ_CONFIG_FILE: files.config,
    RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    RABBITMQ_CONF_ENV_FILE: files.envConf,
    RABBITMQ_ENABLED_PLUGINS_FILE: files.enabledPlugins,
  };

  return startManagedBroker(
    {
      kind: 'rabbitmq',
      port,
      url,
      command: {
        command: binary.path, args: [], env, instanceDir: dir, cwd: dir, graceMs: GRACE_MS, epmd: { path: epmd.path, port: epmdPort },
        registry: { dir: options.registryDir ?? defaultRegistryDir(), kind: 'rabbitmq' },
      },
      readyTimeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
      probe: () => probeAmqp(url),
      // The script runs the Erlang VM as its only child; report that one.
      brokerPid: async (scriptPid) => (await onlyChildPid(scriptPid)) ?? scriptPid,
      openScope: (name) => openVhostScope({ ctlPath: ctl.path, env, nodeName, dir }, url, name),
    },
    options.onLog,
    options.niceness,
  );
}

async function probeAmqp(url: string): Promise<void> {
  const connection = await connect(url, { timeout: PROBE_TIMEOUT_MS });
  await connection.close();
}

async function writePrivateFiles(dir: string) {
  const files = {
    home: join(dir, 'home'),
    mnesia: join(dir, 'mnesia'),
    log: join(dir, 'log'),
    config: join(dir, 'rabbitmq.conf'),
    envConf: join(dir, 'rabbitmq-env.conf'),
    enabledPlugins: join(dir, 'enabled_plugins'),
  };
  await Promise.all([files.home, files.mnesia, files.log].map((path) => mkdir(path, { recursive: true })));
  await writeFile(files.config, CONFIG);
  await writeFile(files.envConf, '# empty: keeps /etc/rabbitmq/rabbitmq-env.conf out\n');
  await writeFile(files.enabledPlugins, '[].\n');
  return files;
}
