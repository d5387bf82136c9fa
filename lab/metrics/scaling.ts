/**
 * Scaling out: the capacity a variant gains for each replica it adds to whatever hosts one module, and
 * what each replica costs in resident memory.
 *
 * - **levels**: per replica count, the capacity measured there (the capacity search) and the resident
 *   memory of every process of the variant read just after it (VmRSS, see lab/scale-out/resident-memory.ts);
 * - **speedup**: capacity at the most replicas ÷ capacity at the fewest;
 * - **capacity per added replica** and **MB per added replica**: from the fewest to the most replicas,
 *   the change divided by the replicas added; **capacity per added MB** is the first divided by the second;
 * - **steps**: the same, from each level to the next (the marginal gain, which the machine's cores bound);
 * - **MB per replica**: the mean VmRSS of one replica of the scaled component at the most replicas — what
 *   each copy holds itself, steadier than the difference of totals, in which every other process's
 *   heap growing or shrinking between readings shows up too.
 *
 * A censored capacity (the variant outlasted the generator) is a lower bound: a figure built on one is
 * marked `lowerBound`, and a level without a capacity leaves the figures that need it null.
 */
import type { Capacity } from './capacity.js';

export interface ResidentProcess {
  /** `catalog[1]`, `rabbitmq`, `shop-lb`. */
  readonly name: string;
  readonly kind: 'app' | 'broker' | 'load-balancer';
  readonly pid: number;
  /** VmRSS of the process and of every process below it (a broker's VM under its launcher). */
  readonly rssMb: number;
}

export interface MemoryReading {
  readonly atMs: number;
  readonly totalMb: number;
  readonly processes: readonly ResidentProcess[];
}

export interface ScalingLevel {
  readonly replicas: number;
  readonly capacity: Capacity;
  readonly memory: MemoryReading;
}

export interface ScaleCommand {
  readonly fromReplicas: number;
  readonly toReplicas: number;
  /** The replica index the command added. */
  readonly instance: number;
  readonly commandAtMs: number;
  /** From the command until the new replica answered its readiness check. */
  readonly readyAfterMs: number | null;
  /** From the command until the new replica answered its first call of the module (its central-log line); null: never within the wait. */
  readonly firstCallAfterMs: number | null;
}

export interface ScalingStep {
  readonly fromReplicas: number;
  readonly toReplicas: number;
  readonly addedPerSecond: number | null;
  readonly addedMb: number;
}

export interface ScalingFigures {
  readonly speedup: number | null;
  readonly capacityPerAddedReplica: number | null;
  readonly mbPerAddedReplica: number | null;
  readonly capacityPerAddedMb: number | null;
  readonly mbPerReplica: number | null;
  readonly steps: readonly ScalingStep[];
  /** Some capacity the figures use is censored: they are lower bounds. */
  readonly lowerBound: boolean;
}

/** `component`: the app scaled; its replicas are named `<component>[<index>]` in the memory readings. */
export function scalingFigures(levels: readonly ScalingLevel[], component: string): ScalingFigures {
  const ordered = [...levels].sort((a, b) => a.replicas - b.replicas);
  const first = ordered[0];
  const last = ordered.at(-1);
  const steps = ordered.slice(1).map((level, i) => step(ordered[i]!, level));
  const replicas = last?.memory.processes.filter((p) => p.name.startsWith(`${component}[`)) ?? [];
  const mbPerReplica = replicas.length === 0 ? null : replicas.reduce((sum, p) => sum + p.rssMb, 0) / replicas.length;
  if (!first || !last || first === last) return { speedup: null, capacityPerAddedReplica: null, mbPerAddedReplica: null, capacityPerAddedMb: null, mbPerReplica, steps, lowerBound: false };
  const whole = step(first, last);
  const added = last.replicas - first.replicas;
  const from = first.capacity.capacityPerSecond;
  const to = last.capacity.capacityPerSecond;
  const mbPerAddedReplica = whole.addedMb / added;
  return {
    speedup: from !== null && to !== null && from > 0 ? to / from : null,
    capacityPerAddedReplica: whole.addedPerSecond === null ? null : whole.addedPerSecond / added,
    mbPerAddedReplica,
    capacityPerAddedMb: whole.addedPerSecond === null || whole.addedMb <= 0 ? null : whole.addedPerSecond / whole.addedMb,
    mbPerReplica,
    steps,
    lowerBound: ordered.some((l) => l.capacity.censored),
  };
}

function step(from: ScalingLevel, to: ScalingLevel): ScalingStep {
  const a = from.capacity.capacityPerSecond;
  const b = to.capacity.capacityPerSecond;
  return { fromReplicas: from.replicas, toReplicas: to.replicas, addedPerSecond: a === null || b === null ? null : b - a, addedMb: to.memory.totalMb - from.memory.totalMb };
}

/** The most a CPU-bound capacity can grow by adding processes on this machine: one busy process per core. */
export function coreBoundSpeedup(cpus: number): number {
  return Math.max(1, cpus);
}
