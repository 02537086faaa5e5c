/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { testGroups } from './tests/support/test-groups.ts';

// getViteConfig gives tests the same resolution as the site (the `@/` alias, `astro:content`, `.astro` files).
// The dev toolbar is off so Container API output carries no `data-astro-source-*` attributes.
//
// Three projects, one per group of tests (tests/support/test-groups.ts): `npm test` runs all three, and
// `npm run test:unit`, `test:build` and `test:e2e` one each (`vitest run --project <name>`).
export default getViteConfig(
  {
    test: {
      environment: 'node',
      // One temporary folder for the whole run, removed at its end (tests/support/global-setup.ts). The root's global
      // setup runs once per run, whichever projects run.
      globalSetup: ['tests/support/global-setup.ts'],
      // A run that skipped the browser tests (no Chromium, not CI) says so on its last line.
      reporters: ['default', './tests/support/browser-skip-reporter.ts'],
      expect: {
        // A test that asserts nothing fails.
        requireAssertions: true,
        // expect.poll gives up after this long (Vitest's default is 1 s): a browser on a busy 2-core machine can take
        // several seconds to settle a page.
        poll: { timeout: 20_000 },
      },
      projects: [
        {
          test: {
            name: 'unit',
            include: [...testGroups.unit.include],
            exclude: [...testGroups.unit.exclude],
            // No build and no browser here: a test that needs a minute is in the wrong group.
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
        {
          test: {
            name: 'build',
            include: [...testGroups.build.include],
            // Real `astro build`s take a while on a 2-core machine.
            testTimeout: 240_000,
            hookTimeout: 600_000,
          },
        },
        {
          test: {
            name: 'e2e',
            include: [...testGroups.e2e.include],
            testTimeout: 240_000,
            hookTimeout: 600_000,
          },
        },
      ],
    },
  },
  { devToolbar: { enabled: false } },
);
