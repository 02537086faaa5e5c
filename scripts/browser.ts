// Starts the system's Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) through playwright-core, headless,
// with nothing that would reach the network on its own.
import { chromium, type Browser } from 'playwright-core';

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
