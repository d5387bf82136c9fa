/** What a test needs to see that the lab left no process behind. */
export { childrenOf, descendantsOf } from '../../lab/process/descendants.js';

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
