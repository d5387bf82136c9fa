/**
 * What a finished `run` or `suite` says to a script: an exit code and a machine-readable summary.
 *
 *   0    every verdict held and integrity is clean everywhere
 *   1    a hypothesis did not hold (or deviated), integrity is not clean, or a variant's run failed
 *   3    nothing failed, but something was inconclusive (steady state not met, a busy machine)
 *   2    usage errors and 130 interrupted are decided before this
 */
import type { RunFile } from '../results/write-run.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INCONCLUSIVE = 3;

export interface RunOutcome {
  readonly scenario: string;
  readonly dir: string;
  readonly complete: boolean;
  readonly verdicts: ReadonlyArray<{ readonly variant: string; readonly status: string; readonly statement: string; readonly reason: string }>;
  readonly integrity: ReadonlyArray<{ readonly variant: string; readonly clean: boolean | null }>;
  readonly errors: ReadonlyArray<{ readonly variant: string; readonly error: string }>;
  /** Per variant × journey: the figures of the summary table (repeat 1 with `--repeat`; the spread is in run.json). */
  readonly journeys: ReadonlyArray<{
    readonly variant: string; readonly journey: string; readonly effect: string;
    readonly downtimeMs: number | null; readonly timeToRecoverMs: number | null;
    readonly faultWindowAvailability: number | null; readonly overallAvailability: number | null;
    readonly p99SteadyMs: number | null; readonly p99FaultMs: number | null;
  }>;
}

export function outcomeOf(dir: string, run: RunFile): RunOutcome {
  return {
    scenario: run.scenario.name,
    dir,
    complete: run.complete,
    verdicts: run.verdicts.map((v) => ({ variant: v.variant, status: v.status, statement: v.statement, reason: v.reason })),
    integrity: run.variants.map((v) => ({ variant: v.variant, clean: v.integrity ? v.integrity.clean && v.integrity.quiesced : null })),
    errors: run.variants.flatMap((v) => (v.error ? [{ variant: v.variant, error: v.error }] : [])),
    journeys: run.variants.flatMap((v) => v.journeys.map((j) => ({
      variant: v.variant, journey: j.journey, effect: j.effect,
      downtimeMs: v.faultWindow ? (j.downtime?.downtimeMs ?? null) : null,
      timeToRecoverMs: j.downtime?.timeToRecoverMs ?? null,
      faultWindowAvailability: j.availability?.faultWindow?.all.availability ?? null,
      overallAvailability: j.availability?.overall.all.availability ?? null,
      p99SteadyMs: j.latency.steady?.p99Ms ?? null,
      p99FaultMs: j.latency.faultWindow?.p99Ms ?? null,
    }))),
  };
}

/** The `--json` document: one entry per scenario run, and the exit code the command ends with. */
export function jsonSummary(outcomes: readonly RunOutcome[]): string {
  return JSON.stringify({ exitCode: exitCodeOf(outcomes), runs: outcomes }, null, 1);
}

export function exitCodeOf(outcomes: readonly RunOutcome[]): number {
  const failed = outcomes.some((o) =>
    o.errors.length > 0
    || o.integrity.some((i) => i.clean === false)
    || o.verdicts.some((v) => v.status === 'not-held' || v.status === 'deviated'));
  if (failed) return EXIT_FAILED;
  const doubtful = outcomes.some((o) => !o.complete || o.verdicts.some((v) => v.status === 'inconclusive'));
  return doubtful ? EXIT_INCONCLUSIVE : EXIT_OK;
}
