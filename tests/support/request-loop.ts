/** GETs until `stop()`, `concurrency` at a time; counts what was answered 200 and what was not (and why). */
export interface Tally { ok: number; failed: number; readonly failures: string[] }

export function requestLoop(url: string, concurrency = 1): { readonly tally: Tally; stop(): Promise<Tally> } {
  const tally: Tally = { ok: 0, failed: 0, failures: [] };
  let going = true;
  const one = async () => {
    while (going) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        if (response.status === 200) tally.ok++;
        else {
          tally.failed++;
          tally.failures.push(String(response.status));
        }
      } catch (error) {
        tally.failed++;
        tally.failures.push((error as Error).message);
      }
    }
  };
  const workers = Array.from({ length: concurrency }, one);
  return { tally, stop: async () => { going = false; await Promise.all(workers); return tally; } };
}
