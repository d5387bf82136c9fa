/** The report's errors: each names the folder or file and what was expected of it. */

export class ReportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A folder that is not a readable run: no run.json, broken JSON, or a schema this code does not know. */
export class RunFilesError extends ReportError {
  constructor(readonly runDir: string, detail: string, options?: { cause?: unknown }) {
    super(`cannot read the run in ${runDir}: ${detail}`, options);
  }
}

/** An asset the report inlines (chart.js, the chart script) is missing or could close its <script>. */
export class ReportAssetError extends ReportError {
  constructor(readonly path: string, detail: string, options?: { cause?: unknown }) {
    super(`report asset ${path}: ${detail}`, options);
  }
}

export class ChromiumMissingError extends ReportError {
  constructor(readonly path: string) {
    super(`PNG rendering needs Chromium at ${path}; install it with 'bash scripts/install-system-deps.sh' (or 'apt-get install chromium')`);
  }
}

/** The page failed in Chromium: charts never got ready, or the page threw. */
export class ReportRenderError extends ReportError {
  constructor(readonly reportPath: string, readonly problems: readonly string[], options?: { cause?: unknown }) {
    super(`rendering ${reportPath} failed:\n  ${problems.join('\n  ')}`, options);
  }
}
