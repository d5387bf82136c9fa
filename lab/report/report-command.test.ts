import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunFilesError } from './errors.js';
import { writeFixtureRun } from './fixtures/fixture-run.js';
import { publishRun, reportCommand } from './report-command.js';

let root: string;
let first: string;
let second: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'archlab-report-command-'));
  first = writeFixtureRun(root, { kind: 'crash', variants: ['monolith'], startedAt: new Date('2026-11-26T08:00:00Z') });
  second = writeFixtureRun(root, { kind: 'sweep', variants: ['monolith'], group: 'reference', startedAt: new Date('2026-11-26T09:00:00Z') });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('reportCommand', () => {
  it('without a folder, rebuilds every run and the index; a broken run is named, not fatal', async () => {
    mkdirSync(join(root, 'runs', 'broken'));
    writeFileSync(join(root, 'runs', 'broken', 'run.json'), '{');
    const lines: string[] = [];
    const code = await reportCommand({ png: false, resultsRoot: root, print: (l) => lines.push(l) });
    expect(code).toBe(1);
    for (const dir of [first, second]) expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('report: '))).toHaveLength(2);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^skipped .*broken: .*not valid JSON/), expect.stringMatching(/^index: {2}.*index\.html \(2 runs/)]));
    rmSync(join(root, 'runs', 'broken'), { recursive: true });
  });

  it('with a folder, rebuilds that report (and the index when the run lives under the results)', async () => {
    const lines: string[] = [];
    expect(await reportCommand({ runDir: first, png: false, resultsRoot: root, print: (l) => lines.push(l) })).toBe(0);
    expect(lines).toEqual([expect.stringContaining(join(first, 'report.html')), expect.stringContaining(join(root, 'index.html'))]);
  });

  it('a folder that is not a run is an error that says so', async () => {
    await expect(reportCommand({ runDir: join(root, 'nope'), png: false, resultsRoot: root, print: () => undefined })).rejects.toThrow(RunFilesError);
  });
});

describe('publishRun', () => {
  it('prints the report and the index, and only warns when the run cannot be reported', () => {
    const lines: string[] = [];
    publishRun(second, root, (l) => lines.push(l));
    expect(lines[0]).toBe(`report: ${join(second, 'report.html')}`);
    publishRun(join(root, 'nope'), root, (l) => lines.push(l));
    expect(lines.at(-1)).toMatch(/^warning: no report for .*nope: .*not a run folder/);
  });
});
