/**
 * Calls back for each process of some components that becomes ready from now on: a restarted process
 * starts with no module fault, so the fault is sent to it again.
 *
 * Why polling `running.events()` and why on `ready`: RunningVariant offers no subscription (onEvent
 * belongs to whoever started the variant), and a message sent while a process is still `starting` may
 * arrive before the app listens for it and be lost. `ready` means the app is serving, so its listener
 * is installed. The cost is a short window after each restart in which the new process serves without
 * the fault: the runner's readiness poll (≤ 50 ms) plus this poll (≤ POLL_MS).
 */
import type { RunningVariant } from '../runner/index.js';

const POLL_MS = 10;

export interface Watch { stop(): void }

export function onEveryReady(
  running: RunningVariant,
  components: readonly string[],
  callback: (component: string, instance: number) => void,
): Watch {
  let seen = running.events().length;
  const timer = setInterval(() => {
    if (running.stopped) return clearInterval(timer);
    const events = running.events();
    for (const event of events.slice(seen)) {
      if (event.type === 'ready' && components.includes(event.component)) callback(event.component, event.instance);
    }
    seen = events.length;
  }, POLL_MS);
  return { stop: () => clearInterval(timer) };
}
