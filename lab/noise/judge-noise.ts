/**
 * Whether one variant's measurement can be trusted, from the guard's samples and the generator's own
 * figures. Inconclusive when any threshold (thresholds.ts) is crossed; each crossing is one reason in
 * plain words, ready for the summary table, the report's banner and run.json.
 */
import { LATE_AFTER_MS, type LoadSummary } from '../load/index.js';
import type { NoiseSample, ProcessCpu } from './noise-sample.js';
import { NOISE_THRESHOLDS, type NoiseThresholds } from './thresholds.js';

export interface GeneratorFigures {
  /** Runs that came due while the generator ran. */
  readonly offered: number;
  /** Started more than LATE_AFTER_MS after their time. */
  readonly late: number;
  /** Never started: too many runs in flight. */
  readonly dropped: number;
  readonly loopLagP99Ms?: number;
}

/** % of one core: the mean over the window (weighted by interval length) and the worst interval. */
export interface CpuFigure {
  readonly mean: number;
  readonly worstSecond: number;
}

export interface NoiseReport {
  readonly samples: number;
  /** The figures below are absent when nothing was sampled. */
  readonly cores?: number;
  readonly foreignCpuPercent?: CpuFigure;
  /** The hypervisor's steal: CPU held back from this machine (judged apart from the foreign CPU). */
  readonly stealCpuPercent?: CpuFigure;
  readonly labCpuPercent?: CpuFigure;
  readonly machineCpuPercent?: CpuFigure;
  /** Outside processes by their mean CPU over the window, busiest first (from each second's top three). */
  readonly busiestForeign: readonly ProcessCpu[];
  readonly generator?: GeneratorFigures & { readonly lateShare: number };
  readonly thresholds: NoiseThresholds;
  readonly inconclusive: boolean;
  readonly reasons: readonly string[];
  /** What could not be judged, and why; not a reason for inconclusive. */
  readonly notes: readonly string[];
}

export function judgeNoise(samples: readonly NoiseSample[], generator?: GeneratorFigures, thresholds: NoiseThresholds = NOISE_THRESHOLDS): NoiseReport {
  const cpu = cpuFigures(samples);
  const busiestForeign = busiestOverWindow(samples);
  const reasons: string[] = [];
  const notes: string[] = [];
  if (cpu === undefined) notes.push('the CPU was not sampled: what other processes used is unknown');
  else if (cpu.foreign.mean > thresholds.foreignMeanPercent || cpu.foreign.worstSecond > thresholds.foreignWorstSecondPercent) {
    const busiest = busiestForeign.filter((p) => p.cpuPercent >= 1).map((p) => `${p.command} (pid ${p.pid}) ${percent(p.cpuPercent)}`).join(', ');
    reasons.push(`other processes used ${percent(cpu.foreign.mean)} of a CPU core on average (worst second ${percent(cpu.foreign.worstSecond)})` +
      (busiest && `; busiest: ${busiest}`));
  }
  if (cpu && cpu.steal.mean > thresholds.stealMeanPercent) {
    reasons.push(`the hypervisor held back ${percent(cpu.steal.mean)} of a CPU core on average (steal time; worst second ${percent(cpu.steal.worstSecond)})`);
  }
  const lateShare = generator && generator.offered > 0 ? generator.late / generator.offered : 0;
  if (generator) {
    if (lateShare > thresholds.lateShare) reasons.push(`the load generator started ${percent(lateShare * 100)} of its runs late (over ${LATE_AFTER_MS} ms behind)`);
    if (generator.dropped > thresholds.droppedRuns) reasons.push(`the load generator dropped ${generator.dropped} runs (too many in flight)`);
    if (generator.loopLagP99Ms !== undefined && generator.loopLagP99Ms > thresholds.loopLagP99Ms) {
      reasons.push(`the load generator's event loop stalled (p99 delay ${Math.round(generator.loopLagP99Ms)} ms)`);
    }
  } else notes.push('no generator figures: late and dropped runs were not judged');
  return {
    samples: samples.length,
    ...(cpu && { cores: cpu.cores, foreignCpuPercent: cpu.foreign, stealCpuPercent: cpu.steal, labCpuPercent: cpu.lab, machineCpuPercent: cpu.machine }),
    busiestForeign,
    ...(generator && { generator: { ...generator, lateShare: round(lateShare, 4) } }),
    thresholds,
    inconclusive: reasons.length > 0,
    reasons,
    notes,
  };
}

/** Late and dropped runs of every generator that ran (load, probes), added up. */
export function generatorFigures(summaries: readonly (LoadSummary | undefined)[], loopLagP99Ms?: number): GeneratorFigures {
  const ran = summaries.filter((s): s is LoadSummary => s !== undefined);
  const sum = (pick: (s: LoadSummary) => number) => ran.reduce((total, s) => total + pick(s), 0);
  return {
    offered: sum((s) => s.total.offered),
    late: sum((s) => s.total.late),
    dropped: sum((s) => s.total.dropped),
    ...(loopLagP99Ms !== undefined && { loopLagP99Ms }),
  };
}

function cpuFigures(samples: readonly NoiseSample[]) {
  const totalMs = samples.reduce((sum, s) => sum + s.durationMs, 0);
  if (samples.length === 0 || totalMs <= 0) return undefined;
  const figure = (pick: (s: NoiseSample) => number): CpuFigure => ({
    mean: round(samples.reduce((sum, s) => sum + pick(s) * s.durationMs, 0) / totalMs, 1),
    worstSecond: round(Math.max(...samples.map(pick)), 1),
  });
  return {
    cores: Math.max(...samples.map((s) => s.cores)),
    foreign: figure((s) => s.foreignCpuPercent),
    steal: figure((s) => s.stealCpuPercent ?? 0),
    lab: figure((s) => s.labCpuPercent),
    machine: figure((s) => s.machineCpuPercent),
  };
}

function busiestOverWindow(samples: readonly NoiseSample[]): ProcessCpu[] {
  const totalMs = samples.reduce((sum, s) => sum + s.durationMs, 0);
  const byProcess = new Map<string, ProcessCpu>();
  for (const sample of samples) {
    for (const p of sample.busiestForeign) {
      const key = `${p.pid} ${p.command}`;
      const share = (p.cpuPercent * sample.durationMs) / totalMs;
      byProcess.set(key, { ...p, cpuPercent: (byProcess.get(key)?.cpuPercent ?? 0) + share });
    }
  }
  return [...byProcess.values()]
    .sort((a, b) => b.cpuPercent - a.cpuPercent)
    .slice(0, 3)
    .map((p) => ({ ...p, cpuPercent: round(p.cpuPercent, 1) }));
}

function percent(value: number): string {
  return `${Math.round(value)}%`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
