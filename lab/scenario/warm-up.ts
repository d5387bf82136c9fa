/**
 * Freshly started processes are cold (JIT, connection pools, SQLite page cache): hit at full rate at
 * once, they build a backlog that takes seconds to drain and would show up as a fault of the variant.
 * So before anything is measured, the lab ramps traffic up (a quarter, half, then the full rate)
 * and throws those runs away.
 */
import type { JourneyMix } from '../journeys/types.js';
import { startLoad } from '../load/index.js';

export async function warmUp(edgeUrl: string, options: { ratePerSecond: number; durationMs: number; mix: JourneyMix; seed: number }): Promise<void> {
  if (options.durationMs <= 0 || options.ratePerSecond <= 0) return;
  const step = Math.max(1, Math.round(options.durationMs / 3));
  const load = await startLoad({
    edgeUrl, mix: options.mix, seed: options.seed + 1,
    stages: [0.25, 0.5, 1].map((share) => ({ ratePerSecond: Math.max(1, options.ratePerSecond * share), durationMs: step })),
  });
  await load.done();
  await load.stop();
}
