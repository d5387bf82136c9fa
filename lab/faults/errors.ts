/** The faults' errors: a spec that does not parse, or one that names nothing in this variant. */

export class FaultError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Not a fault spec: the zod issues, one per line. */
export class InvalidFaultSpecError extends FaultError {
  constructor(readonly issues: readonly string[], options?: { cause?: unknown }) {
    super(`invalid fault spec:\n  ${issues.join('\n  ')}`, options);
  }
}

/** A well-formed spec whose target this variant does not have (the message lists the valid ones). */
export class UnknownFaultTargetError extends FaultError {
  constructor(readonly kind: string, readonly target: string, reason: string) {
    super(reason);
  }
}

/** An edge fault on an edge that got no proxy before the variant started. */
export class NoEdgeProxyError extends FaultError {
  constructor(readonly edge: string, readonly proxied: readonly string[]) {
    super(`no proxy for ${edge}: proxies exist for ${proxied.join(', ') || 'no edge'}. ` +
      'Create EdgeProxies from the scenario\'s faults before the variant starts.');
  }
}
