/** Waits that end early when the run is aborted (Ctrl-C), so the cleanup starts at once. */
export class RunAbortedError extends Error {
  override readonly name = 'RunAbortedError';
  constructor() {
    super('the run was interrupted');
  }
}

export function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(new RunAbortedError());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RunAbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function sleepUntil(epochMs: number, signal: AbortSignal | undefined): Promise<void> {
  return sleepUnlessAborted(epochMs - Date.now(), signal);
}
