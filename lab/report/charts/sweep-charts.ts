/** The blast-radius heatmap of a sweep: component broken × journey, per variant, SPOFs outlined. */
import { slug } from '../format.js';
import type { LoadedRun } from '../read-run.js';
import type { Figure } from './chart-spec.js';

export function sweepFigures({ run }: LoadedRun): Figure[] {
  return run.variants.flatMap((v): Figure[] => {
    const matrix = v.matrix;
    if (!matrix || matrix.components.length === 0) return [];
    const measured = new Set(matrix.singlePointsOfFailure);
    const predicted = new Set(matrix.predictedSpofs);
    return [{
      title: `What breaks what: ${v.variant}`,
      caption: `Each row breaks one component of ${v.variant}; each cell is a journey's availability meanwhile. Red rows are outages; an outlined row is a single point of failure: it alone took every journey down.`,
      note: `Single points of failure measured: ${matrix.singlePointsOfFailure.join(', ') || 'none'}; predicted from the topology: ${matrix.predictedSpofs.join(', ') || 'none'}.`,
      spec: {
        kind: 'heatmap', id: `heatmap-${slug(v.variant)}`, columns: matrix.journeys,
        rows: matrix.components.map((component) => ({
          label: component,
          marked: measured.has(component),
          note: spofNote(measured.has(component), predicted.has(component)),
        })),
        values: matrix.components.map((component) => matrix.journeys.map((journey) => matrix.rows[component]?.[journey] ?? null)),
      },
    }];
  });
}

function spofNote(measured: boolean, predicted: boolean): string {
  if (measured && predicted) return 'SPOF, as predicted';
  if (measured) return 'SPOF, not predicted';
  if (predicted) return 'predicted SPOF, not measured';
  return '';
}
