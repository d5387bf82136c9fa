/** A mistake in how the lab was called: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function oneOf(kind: string, given: string, valid: readonly string[]): UsageError {
  return new UsageError(`unknown ${kind} "${given}"; valid ${kind}s: ${valid.join(', ')}`);
}
