/**
 * The generator's own health, so a result can say when the instrument rather than the shop was slow:
 * the CPU the worker used, and how late its event loop ran timers (perf_hooks `monitorEventLoopDelay`).
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { LoadSummary } from './tally.js';

/** How often the monitor's own timer samples the loop; its delay is measured against this period. */
const SAMPLE_EVERY_MS = 10;

export type WorkerHealth = Pick<LoadSummary, 'workerCpuMs' | 'eventLoopDelayMs'>;

export class WorkerHealthMonitor {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: SAMPLE_EVERY_MS });
  private cpuAtStart: NodeJS.CpuUsage | undefined;

  start(): void {
    this.cpuAtStart = process.cpuUsage();
    this.loop.enable();
  }

  /** Stops the monitor and reads it. */
  finish(): WorkerHealth {
    this.loop.disable();
    const cpu = process.cpuUsage(this.cpuAtStart);
    return {
      workerCpuMs: (cpu.user + cpu.system) / 1000,
      eventLoopDelayMs: { p99: this.delayMs(this.loop.percentile(99)), max: this.delayMs(this.loop.max) },
    };
  }

  /** Node records the whole period between two samples (nanoseconds); the delay is what exceeds it. */
  private delayMs(periodNs: number): number {
    if (this.loop.count === 0) return 0;
    return Math.round(Math.max(0, periodNs / 1e6 - SAMPLE_EVERY_MS) * 100) / 100;
  }
}
