/** Reports that readers can browse: one self-contained page per run, an index of runs, PNGs of the charts. */
export { buildReport, REPORT_FILE, type BuiltReport } from './build-report.js';
export { buildIndex, INDEX_FILE, COMPARE_FILE, type BuiltIndex } from './build-index.js';
export { renderPngs, type RenderedPngs } from './render-pngs.js';
export { CHROMIUM_PATH, chromiumAvailable, launchChromium } from './chromium.js';
export { findRunDirs, loadRun, type LoadedRun } from './read-run.js';
export { ChromiumMissingError, ReportAssetError, ReportError, ReportRenderError, RunFilesError } from './errors.js';
export { publishRun, reportCommand, type ReportCommandOptions } from './report-command.js';
