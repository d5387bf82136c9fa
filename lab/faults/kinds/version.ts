/**
 * version: a deploy that changes a contract between processes — the OrderPlaced event and the payment
 * authorization API (boundary/contracts.ts) — rolled out like `deploy` (see rollout.ts). The new build
 * runs with ARCHLAB_CONTRACT set, which selects real code that writes and reads the new revision:
 *
 *   change: additive                       a new field; tolerant readers of the old revision ignore it
 *   change: breaking                       a renamed field, written and read under the new name only
 *   change: breaking, expandContract: true  the rename written under both names, read new-else-old
 *
 * What it breaks depends on who still runs the old revision: an old consumer parks the events it cannot
 * read (they are replayed once a new one runs) and refuses the requests (its callers fail). The
 * prediction is the deploy's: what users see during the mixed-version window is what the lab measures.
 */
import { z } from 'zod';
import type { ContractRevision } from '../../../boundary/contracts.js';
import type { FaultKind } from '../kind.js';
import { predictRollout, rolloutParams, startRollout } from '../rollout.js';
import { checkTarget } from '../targets.js';

const params = z.strictObject({
  ...rolloutParams,
  change: z.enum(['additive', 'breaking']),
  /** Breaking only: carry the renamed field under both names during the rollout. */
  expandContract: z.boolean().default(false),
}).refine((p) => !p.expandContract || p.change === 'breaking', { message: 'expandContract applies to a breaking change only', path: ['expandContract'] });

/** The contract revision a version step deploys. */
export function contractRevisionOf(params: { change: 'additive' | 'breaking'; expandContract: boolean }): ContractRevision {
  if (params.change === 'additive') return 'v2-additive';
  return params.expandContract ? 'v2-expand' : 'v2-breaking';
}

export const version: FaultKind<'version', 'app', typeof params> = {
  name: 'version',
  target: 'app',
  params,
  check: (step, topology) => checkTarget('app', step, topology),
  predict: predictRollout,
  inject: async (spec, context) => {
    const contract = contractRevisionOf(spec.params);
    return startRollout(spec, context, { ARCHLAB_VERSION: spec.params.version, ARCHLAB_CONTRACT: contract }, `${spec.params.version} (contract ${contract})`);
  },
};
