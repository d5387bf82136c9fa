/** One kind of integrity problem: how many, and a few ids to go and look at. */
export const MAX_EXAMPLES = 10;

export interface IntegrityIssue {
  readonly count: number;
  /** Up to MAX_EXAMPLES ids, in the order found. */
  readonly examples: readonly string[];
}

export function issueOf(ids: Iterable<string>): IntegrityIssue {
  const all = [...ids];
  return { count: all.length, examples: all.slice(0, MAX_EXAMPLES) };
}
