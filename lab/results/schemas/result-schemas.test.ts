/** The written result files match the schemas published in schemas/: the contracts cannot drift from the code. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFixtureRun, type FixtureKind } from '../../report/fixtures/fixture-run.js';
import { runFileSchema } from './run-schema.js';
import { timelineFileSchema } from './timeline-schema.js';

const root = mkdtempSync(join(tmpdir(), 'archlab-schemas-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const read = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

describe('result files against their schemas', () => {
  it.each<FixtureKind>(['crash', 'sweep', 'capacity'])('timeline.json of a %s run', (kind) => {
    const dir = writeFixtureRun(root, { kind });
    const parsed = timelineFileSchema.safeParse(read(dir, 'timeline.json'));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(Object.keys(parsed.data?.variants ?? {})).toEqual(['monolith', 'soa', 'micro']);
  });

  it.each<FixtureKind>(['crash', 'sweep', 'capacity'])('run.json of a %s run', (kind) => {
    const dir = writeFixtureRun(root, { kind });
    const parsed = runFileSchema.safeParse(read(dir, 'run.json'));
    expect(parsed.error?.issues.slice(0, 5) ?? []).toEqual([]);
  });

  it('refuses a timeline with a field the schema does not know, or without its version', () => {
    const dir = writeFixtureRun(root, { kind: 'crash' });
    const file = read(dir, 'timeline.json') as { schemaVersion?: number; variants: Record<string, Record<string, unknown>> };
    expect(timelineFileSchema.safeParse({ ...file, extra: 1 }).success).toBe(false);
    expect(timelineFileSchema.safeParse({ variants: file.variants }).success).toBe(false);
  });
});
