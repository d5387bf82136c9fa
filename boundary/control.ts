/**
 * The control messages the lab sends an app over its IPC channel (nothing outside the lab can reach
 * it). Both sides import these types: the lab's faults build them, the apps' module gates read them.
 */
import { MODULE_NAMES, type ModuleName } from '../shared-domain/modules.js';

export type ModuleFaultKind = 'error' | 'slow' | 'hog' | 'crash';

export interface ModuleFaultMessage {
  readonly type: 'module-fault';
  readonly action: 'inject' | 'heal';
  readonly module: ModuleName;
  readonly kind?: ModuleFaultKind;
  /** slow: added latency per call; hog: CPU burnt per call on the event loop. */
  readonly delayMs?: number;
}

export function isModuleFaultMessage(message: unknown): message is ModuleFaultMessage {
  const m = message as Partial<ModuleFaultMessage> | null;
  return m?.type === 'module-fault' && (m.action === 'inject' || m.action === 'heal') && MODULE_NAMES.includes(m.module as ModuleName);
}
