import { EventEmitter } from 'node:events';
import { RequestTimeoutError, RunStoppedError } from './errors.js';

/**
 * The abort signal undici accepts besides AbortSignal: an EventEmitter that emits `abort`, with a
 * `reason` that undici rejects the request (or its body) with. Much cheaper than an AbortController,
 * which matters at thousands of requests a second.
 */
export class DeadlineSignal extends EventEmitter {
  aborted = false;
  reason: Error | undefined;

  abort(reason: Error): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}

/** One armed request timeout: pass `signal` to the request, `release()` once it answered. */
export interface Deadline {
  readonly signal: DeadlineSignal;
  release(): void;
}

interface Entry {
  readonly atMs: number;
  readonly signal: DeadlineSignal;
  released: boolean;
}

/**
 * Per-request timeouts without a timer per request. Every request gets the same timeout, so deadlines
 * are armed in the order they fall due: a FIFO that the generator's tick drains (`expire`) is enough.
 * Precision is the tick (a few ms), which is far below any timeout worth setting.
 */
export class DeadlineQueue {
  private entries: Entry[] = [];
  private head = 0;
  private stopped = false;

  constructor(readonly timeoutMs: number, private readonly now: () => number = () => performance.now()) {}

  arm(): Deadline {
    const signal = new DeadlineSignal();
    if (this.stopped) signal.abort(new RunStoppedError());
    const entry: Entry = { atMs: this.now() + this.timeoutMs, signal, released: false };
    this.entries.push(entry);
    return { signal, release: () => { entry.released = true; } };
  }

  /** Aborts every request whose deadline passed and was not released. */
  expire(nowMs: number = this.now()): void {
    const entries = this.entries;
    while (this.head < entries.length) {
      const entry = entries[this.head] as Entry;
      if (entry.atMs > nowMs) break;
      this.head += 1;
      if (!entry.released) entry.signal.abort(new RequestTimeoutError(this.timeoutMs));
    }
    if (this.head > 1024 && this.head * 2 > entries.length) {
      this.entries = entries.slice(this.head);
      this.head = 0;
    }
  }

  /** When the earliest armed deadline falls due (Infinity when none is armed): the generator wakes then. */
  nextDueMs(): number {
    const entries = this.entries;
    while (this.head < entries.length && (entries[this.head] as Entry).released) this.head += 1;
    return this.head < entries.length ? (entries[this.head] as Entry).atMs : Infinity;
  }

  /** Aborts everything in flight with `RunStoppedError`, and every request armed from now on. */
  stopAll(): void {
    this.stopped = true;
    for (let i = this.head; i < this.entries.length; i++) {
      const entry = this.entries[i] as Entry;
      if (!entry.released) entry.signal.abort(new RunStoppedError());
    }
    this.entries = [];
    this.head = 0;
  }
}
