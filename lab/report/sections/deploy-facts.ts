/** What the release-cost tables say about one deploy, cell by cell: the report's rows and compare.html's columns. */
import type { DeployRecord } from '../../scenario/deploys.js';
import type { HtmlValue } from '../html.js';

export interface DeployFact {
  readonly label: string;
  readonly text: HtmlValue;
  /** Classes of its cell: `num` for figures, `ok`/`bad` for failed runs. */
  readonly cls: string;
}

export function deployFacts(d: DeployRecord): DeployFact[] {
  return [
    { label: 'component redeployed', text: d.component, cls: '' },
    { label: 'version', text: d.version, cls: '' },
    { label: 'strategy', text: `${d.strategy}${d.drain ? ', drained' : ', no drain'}, grace ${d.graceMs} ms`, cls: '' },
    { label: 'units', text: d.unitsRedeployed, cls: 'num' },
    { label: 'processes restarted', text: d.processesRestarted, cls: 'num' },
    { label: 'rebuilt unit', text: d.unitBytes === null ? '–' : `${Math.round(d.unitBytes / 1024).toLocaleString('en-US')} KB`, cls: 'num' },
    { label: 'duration', text: d.durationMs === null ? '–' : `${(d.durationMs / 1000).toFixed(1)} s`, cls: 'num' },
    { label: 'failed runs', text: d.failedRuns, cls: `num ${d.failedRuns === 0 ? 'ok' : 'bad'}` },
    { label: 'slowed runs', text: d.slowedRuns, cls: 'num' },
    { label: 'journeys affected', text: d.journeysAffected.join(', ') || 'none', cls: '' },
  ];
}
