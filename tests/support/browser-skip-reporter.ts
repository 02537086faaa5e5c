import type { Reporter, TestModule } from 'vitest/node';
import { browserSkipNotice } from './chromium';

/** The line a run of `testModules` ends with: the skip notice when it included browser tests and they were skipped. */
export function endOfRunNotice(
  testModules: ReadonlyArray<TestModule>,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const notice = browserSkipNotice(env);
  return notice && testModules.some((module) => module.project.name === 'e2e') ? notice : undefined;
}

/**
 * Ends a run that included browser tests with one line saying they were skipped, when they were (no Chromium, not
 * CI): after Vitest's summary, so that a green run that never opened a browser says so where it is read.
 */
export default class BrowserSkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const notice = endOfRunNotice(testModules);
    if (notice) process.stdout.write(`\n${notice}\n`);
  }
}
