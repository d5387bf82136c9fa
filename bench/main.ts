/**
 * `npm run bench`: speed targets measured side by side in one run on this machine. Each section prints
 * its figures, the ratio to its yardstick, and whether the target is met. `--quick` shortens every
 * measurement; `--only NAME` runs one section.
 */
import { parseArgs } from 'node:util';
import { capacitySection } from './sections/capacity.js';
import { engineSection } from './sections/engine.js';
import { monolithSection } from './sections/monolith.js';
import { replicasSection } from './sections/replicas.js';
import { reportSection } from './sections/report.js';
import { studioSection } from './sections/studio.js';
import { variantsSection } from './sections/variants.js';

const SECTIONS: Record<string, (print: (line: string) => void, quick: boolean) => Promise<void>> = {
  monolith: monolithSection,
  variants: variantsSection,
  engine: engineSection,
  report: reportSection,
  capacity: capacitySection,
  replicas: replicasSection,
  studio: studioSection,
};

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
const names = values.only ? [values.only] : Object.keys(SECTIONS);
for (const name of names) {
  const section = SECTIONS[name];
  if (!section) {
    console.error(`bench: unknown section "${name}"; sections: ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== ${name} ==`);
  await section((line) => console.log(line), values.quick === true);
}
