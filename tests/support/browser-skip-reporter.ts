import type { Reporter, TestModule } from 'vitest/node';
import { browserSkipNotice } from './chromium';

/**
 * Ends a run that included browser tests with one line saying they were skipped, when they were (no Chromium, not
 * CI): after Vitest's summary, so that a green run that never opened a browser says so where it is read.
 */
export default class BrowserSkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const notice = browserSkipNotice();
    if (notice && testModules.some((module) => module.project.name === 'e2e')) {
      process.stdout.write(`\n${notice}\n`);
    }
  }
}
