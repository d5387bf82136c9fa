/**
 * How fast can the generator go? Finds the highest constant arrival rate it sustains against a plain
 * URL with the `raw-get` journey: at least 99% of the offered runs answered ok, and under 1% late or
 * dropped. Doubles from `startRatePerSecond` until a rate fails, then bisects. Each trial is a fresh
 * worker: `warmupMs` at the trial's rate (not judged: the JIT is still compiling undici), then
 * `seconds` judged. A single 30 ms hiccup of a busy machine makes 1% of a 3 s trial late at any rate,
 * so a rate gets `attemptsPerRate` tries and counts as sustained if one of them holds.
 *
 *   const { ratePerSecond, trials } = await highestSustainedRate('http://127.0.0.1:PORT/', { seconds: 3 });
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loopbackOrigin } from '../journeys/index.js';
import { startGenerator } from './start-load.js';

export interface RateOptions {
  /** Judged length of each trial. */
  readonly seconds: number;
  readonly startRatePerSecond?: number;
  readonly maxRatePerSecond?: number;
  /** Bisect until the bracket is narrower than this fraction of the best rate. */
  readonly precision?: number;
  readonly warmupMs?: number;
  readonly attemptsPerRate?: number;
}

export interface RateTrial {
  readonly ratePerSecond: number;
  readonly achievedPerSecond: number;
  readonly latePercent: number;
  readonly droppedPercent: number;
  readonly failedPercent: number;
  /** Over the whole trial, warm-up included. */
  readonly p99Ms: number;
  /** The worker's CPU time over the trial's duration: near 100 means the generator saturated its core. */
  readonly workerCpuPercent: number;
  readonly sustained: boolean;
}

export interface SustainedRate {
  /** The highest sustained rate tried (0 if not even the first one held). */
  readonly ratePerSecond: number;
  readonly trials: readonly RateTrial[];
}

export async function highestSustainedRate(url: string, options: RateOptions): Promise<SustainedRate> {
  const { seconds, startRatePerSecond = 2000, maxRatePerSecond = 200_000, precision = 0.1, warmupMs = 1500, attemptsPerRate = 2 } = options;
  const target = new URL(url);
  loopbackOrigin(url);
  const trials: RateTrial[] = [];
  const attempt = async (ratePerSecond: number) => {
    for (let i = 0; i < attemptsPerRate; i++) {
      const trial = await runTrial(url, target.pathname + target.search, Math.round(ratePerSecond), seconds, warmupMs);
      trials.push(trial);
      await sleep(200); // let the server's sockets settle between trials
      if (trial.sustained) return true;
    }
    return false;
  };
  let good = 0;
  let bad = Infinity;
  for (let rate = startRatePerSecond; rate <= maxRatePerSecond; rate *= 2) {
    if (!(await attempt(rate))) {
      bad = rate;
      break;
    }
    good = rate;
  }
  if (bad === Infinity) return { ratePerSecond: good, trials };
  while (bad - good > Math.max(good * precision, 1)) {
    const middle = good === 0 ? bad / 2 : (good + bad) / 2;
    if (await attempt(middle)) good = middle;
    else bad = middle;
    if (bad < 1) break;
  }
  return { ratePerSecond: Math.round(good), trials };
}

async function runTrial(url: string, rawPath: string, ratePerSecond: number, seconds: number, warmupMs: number): Promise<RateTrial> {
  const generator = await startGenerator({
    edgeUrl: url, rawPath, mix: { 'raw-get': 1 }, reportRuns: false, maxInFlight: 1000,
    stages: [{ ratePerSecond, durationMs: warmupMs }, { ratePerSecond, durationMs: seconds * 1000 }],
  });
  const summary = await generator.done();
  const judged = summary.byStage[1];
  if (judged === undefined || judged.offered === 0) throw new Error(`a ${ratePerSecond}/s trial offered nothing`);
  const percent = (count: number) => (100 * count) / judged.offered;
  const achievedPerSecond = judged.ok / seconds;
  return {
    ratePerSecond,
    achievedPerSecond,
    latePercent: percent(judged.late),
    droppedPercent: percent(judged.dropped),
    failedPercent: percent(judged.failed),
    p99Ms: summary.latencyMs.p99,
    workerCpuPercent: (100 * summary.workerCpuMs) / summary.durationMs,
    sustained: judged.ok >= 0.99 * judged.offered && judged.late + judged.dropped < 0.01 * judged.offered,
  };
}
