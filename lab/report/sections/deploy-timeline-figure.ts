/** One deploy of one variant as a figure: the timeline of its replicas, and what it shows in plain words. */
import type { DeployRecord } from '../../scenario/deploys.js';
import { deployTimelineSvg } from '../charts/deploy-timeline-svg.js';
import { formatMs } from '../format.js';
import { html, type Html } from '../html.js';
import { variantChip } from './headline-cells.js';

/** How to read the timelines, said once above them. */
export const DEPLOY_TIMELINE_KEY = 'Each row is one copy (replica) of the program being replaced. A solid bar is a copy at work, coloured by the version it runs; '
  + 'a pale bar is a copy starting up, or finishing its last requests before it is switched off. Red bars at the bottom are shoppers\' requests that failed meanwhile.';

/** `chartId`: in a report, the figure's id, so `report --png` renders it to `png/<chartId>.png` like the charts. */
export function deployTimelineFigure(variant: string, variantIndex: number, deploy: DeployRecord, chartId?: string): Html {
  const svg = deployTimelineSvg(deploy);
  const heading = html`<h3>${variantChip(variant, variantIndex)} ${deploy.component} → ${deploy.version}</h3>`;
  if (svg.text === '') {
    return html`<figure class="chart deploy">${heading}<p class="note">This run recorded no per-replica steps (it predates them): run the scenario again to see the timeline.</p></figure>`;
  }
  const replicas = new Set(deploy.steps?.filter((s) => s.version !== deploy.version).map((s) => s.instance)).size;
  const done = deploy.durationMs === null
    ? `The rollout did not finish: ${deploy.processesRestarted} of ${replicas} copies of ${deploy.component} replaced.`
    : `${replicas} ${replicas === 1 ? 'copy' : 'copies'} of ${deploy.component} replaced; all on ${deploy.version} after ${formatMs(deploy.durationMs)}.`;
  const failed = deploy.failedRuns === 0 ? 'No shopper\'s request failed.' : `${deploy.failedRuns} shoppers' ${deploy.failedRuns === 1 ? 'request' : 'requests'} failed meanwhile.`;
  return html`<figure class="chart deploy"${chartId ? html` data-chart-id="${chartId}"` : ''}>${heading}
${svg}
<figcaption><p>${done} ${failed}</p></figcaption></figure>`;
}
