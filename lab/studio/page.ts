/**
 * The studio's page and its live feed. Every asset is served by the studio itself (chart.js from
 * node_modules, the page's script and styles from lab/studio/browser/), under a strict
 * Content-Security-Policy: nothing loads or connects anywhere but this origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type express from 'express';
import { chartJsPath } from '../report/assets.js';
import { repositoryRoot } from '../runner/index.js';
import type { StudioState } from './studio.js';

export const STUDIO_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface StudioFeed {
  state(): StudioState;
  /** A server-sent-events response to push the state to, once a second, until it closes. */
  subscribe(res: express.Response): void;
}

const asset = (file: string) => readFileSync(join(repositoryRoot(), 'lab', 'studio', 'browser', file), 'utf8');

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>archlab studio</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/studio.css"></head>
<body><header><h1>archlab studio</h1><p class="lead">The same shop packaged three ways, under the same light load. Break a part and watch what each packaging loses.</p></header>
<section id="palette" aria-label="faults"><h2>Break something</h2>
<div class="presets" id="presets"></div>
<form id="command-form"><label>variant <select id="command-variant"></select></label>
<label>command <input id="command-line" size="40" placeholder="crash recommendations" autocomplete="off"></label>
<button type="submit">send</button></form>
<pre id="answers" aria-live="polite"></pre></section>
<main id="variants"></main>
<section id="log"><h2>What happened</h2><ol id="events" reversed></ol></section>
<script src="/chart.js"></script><script src="/studio.js"></script></body></html>`;

export function studioRoutes(app: express.Express, feed: StudioFeed): void {
  const send = (type: string, body: string) => (_req: express.Request, res: express.Response) => {
    res.set({ 'content-type': type, 'content-security-policy': STUDIO_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
    res.send(body);
  };
  app.get('/', send('text/html; charset=utf-8', PAGE));
  app.get('/studio.js', send('text/javascript; charset=utf-8', asset('studio.js')));
  app.get('/studio.css', send('text/css; charset=utf-8', asset('studio.css')));
  app.get('/chart.js', send('text/javascript; charset=utf-8', readFileSync(chartJsPath(), 'utf8')));
  app.get('/api/events', (_req, res) => {
    res.set({ 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.flushHeaders();
    res.write(`data: ${JSON.stringify(feed.state())}\n\n`);
    feed.subscribe(res);
  });
}
