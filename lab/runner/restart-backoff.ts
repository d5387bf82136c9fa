/** Docker's `restart: always` delay: 100 ms, doubled after each quick crash, back to 100 ms after 10 s up. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  /** A process that ran this long counts as a successful restart: the delay starts over. */
  readonly resetAfterUpMs: number;
}

export const DOCKER_LIKE_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 10_000, resetAfterUpMs: 10_000 };

export class RestartBackoff {
  #nextDelayMs: number;

  constructor(private readonly policy: BackoffPolicy = DOCKER_LIKE_BACKOFF) {
    this.#nextDelayMs = policy.initialMs;
  }

  /** The delay before restarting a process that ran for `upMs` before it died. */
  delayAfter(upMs: number): number {
    if (upMs >= this.policy.resetAfterUpMs) this.#nextDelayMs = this.policy.initialMs;
    const delayMs = this.#nextDelayMs;
    this.#nextDelayMs = Math.min(delayMs * 2, this.policy.maxMs);
    return delayMs;
  }
}
