import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CentralLog } from './central-log.js';
import { temporaryRunDir } from './fixtures/process-probes.js';
import type { LogLine } from './types.js';

describe('CentralLog', () => {
  it('tags every line, keeps pino fields, wraps anything else in msg, and keeps a tail per process', async () => {
    const path = join(temporaryRunDir(), 'logs', 'central.ndjson');
    const seen: LogLine[] = [];
    const log = new CentralLog(path, 'soa', (line) => seen.push(line));
    log.write('esb', 0, 'stdout', '{"level":50,"time":1,"component":"wrong","msg":"boom","err":{"type":"Error"}}');
    log.write('esb', 0, 'stderr', 'node: a warning');
    log.write('esb', 0, 'stdout', '[1, 2]');
    log.write('portal', 1, 'stdout', '');
    await log.close();

    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual(seen.map((l) => JSON.parse(JSON.stringify(l))));
    expect(lines[0]).toMatchObject({ variant: 'soa', component: 'esb', instance: 0, stream: 'stdout', level: 50, msg: 'boom', err: { type: 'Error' } });
    expect(lines[1]).toMatchObject({ component: 'esb', stream: 'stderr', msg: 'node: a warning' });
    expect(lines[2]).toMatchObject({ msg: '[1, 2]' });
    expect(lines).toHaveLength(3);
    expect(log.tail('esb', 0, 2)).toEqual(['node: a warning', '[1, 2]']);
    expect(log.tail('portal', 0)).toEqual([]);
  });
});
