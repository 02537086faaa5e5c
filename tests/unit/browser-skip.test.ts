import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import { endOfRunNotice } from '../support/browser-skip-reporter';
import { browserSkipNotice, browserTestsSkipped, requireChromium } from '../support/chromium';

// Without Chromium, the browser tests are skipped outside CI (and the run ends saying so) and fail under CI=true.

const missing = { CHROMIUM_PATH: '/nonexistent/chromium' };
// Any executable file stands for Chromium here: only its presence is checked before launching.
const present = { CHROMIUM_PATH: process.execPath };
const modules = (...projects: string[]) => projects.map((name) => ({ project: { name } }) as unknown as TestModule);

/** The line a run of these projects' modules ends with, if any. */
const endOfRun = (env: NodeJS.ProcessEnv, ...projects: string[]) => endOfRunNotice(modules(...projects), env);

describe('the browser tests without Chromium', () => {
  it('are skipped outside CI, and the run ends with a line saying why and how to fix it', () => {
    expect(browserTestsSkipped(missing)).toBe(true);
    expect(browserSkipNotice(missing)).toBe(
      'Browser tests skipped: Chromium not found at /nonexistent/chromium (set CHROMIUM_PATH or apt-get install chromium)',
    );
    expect(endOfRun(missing, 'unit', 'e2e')).toBe(
      'Browser tests skipped: Chromium not found at /nonexistent/chromium (set CHROMIUM_PATH or apt-get install chromium)',
    );
  });

  it('run and fail under CI=true, saying that CI needs them', () => {
    expect(browserTestsSkipped({ ...missing, CI: 'true' })).toBe(false);
    expect(() => requireChromium({ ...missing, CI: 'true' })).toThrow(
      /^CI=true needs the browser tests to run\. Chromium was not found at \/nonexistent\/chromium\./,
    );
    expect(endOfRun({ ...missing, CI: 'true' }, 'e2e')).toBeUndefined();
  });

  it('say nothing in a run without browser tests', () => {
    expect(endOfRun(missing, 'unit', 'build')).toBeUndefined();
  });
});

describe('the browser tests with Chromium', () => {
  it('run, in CI or not, and the run ends with no notice', () => {
    expect(browserTestsSkipped(present)).toBe(false);
    expect(browserTestsSkipped({ ...present, CI: 'true' })).toBe(false);
    expect(() => requireChromium(present)).not.toThrow();
    expect(browserSkipNotice(present)).toBeUndefined();
    expect(endOfRun(present, 'e2e')).toBeUndefined();
  });
});
