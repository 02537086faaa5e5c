// The three groups of tests, as globs relative to the project root. vitest.config.ts makes one Vitest project of
// each; `npm test` runs them all, `npm run test:unit`, `test:build` and `test:e2e` one each. A test file belongs to
// exactly one group: tests/unit/test-groups.test.ts fails when a file is in none or in two, or when a file that
// starts a build or a browser is in the unit group.

/** Every test file of the project. */
export const allTests: readonly string[] = ['tests/**/*.test.ts'];

/** Tests that run real `astro build`s (tests/support/build.ts) and read what they wrote. No browser. */
export const buildTests: readonly string[] = [
  'tests/build/**/*.test.ts',
  'tests/security/build-guarantees.test.ts',
  'tests/security/hostile-site.test.ts',
  'tests/ingest/build.test.ts',
];

/** Tests that drive Chromium (they build the site they load first). */
export const e2eTests: readonly string[] = ['tests/e2e/**/*.test.ts'];

/** The groups, each as the globs it includes and the globs it leaves to the other groups. */
export const testGroups = {
  unit: { include: allTests, exclude: [...buildTests, ...e2eTests] },
  build: { include: buildTests, exclude: [] },
  e2e: { include: e2eTests, exclude: [] },
} as const satisfies Record<string, { include: readonly string[]; exclude: readonly string[] }>;
