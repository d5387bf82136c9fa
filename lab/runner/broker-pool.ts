/**
 * Brokers started once per `archlab run`/`suite` process and lent to one variant run at a time, so a
 * suite boots RabbitMQ once instead of once per scenario:
 *
 *   lease(kind) ─ broker up? (start; restart if a fault left it down; crash and restart if it hangs;
 *                 a new one if that fails too) ─ fresh scope (RabbitMQ: a new vhost; NATS: no streams)
 *                 ─ lease: the scope's URL; kill/restart reach the broker (broker-outage works as ever)
 *   lease.stop() ─ the broker keeps running; the scope is closed at the next lease, while the next
 *                 scope opens
 *   pool.stop()  ─ every broker stopped, the pool's folder removed
 *
 * A variant's code does not know it shares a broker: only its URL differs. One lease per kind at a time.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrokerKind, BrokerScope, ShareableBroker } from '../brokers/index.js';
import { loadDefaultBrokerLauncher, type BrokerStartOptions, type ShareableBrokerLauncher, type StartedBroker } from './broker-launcher.js';
import { BrokerLeasedError, BrokerPoolStoppedError } from './errors.js';
import { canRestorePriority } from '../brokers/renice.js';

/** A prestarted broker's priority until it is lent: the lowest, so it takes only CPU nobody else wants. */
const PRESTART_NICENESS = 19;

export interface BrokerPoolOptions {
  /** The pooled brokers' data, logs and HOME go under it; removed by `stop()`. */
  readonly dir: string;
  /** Starts brokers; `lab/brokers` unless told (tests pass a fake). */
  readonly startBroker?: ShareableBrokerLauncher;
}

type LogListener = NonNullable<BrokerStartOptions['onLog']>;

interface Slot {
  broker?: ShareableBroker;
  /** How many brokers of this kind the pool started: each gets its own folder. */
  generation: number;
  /** A boot started ahead of time (`prestart`), at low priority; the first lease waits for it. */
  prestarting?: Promise<ShareableBroker>;
  /** Scopes of finished leases, closed at the next lease. */
  leftScopes: BrokerScope[];
  leased: boolean;
  /** The current lease's log: a pooled broker's lines go to the run that uses it. */
  onLog?: LogListener;
}

export function createBrokerPool(options: BrokerPoolOptions): BrokerPool {
  return new BrokerPool(options);
}

export class BrokerPool {
  readonly #slots = new Map<BrokerKind, Slot>();
  #scopes = 0;
  #stopping?: Promise<void>;

  constructor(private readonly options: BrokerPoolOptions) {}

  /** Where the pooled brokers live: every process of theirs carries it in ARCHLAB_INSTANCE_DIR. */
  get dir(): string {
    return this.options.dir;
  }

