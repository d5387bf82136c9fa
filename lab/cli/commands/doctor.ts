/** What the lab needs on this machine, each found or with the command that installs it. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findHaproxyBinary } from '../../brokers/binaries.js';
import { findBrokerBinary } from '../../brokers/index.js';
import { SETUP_COMMAND } from '../preflight.js';
import { formatTable } from '../table.js';

interface Check { readonly name: string; readonly ok: boolean; readonly found: string; readonly fix: string; readonly required: boolean }

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function doctorChecks(): Check[] {
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const rabbit = findBrokerBinary('rabbitmq');
  const nats = findBrokerBinary('nats');
  const haproxy = findHaproxyBinary();
  const chromium = CHROMIUM_PATHS.find((p) => existsSync(p));
  const docker = dockerEngine();
  return [
    { name: 'node', ok: nodeMajor >= 20, found: process.version, fix: 'install Node.js 20 or newer', required: true },
    { name: 'rabbitmq-server', ok: rabbit.found, found: rabbit.found ? rabbit.path : 'missing', fix: rabbit.found ? '' : rabbit.installHint, required: true },
    { name: 'nats-server', ok: nats.found, found: nats.found ? nats.path : 'missing', fix: nats.found ? '' : nats.installHint, required: true },
    // Needed only when the public edge runs several replicas (--replicas): run and up check for it then.
    { name: 'haproxy', ok: haproxy.found, found: haproxy.found ? haproxy.path : 'missing', fix: haproxy.found ? '' : `load balancer for replicated components: ${haproxy.installHint}`, required: false },
    { name: 'chromium', ok: chromium !== undefined, found: chromium ?? 'missing', fix: 'sudo apt-get install chromium (PNG snapshots and the browser test)', required: false },
    { name: 'docker engine', ok: docker.ok, found: docker.found, fix: docker.ok ? '' : 'only for the docker-compose path: install Docker Engine', required: false },
  ];
}

export function doctorCommand(): { text: string; ok: boolean } {
  const checks = doctorChecks();
  const rows = checks.map((c) => [c.name, c.ok ? 'ok' : c.required ? 'MISSING' : 'missing (optional)', c.found, c.ok ? '' : c.fix]);
  const ok = checks.every((c) => c.ok || !c.required);
  return { text: `${formatTable(['need', 'status', 'found', 'to fix'], rows)}\n\n${ok ? 'ready to run every variant' : `not ready: install what is MISSING, or everything at once with ${SETUP_COMMAND}`}`, ok };
}

function dockerEngine(): { ok: boolean; found: string } {
  try {
    const version = execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 }).toString().trim();
    return { ok: version.length > 0, found: `engine ${version}` };
  } catch {
    return { ok: false, found: 'no engine reachable' };
  }
}
