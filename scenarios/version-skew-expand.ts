import type { ScenarioInput } from '../lab/scenario/schema.js';
import { versionSkew } from './version-skew.js';

export default {
  name: 'version-skew-expand',
  title: 'The same breaking change, shipped with expand/contract',
  description:
    'The rename of version-skew (OrderPlaced lines → items, payment amountCents → totalCents) rolled out the same way, producer first, but expanded: ' +
    'v2 writes both the old and the new name, and reads the new one or else the old one. The old name can be dropped (contracted) once nothing old runs.',
  explanation:
    'The same change as in version-skew, done the careful way: for a while the new version writes the renamed field under both its old and new names, ' +
    'so receivers that were not updated yet still find what they need. Nobody should notice in any packaging; the cost is a second release later to remove the old name.',
  ...versionSkew(true),
  hypotheses: {
    monolith: { statement: 'one build replaced together: nobody notices', expect: { all: ['unaffected', 'slow'] } },
    soa: { statement: 'the ESB translates anyway: nobody notices', expect: { all: ['unaffected', 'slow'] } },
    micro: { statement: 'old consumers read the old name the new producer still writes: nobody notices, nothing parked', expect: { all: ['unaffected', 'slow'] } },
  },
} satisfies ScenarioInput;
