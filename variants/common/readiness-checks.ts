/**
 * Readiness checks added to a component from outside its app, once it runs: registration with a
 * service registry, say. The component's /readyz answers 200 only when these pass too.
 */
import type { Readiness } from '../../shared-domain/shop.js';

export class ReadinessChecks {
  readonly #checks = new Map<string, () => boolean>();

  add(name: string, check: () => boolean): void {
    this.#checks.set(name, check);
  }

  /** The app's own readiness with these checks on top. */
  merge(own: Readiness): Readiness {
    const extra = Object.fromEntries([...this.#checks].map(([name, check]) => [name, check()]));
    return { ready: own.ready && Object.values(extra).every(Boolean), checks: { ...own.checks, ...extra } };
  }
}
