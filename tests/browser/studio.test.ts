/**
 * The studio in a real Chromium with all three variants: one click crashes recommendations everywhere;
 * the monolith falls, micro's product page degrades while its other journeys stay up; heal all brings
 * everyone back. No console error, no request off 127.0.0.1, and another origin's POST changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../../lab/report/index.js';
import { startStudio, type Studio } from '../../lab/studio/studio.js';

const available = chromiumAvailable();
if (!available) console.warn(`tests/browser: SKIPPED, no Chromium at ${CHROMIUM_PATH}`);

let studio: Studio;
let browser: Browser;
const runDir = mkdtempSync(join(tmpdir(), 'archlab-studio-'));

beforeAll(async () => {
  studio = await startStudio({ variants: ['monolith', 'soa', 'micro'], ratePerSecond: 8, runDir });
  if (available) browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  rmSync(runDir, { recursive: true, force: true });
}, 60_000);

/** Per variant and journey, the share answered over the last seconds, as the page shows it (null: no run). */
const SHOWN = `Object.fromEntries([...document.querySelectorAll('[data-variant]')].map((card) => [card.dataset.variant,
  Object.fromEntries([...card.querySelectorAll('[data-journey]')].map((j) => [j.dataset.journey,
    { availability: j.dataset.availability === '' ? null : Number(j.dataset.availability), degraded: j.dataset.degraded === '' ? null : Number(j.dataset.degraded) }]))]))`;
type Shown = Record<string, Record<string, { availability: number | null; degraded: number | null }>>;

async function until(page: Page, what: string, check: (shown: Shown) => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const shown = await page.evaluate(SHOWN) as Shown;
    if (check(shown)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms; shown ${JSON.stringify(shown)}`);
    await sleep(200);
  }
}

const up = (journey: { availability: number | null } | undefined) => journey !== undefined && (journey.availability === null || journey.availability >= 0.99);

describe.skipIf(!available)('the studio in a browser', () => {
  it('crashes recommendations in every variant with one click, shows what each loses, and heals', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const offLoopback: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      offLoopback.push(url.href);
      return route.abort('blockedbyclient');
    });
    await page.goto(`${studio.url}/?token=${studio.token}`);
    await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 15_000 });
    await until(page, 'all three variants up', (s) => ['monolith', 'soa', 'micro'].every((v) => Object.values(s[v] ?? {}).length === 4 && Object.values(s[v]!).every(up)), 30_000);

    await page.click('button[data-command="crash recommendations"]');
    const fellAfterMs = await until(page, 'the monolith falls, micro degrades only its product page', (s) =>
      (s.monolith?.browse?.availability ?? 1) < 0.5
      && (s.micro?.product?.degraded ?? 0) > 0
      && ['browse', 'cart', 'checkout'].every((j) => up(s.micro?.[j])), 15_000);
    console.log(`studio: after the click, the monolith below 50% and micro's product page degraded in ${fellAfterMs} ms`);
    expect(await page.textContent('[data-variant="monolith"] .faults')).toContain('module-crash recommendations');

    await page.click('button[data-command="heal all"]');
    const recoveredAfterMs = await until(page, 'everyone recovers', (s) =>
      ['monolith', 'soa', 'micro'].every((v) => Object.values(s[v] ?? {}).every(up)) && (s.micro?.product?.degraded ?? 0) === 0, 40_000);
    console.log(`studio: every journey of every variant back to ≥ 99% ${recoveredAfterMs} ms after heal all`);
    expect(await page.textContent('#events')).toContain('crash recommendations');
    expect(errors).toEqual([]);
    expect(offLoopback).toEqual([]);

    // A page from another origin (another port on this machine), in the same browser: it can send a
    // "simple" POST without reading the answer, and the studio refuses it; nothing changes.
    const other = createServer((_req, res) => res.end('<!doctype html><title>another page</title>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const evil = await browser.newPage();
      await evil.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      const sent = await evil.evaluate(async (url) => {
        const response = await fetch(`${url}/api/commands`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ variant: 'all', command: 'kill broker' }) });
        return response.type;
      }, studio.url);
      expect(sent).toBe('opaque');
      await sleep(500);
      expect(studio.state().variants.every((v) => v.faults.length === 0)).toBe(true);
      expect(studio.state().events.some((e) => e.text.includes('kill broker'))).toBe(false);
    } finally {
      other.close();
    }
  }, 180_000);
});