  /** A `BrokerLauncher` for `startVariant`: the variant gets a lease, and `stop()` on it only returns it. */
  readonly lease = async (kind: BrokerKind, options: BrokerStartOptions): Promise<StartedBroker> => {
    if (this.#stopping) throw new BrokerPoolStoppedError(kind);
    const slot = this.#slot(kind);
    if (slot.leased) throw new BrokerLeasedError(kind);
    slot.leased = true;
    slot.onLog = options.onLog;
    try {
      const { broker, scope } = await this.#freshScope(kind, slot, options.readyTimeoutMs);
      return new BrokerLease(broker, scope, () => {
        slot.leased = false;
        slot.onLog = undefined;
        slot.leftScopes.push(scope);
      });
    } catch (error) {
      slot.leased = false;
      slot.onLog = undefined;
      throw error;
    }
  };

  /**
   * Boots these brokers now, in the background, at the lowest CPU priority (nice 19): while another
   * variant is measured they take only CPU it does not want, and the first lease (which sets them back
   * to normal priority) does not wait the seconds a RabbitMQ boot takes. Only where this process may
   * restore the priority (root on Linux); elsewhere the first lease boots them, as without this.
   */
  prestart(kinds: readonly BrokerKind[]): void {
    if (!canRestorePriority() || this.#stopping) return;
    for (const kind of new Set(kinds)) {
      const slot = this.#slot(kind);
      if (slot.broker || slot.prestarting) continue;
      slot.prestarting = this.#launch(kind, slot, undefined, PRESTART_NICENESS);
      slot.prestarting.catch(() => undefined); // a failed boot is retried by the first lease
    }
  }

  /** The pid of the pooled broker of this kind, if one runs (for tests and progress lines). */
  pid(kind: BrokerKind): number | undefined {
    return this.#slots.get(kind)?.broker?.pid();
  }

  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      await Promise.allSettled([...this.#slots.values()].map((slot) => slot.prestarting));
      await Promise.allSettled([...this.#slots.values()].map((slot) => slot.broker?.stop()));
      await rm(this.options.dir, { recursive: true, force: true });
    })();
    return this.#stopping;
  }

  /** Up to three tries: as found (restarted if down), after a crash and restart, on a new broker. */
  async #freshScope(kind: BrokerKind, slot: Slot, readyTimeoutMs: number | undefined) {
    const name = `run-${(this.#scopes += 1)}`;
    for (let attempt = 1; ; attempt += 1) {
      const broker = await this.#running(kind, slot, readyTimeoutMs);
      try {
        const [scope] = await Promise.all([broker.openScope(name), this.#closeLeftScopes(slot)]);
        return { broker, scope };
      } catch (error) {
        if (attempt === 3 || this.#stopping) throw error;
        if (attempt === 1) await broker.kill(); // up but not serving (hung, half-dead): restarted next round
        else await this.#discard(slot);
      }
    }
  }

  async #running(kind: BrokerKind, slot: Slot, readyTimeoutMs: number | undefined): Promise<ShareableBroker> {
    if (slot.prestarting) {
      const booted = await slot.prestarting.catch(() => undefined);
      slot.prestarting = undefined;
      booted?.setNiceness(0);
    }
    const current = slot.broker;
    if (current) {
      const pid = current.pid();
      if (pid !== undefined) resume(pid); // a pause fault cut short would leave it stopped
      if (current.isRunning()) return current;
      try {
        await current.restart(); // a kill fault or a spof sweep left it down
        return current;
      } catch {
        await this.#discard(slot);
      }
    }
    return this.#launch(kind, slot, readyTimeoutMs);
  }

  async #launch(kind: BrokerKind, slot: Slot, readyTimeoutMs: number | undefined, niceness?: number): Promise<ShareableBroker> {
    const launch = this.options.startBroker ?? (await loadDefaultBrokerLauncher());
    slot.generation += 1;
    const broker = await launch(kind, {
      dir: join(this.options.dir, `${kind}-${slot.generation}`),
      readyTimeoutMs,
      onLog: (line, stream) => slot.onLog?.(line, stream),
      niceness,
    });
    if (this.#stopping) {
      await broker.stop();
      throw new BrokerPoolStoppedError(kind);
    }
    slot.broker = broker;
    return broker;
  }

  /** Best effort: a scope that cannot be closed now is tried again at the next lease. */
  async #closeLeftScopes(slot: Slot): Promise<void> {
    const left = slot.leftScopes.splice(0);
    const results = await Promise.allSettled(left.map((scope) => scope.close()));
    slot.leftScopes.push(...left.filter((_, index) => results[index]!.status === 'rejected'));
  }

  /** Stops a broker that could not be brought back; its scopes go with it. */
  async #discard(slot: Slot): Promise<void> {
    await slot.broker?.stop().catch(() => undefined);
    slot.broker = undefined;
    slot.leftScopes = [];
  }

  #slot(kind: BrokerKind): Slot {
    let slot = this.#slots.get(kind);
    if (!slot) this.#slots.set(kind, (slot = { generation: 0, leftScopes: [], leased: false }));
    return slot;
  }
}

/** One variant run's use of a pooled broker: its scope's URL; `stop()` returns it to the pool. */
class BrokerLease implements StartedBroker {
  #returned = false;

  constructor(
    private readonly broker: ShareableBroker,
    private readonly scope: BrokerScope,
    private readonly giveBack: () => void,
  ) {}

  get kind() { return this.broker.kind; }
  get url() { return this.scope.url; }
  get port() { return this.broker.port; }
  pid() { return this.broker.pid(); }
  isRunning() { return this.broker.isRunning(); }
  kill() { return this.broker.kill(); }
  restart() { return this.broker.restart(); }

  async stop(): Promise<void> {
    if (this.#returned) return;
    this.#returned = true;
    this.giveBack();
  }
}

function resume(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    // gone already: the restart below handles it
  }
}
