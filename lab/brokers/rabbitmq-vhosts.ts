/**
 * A fresh vhost per run on a private RabbitMQ node, made with rabbitmqctl (the management plugin is
 * off): `import_definitions` creates the vhost and gives guest every permission in one call, and
 * `delete_vhost` removes it with its queues and exchanges. Each call boots a small Erlang CLI node
 * (about a second), which is why the pool deletes old vhosts while it creates the next one.
 */
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RabbitMqCtlError } from './errors.js';
import type { BrokerScope } from './types.js';

const CTL_TIMEOUT_MS = 30_000;

export interface RabbitMqControl {
  readonly ctlPath: string;
  /** The node's environment (HOME for the cookie, RABBITMQ_NODENAME, ERL_EPMD_PORT, …). */
  readonly env: Readonly<Record<string, string>>;
  readonly nodeName: string;
  /** Where the definitions file is written for a moment. */
  readonly dir: string;
}

export async function openVhostScope(control: RabbitMqControl, baseUrl: string, vhost: string): Promise<BrokerScope> {
  const file = join(control.dir, `vhost-${vhost}.json`);
  const definitions = {
    vhosts: [{ name: vhost }],
    permissions: [{ user: 'guest', vhost, configure: '.*', write: '.*', read: '.*' }],
  };
  await writeFile(file, JSON.stringify(definitions));
  try {
    await rabbitmqctl(control, ['import_definitions', file]);
  } finally {
    await rm(file, { force: true });
  }
  return {
    url: `${baseUrl}/${encodeURIComponent(vhost)}`,
    close: () => rabbitmqctl(control, ['delete_vhost', vhost]),
  };
}

function rabbitmqctl(control: RabbitMqControl, args: readonly string[]): Promise<void> {
  const fullArgs = ['-n', control.nodeName, '-q', ...args];
  return new Promise((resolve, reject) => {
    execFile(
      control.ctlPath, fullArgs,
      { env: { ...process.env, ...control.env }, timeout: CTL_TIMEOUT_MS, killSignal: 'SIGKILL', encoding: 'utf8' },
      (error, stdout, stderr) => (error ? reject(new RabbitMqCtlError(args, `${stdout}${stderr}`, { cause: error })) : resolve()),
    );
  });
}
