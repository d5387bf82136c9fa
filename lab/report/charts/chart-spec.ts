/**
 * What the page's script draws, as data: the report computes every series in Node and embeds these
 * specs as JSON; `browser/report-charts.js` maps each one to a chart.js chart (or draws the heatmap).
 * Keeping the browser side generic keeps what it draws checkable from here.
 */

export interface Series {
  readonly label: string;
  readonly color: string;
  /** Canvas line dash, e.g. [6, 4]; solid when absent. */
  readonly dash?: readonly number[];
  /** Drawn thinner and lighter: the secondary line of a pair (p50 beside p99). */
  readonly secondary?: boolean;
  /** [x, y]; y null leaves a gap (nothing measured there). */
  readonly points: ReadonlyArray<readonly [number, number | null]>;
  /** Points only, no line: every repeat as a dot. */
  readonly dots?: boolean;
}

/** A shaded stretch of the x axis: a fault window. */
export interface Band { readonly fromX: number; readonly toX: number; readonly label: string }

/** A vertical line: a crash, a restart, a component ready again, a capacity. */
export interface Marker {
  readonly x: number;
  readonly color: string;
  readonly label: string;
  readonly style: 'solid' | 'dashed' | 'dotted';
}

/** A horizontal line: an SLO. */
export interface Guide { readonly y: number; readonly label: string }

export interface LineChartSpec {
  readonly kind: 'line';
  readonly id: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xMin?: number;
  readonly xMax?: number;
  readonly yScale: 'linear' | 'log';
  readonly yMin?: number;
  readonly yMax?: number;
  /** Append `%` to the y ticks (the values are already percentages). */
  readonly yPercent?: boolean;
  /** Names for the whole-number x ticks (a dot plot of categories): tick i is labelled xTickLabels[i]. */
  readonly xTickLabels?: readonly string[];
  readonly series: readonly Series[];
  readonly bands: readonly Band[];
  readonly markers: readonly Marker[];
  readonly guides: readonly Guide[];
}

export interface BarChartSpec {
  readonly kind: 'bar';
  readonly id: string;
  readonly labels: readonly string[];
  readonly yLabel: string;
  readonly yPercent?: boolean;
  readonly yMax?: number;
  readonly datasets: ReadonlyArray<{ readonly label: string; readonly color: string; readonly values: ReadonlyArray<number | null> }>;
}

export interface HeatmapSpec {
  readonly kind: 'heatmap';
  readonly id: string;
  readonly columns: readonly string[];
  /** `marked`: a measured single point of failure, outlined; `note`: said next to the row's name. */
  readonly rows: ReadonlyArray<{ readonly label: string; readonly marked: boolean; readonly note: string }>;
  /** values[row][column]: availability in [0, 1], null when unmeasured. */
  readonly values: ReadonlyArray<ReadonlyArray<number | null>>;
}

export type ChartSpec = LineChartSpec | BarChartSpec | HeatmapSpec;

/** A chart with the words around it: a title, and one line telling a newcomer what to look at. */
export interface Figure {
  readonly spec: ChartSpec;
  readonly title: string;
  readonly caption: string;
  /** A line under the chart for what the chart cannot show (never recovered, nothing measured). */
  readonly note?: string;
}
