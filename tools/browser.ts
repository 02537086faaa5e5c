// Starts the system's Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) through playwright-core, headless,
// with nothing that would reach the network on its own. The browser tests, the search measurement and the Lighthouse
// script all start it from here.
import { accessSync, constants } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['CHROMIUM_PATH'] || '/usr/bin/chromium';
}

/** Why Chromium cannot be started here, with how to install it; `undefined` when it can. */
export function chromiumMissing(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = chromiumPath(env);
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return `Chromium was not found at ${path}. Install it with \`sudo apt-get install chromium\` (Debian, Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.`;
  }
}

/**
 * Command-line switches for a quiet, headless Chromium: no sandbox (CI runs as root), no GPU, and no traffic of its
 * own (updates, sync, first-run pings), so the only requests are the page's.
 */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium. Playwright gives every launch a fresh, empty `--user-data-dir` and removes it on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...chromiumArgs] });
}
