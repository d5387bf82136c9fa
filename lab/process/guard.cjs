'use strict';
/*
 * Process guard: keeps one broker process from outliving the lab.
 *
 *   lab ──IPC, own process group──> guard (node, this file) ──spawn, own process group──> broker (+ children)
 *
 * The guard is not in the lab's process group, so a SIGKILL to that whole group (a CI timeout, an OOM
 * kill) leaves it alive to notice the IPC channel close and stop the broker.
 * Launched as `node guard.cjs '<json spec>'` with an IPC channel. It starts the broker in a new process
 * group, forwards its output, and reports over IPC: {type:'started', pid}, {type:'exit', code, signal}
 * (the broker ended), or {type:'spawn-failed', message}. When the IPC channel disconnects (the lab died,
 * even by SIGKILL) or the guard gets SIGTERM/SIGHUP, it stops the whole group (SIGTERM, SIGKILL after
 * graceMs). Whenever the broker ends, however it ends, the guard kills what is left of the group, runs
 * `epmd -kill` on the instance's private epmd port (RabbitMQ), and exits: one guard per broker lifetime.
 *
 * Plain JavaScript, not compiled: it must run the same from the sources and from dist/.
 * spec: { command, args, env, cwd, graceMs, niceness?, epmd?: { path, port } }
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS, run by node as is
const { spawn, spawnSync } = require('node:child_process');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const { setPriority } = require('node:os');

const spec = JSON.parse(process.argv[2] ?? '{}');
const graceMs = spec.graceMs ?? 3000;
let stopping = false;
let ended = false;

for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
process.on('SIGINT', () => {}); // a stray Ctrl-C (e.g. to the whole session): the lab decides when brokers stop.
process.on('SIGTERM', stopGracefully);
process.on('SIGHUP', stopGracefully);
process.on('disconnect', stopGracefully);

// A broker booted ahead of time runs at low priority until the lab renices it (lab/brokers/renice.ts).
if (typeof spec.niceness === 'number') setPriority(spec.niceness);

const broker = spawn(spec.command, spec.args, {
  cwd: spec.cwd,
  env: { ...process.env, ...spec.env },
  detached: true, // a new session and process group, so a signal to -pid reaches every broker process
  stdio: ['ignore', 'pipe', 'pipe'],
});
broker.stdout.pipe(process.stdout, { end: false });
broker.stderr.pipe(process.stderr, { end: false });

broker.on('spawn', () => send({ type: 'started', pid: broker.pid }));
broker.on('error', (error) => {
  send({ type: 'spawn-failed', message: error.message });
  finish(1);
});
broker.on('exit', (code, signal) => {
  ended = true;
  send({ type: 'exit', code, signal });
  signalGroup('SIGKILL'); // children the broker left behind
  waitUntilGroupGone(5000);
  if (spec.epmd) killEpmd(spec.epmd);
  finish(0);
});

function stopGracefully() {
  if (stopping || ended || broker.pid === undefined) return;
  stopping = true;
  signalGroup('SIGTERM');
  setTimeout(() => signalGroup('SIGKILL'), graceMs).unref();
}

function signalGroup(signal) {
  if (broker.pid === undefined) return;
  try {
    process.kill(-broker.pid, signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}

/** True while the group has a member that is not a zombie (a zombie holds no port and no file). */
function groupHasLiveMembers() {
  const ps = spawnSync('ps', ['-A', '-o', 'pgid=,stat='], { encoding: 'utf8' });
  if (ps.status !== 0) return false;
  return ps.stdout.split('\n').some((row) => {
    const [pgid, stat] = row.trim().split(/\s+/);
    return Number(pgid) === broker.pid && stat !== undefined && !stat.startsWith('Z');
  });
}

function waitUntilGroupGone(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (groupHasLiveMembers() && Date.now() < deadline) sleepMs(50);
}

/** epmd refuses `-kill` while a node is still registered: the dying node may take a moment to drop off. */
function killEpmd({ path, port }) {
  const env = { ...process.env, ERL_EPMD_PORT: String(port) };
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const result = spawnSync(path, ['-kill'], { env, encoding: 'utf8', timeout: 2000 });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    if (/Killed|Cannot connect/i.test(output) || result.error) return;
    sleepMs(100);
  }
  process.stderr.write(`[archlab guard] epmd on port ${port} would not stop\n`);
}

function sleepMs(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function send(message) {
  if (!process.connected) return;
  try {
    process.send(message);
  } catch {
    // The lab is gone; nobody is listening.
  }
}

function finish(code) {
  // Let the last IPC message and output drain before leaving.
  setImmediate(() => {
    if (process.connected) process.disconnect();
    process.exitCode = code;
    setTimeout(() => process.exit(code), 200).unref();
  });
}
