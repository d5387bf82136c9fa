/** Headless Chromium for PNGs and the browser test: Debian's binary, never a downloaded one. */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { ChromiumMissingError } from './errors.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) throw new ChromiumMissingError(CHROMIUM_PATH);
  // Loaded here, not at import: building reports never needs the browser driver.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}
