import { chromiumMissing, chromiumPath } from '../../tools/browser';

// Whether the browser tests run here. With Chromium they always do. Without it they fail under CI=true (a CI run must
// never pass without them) and are skipped elsewhere, and the run's last line says so (browser-skip-reporter.ts).

/** Whether this run is CI, which must run the browser tests. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['CI'] === 'true';
}

/** True when the browser tests are skipped: Chromium is missing and this is not CI. */
export function browserTestsSkipped(env: NodeJS.ProcessEnv = process.env): boolean {
  return chromiumMissing(env) !== undefined && !isCi(env);
}

/** Throws, saying how to install Chromium, when it is missing (the browser tests' `beforeAll` calls it first). */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): void {
  const missing = chromiumMissing(env);
  if (missing) throw new Error(`${isCi(env) ? 'CI=true needs the browser tests to run. ' : ''}${missing}`);
}

/** The line a run that skipped the browser tests ends with; `undefined` when they were not skipped. */
export function browserSkipNotice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!browserTestsSkipped(env)) return undefined;
  return `Browser tests skipped: Chromium not found at ${chromiumPath(env)} (set CHROMIUM_PATH or apt-get install chromium)`;
}
