/**
 * One direction of a proxied connection. Each chunk waits until its due time, then is written.
 * Due times never go backwards, so jitter cannot reorder bytes, and lowering the delay (healing)
 * cannot let a new chunk overtake a queued one: nothing queued is dropped by a change of delay.
 * Backpressure: the source pauses while the sink is full or too much is queued.
 */
import type { Socket } from 'node:net';

const MAX_QUEUED_BYTES = 1 << 20;

interface Queued { readonly chunk: Buffer; readonly dueMs: number }

export function pipeWithDelay(source: Socket, sink: Socket, delayMs: () => number): void {
  const queue: Queued[] = [];
  let queuedBytes = 0;
  let lastDueMs = 0;
  let timer: NodeJS.Timeout | undefined;
  let sinkFull = false;
  let sourceEnded = false;

  const throttle = () => {
    const hold = sinkFull || queuedBytes > MAX_QUEUED_BYTES;
    if (hold && !source.isPaused()) source.pause();
    else if (!hold && source.isPaused()) source.resume();
  };

  const flush = () => {
    timer = undefined;
    const nowMs = performance.now();
    while (!sinkFull && queue.length > 0 && queue[0]!.dueMs <= nowMs) {
      const { chunk } = queue.shift()!;
      queuedBytes -= chunk.length;
      if (sink.destroyed) continue;
      if (!sink.write(chunk)) {
        sinkFull = true;
        sink.once('drain', () => { sinkFull = false; flush(); });
      }
    }
    if (queue.length > 0 && !sinkFull) timer = setTimeout(flush, queue[0]!.dueMs - nowMs);
    if (queue.length === 0 && sourceEnded && !sink.destroyed) sink.end();
    throttle();
  };

  source.on('data', (chunk: Buffer) => {
    lastDueMs = Math.max(performance.now() + delayMs(), lastDueMs);
    queue.push({ chunk, dueMs: lastDueMs });
    queuedBytes += chunk.length;
    if (timer === undefined && !sinkFull) flush();
    else throttle();
  });
  source.once('end', () => {
    sourceEnded = true;
    if (timer === undefined && !sinkFull) flush();
  });
  sink.once('close', () => clearTimeout(timer));
}
