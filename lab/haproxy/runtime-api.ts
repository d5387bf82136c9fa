/**
 * HAProxy's runtime API on its private unix socket: one connection per command, which HAProxy answers
 * and closes. Commands that succeed silently answer nothing; the others answer a known sentence.
 */
import { createConnection } from 'node:net';
import { HaproxyCommandError, InvalidLoadBalancerOptionsError } from './errors.js';
import type { ServerStats } from './types.js';

const ANSWER_TIMEOUT_MS = 3_000;
/** HAProxy's own limit for a `stats socket` path (below Linux's 108-byte `sun_path`). */
export const MAX_SOCKET_PATH_BYTES = 97;

export class RuntimeApi {
  constructor(readonly socketPath: string) {
    if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES) {
      throw new InvalidLoadBalancerOptionsError([`dir: the runtime API socket ${socketPath} is longer than the ${MAX_SOCKET_PATH_BYTES} bytes a unix socket path may have`]);
    }
    if (/['\n]/.test(socketPath)) throw new InvalidLoadBalancerOptionsError([`dir: ${socketPath} may not hold a quote or a newline`]);
  }

  /** Runs `command`; throws `HaproxyCommandError` unless the answer (trimmed) matches `success`. */
  async run(command: string, success: RegExp = /^$/): Promise<string> {
    const answer = (await this.ask(command)).trim();
    if (!success.test(answer)) throw new HaproxyCommandError(command, answer);
    return answer;
  }

  /** The frontend's servers from `show stat`, without its FRONTEND and BACKEND rows. */
  async serverStats(frontend: string): Promise<ServerStats[]> {
    return parseServerStats(await this.run(`show stat ${frontend} 4 -1`, /^# pxname/));
  }

  /** The raw answer; rejects when the socket refuses or HAProxy does not answer in time. */
  ask(command: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = createConnection({ path: this.socketPath });
      socket.setTimeout(ANSWER_TIMEOUT_MS, () => socket.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)));
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.once('error', (error) => reject(new HaproxyCommandError(command, '', { cause: error })));
      socket.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.end(`${command}\n`);
    });
  }
}

/** Parses `show stat` CSV: a `# pxname,svname,…` header, then one row per proxy or server. */
export function parseServerStats(csv: string): ServerStats[] {
  const [header, ...rows] = csv.trim().split('\n');
  const columns = (header ?? '').replace(/^# /, '').split(',');
  const column = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`show stat has no "${name}" column: ${header}`);
    return index;
  };
  const [svname, status, scur, stot] = ['svname', 'status', 'scur', 'stot'].map(column) as [number, number, number, number];
  return rows
    .map((row) => row.split(','))
    .filter((cells) => cells[svname] !== 'FRONTEND' && cells[svname] !== 'BACKEND')
    .map((cells) => ({
      name: cells[svname] ?? '',
      status: statusWord(cells[status] ?? ''),
      statusText: cells[status] ?? '',
      currentSessions: Number(cells[scur] ?? 0),
      totalSessions: Number(cells[stot] ?? 0),
    }));
}

/** `UP 1/2` → `UP`, `MAINT (via x/y)` → `MAINT`, `no check` stays. */
function statusWord(text: string): string {
  return text.replace(/\s+\(.*\)$/, '').replace(/\s+\d+\/\d+$/, '');
}
