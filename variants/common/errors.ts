/**
 * Transport failures, kept apart from business rejections (which are Results): the edge turns these
 * into 503 / 504 so that results can tell "the shop said no" from "the shop could not answer".
 */
export class UpstreamUnavailableError extends Error {
  override readonly name = 'UpstreamUnavailableError';
  readonly code = 'UPSTREAM.UNAVAILABLE';
  constructor(readonly upstream: string, message: string, options?: { cause?: unknown }) {
    super(`${upstream} is unavailable: ${message}`, options);
  }
}

export class UpstreamTimeoutError extends Error {
  override readonly name = 'UpstreamTimeoutError';
  readonly code = 'UPSTREAM.TIMEOUT';
  constructor(readonly upstream: string, readonly timeoutMs: number, options?: { cause?: unknown }) {
    super(`${upstream} did not answer within ${timeoutMs} ms`, options);
  }
}

/** A domain module failing on purpose: the `module-error` fault. */
export class InjectedModuleError extends Error {
  override readonly name = 'InjectedModuleError';
  readonly code = 'MODULE.FAULT';
  constructor(readonly module: string) {
    super(`module ${module} failed (injected fault)`);
  }
}

/** A module gate that does not match the map or the topology: a wiring bug, found when the gate is built. */
export class ModuleGateError extends Error {
  override readonly name = 'ModuleGateError';
  constructor(readonly module: string, message: string) {
    super(`gate for ${module}: ${message}`);
  }
}
