/** Where the broker programs (and HAProxy) live: Debian/Ubuntu packages first, then Homebrew, then the PATH. */
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import type { BrokerBinaryLookup, BrokerKind } from './types.js';

interface BinarySpec {
  readonly name: string;
  /** Checked before the PATH. Debian's /usr/sbin/rabbitmq-server switches to the rabbitmq user, so the
   *  script it wraps comes first. */
  readonly preferred: readonly string[];
  readonly installHint: string;
}

const INSTALL_SCRIPT = 'bash scripts/install-system-deps.sh';

const BINARIES: Record<BrokerKind | 'epmd' | 'haproxy', BinarySpec> = {
  rabbitmq: {
    name: 'rabbitmq-server',
    preferred: [
      '/usr/lib/rabbitmq/bin/rabbitmq-server',
      '/opt/homebrew/opt/rabbitmq/sbin/rabbitmq-server',
      '/usr/local/opt/rabbitmq/sbin/rabbitmq-server',
    ],
    installHint: `sudo apt-get install rabbitmq-server (or ${INSTALL_SCRIPT}; macOS: brew install rabbitmq)`,
  },
  nats: {
    name: 'nats-server',
    preferred: ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/opt/homebrew/bin/nats-server', '/usr/local/bin/nats-server'],
    installHint: `sudo apt-get install nats-server (or ${INSTALL_SCRIPT}; macOS: brew install nats-server)`,
  },
  epmd: {
    name: 'epmd',
    preferred: ['/usr/bin/epmd', '/usr/lib/erlang/bin/epmd', '/opt/homebrew/bin/epmd', '/usr/local/bin/epmd'],
    installHint: `sudo apt-get install erlang-base (it comes with rabbitmq-server)`,
  },
  haproxy: {
    name: 'haproxy',
    preferred: ['/usr/sbin/haproxy', '/opt/homebrew/bin/haproxy', '/usr/local/bin/haproxy', '/usr/local/sbin/haproxy'],
    installHint: `sudo apt-get install haproxy (or ${INSTALL_SCRIPT}; macOS: brew install haproxy)`,
  },
};

/**
 * `ARCHLAB_RABBITMQ_SERVER` / `ARCHLAB_NATS_SERVER` / `ARCHLAB_HAPROXY` name the program to use instead
 * of searching (an install elsewhere); a path that is not an executable file counts as missing.
 */
const OVERRIDES: Record<BrokerKind | 'haproxy', string> = { rabbitmq: 'ARCHLAB_RABBITMQ_SERVER', nats: 'ARCHLAB_NATS_SERVER', haproxy: 'ARCHLAB_HAPROXY' };

export function findBrokerBinary(kind: BrokerKind): BrokerBinaryLookup {
  return findOverridableBinary(kind);
}

/** The load balancer in front of replicated HTTP components (lab/haproxy). */
export function findHaproxyBinary(): BrokerBinaryLookup {
  return findOverridableBinary('haproxy');
}

/** Erlang's port mapper, needed to stop a RabbitMQ instance's private epmd. */
export function findEpmd(): BrokerBinaryLookup {
  return findBinary(BINARIES.epmd);
}

/** rabbitmqctl beside the rabbitmq-server that was found (Debian's /usr/sbin one switches users). */
export function findRabbitMqCtl(serverPath: string): BrokerBinaryLookup {
  const path = join(dirname(serverPath), 'rabbitmqctl');
  return isExecutable(path) ? { found: true, path } : { found: false, installHint: BINARIES.rabbitmq.installHint };
}

export function binaryName(kind: BrokerKind | 'haproxy'): string {
  return BINARIES[kind].name;
}

function findOverridableBinary(kind: BrokerKind | 'haproxy'): BrokerBinaryLookup {
  const override = process.env[OVERRIDES[kind]];
  if (override !== undefined && override !== '') {
    return isExecutable(override) ? { found: true, path: override } : { found: false, installHint: `${OVERRIDES[kind]}=${override} is not an executable file; ${BINARIES[kind].installHint}` };
  }
  return findBinary(BINARIES[kind]);
}

function findBinary(spec: BinarySpec): BrokerBinaryLookup {
  const onPath = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, spec.name));
  const path = [...spec.preferred, ...onPath].find(isExecutable);
  return path === undefined ? { found: false, installHint: spec.installHint } : { found: true, path };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
