import { globSync, readFileSync } from 'node:fs';
import { matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build';
import { allTests, testGroups } from '../support/test-groups';

// vitest.config.ts makes one project of each group; `npm test` runs them all. A file in no group would never run
// under `npm test`, and a file in two would run twice, so each must be in exactly one.

const testFiles = globSync([...allTests], { cwd: projectRoot }).sort();
const inGroup = (file: string, group: { include: readonly string[]; exclude: readonly string[] }) =>
  group.include.some((glob) => matchesGlob(file, glob)) && !group.exclude.some((glob) => matchesGlob(file, glob));
const groupsOf = (file: string) =>
  Object.entries(testGroups)
    .filter(([, group]) => inGroup(file, group))
    .map(([name]) => name);

describe('the test groups', () => {
  it('put every test file in exactly one group', () => {
    // The project has about 75 test files; a glob that matched nothing would make this pass on an empty list.
    expect(testFiles.length).toBeGreaterThan(60);
    const misplaced = testFiles
      .map((file) => ({ file, groups: groupsOf(file) }))
      .filter(({ groups }) => groups.length !== 1)
      .map(({ file, groups }) => `${file}: ${groups.length === 0 ? 'in no group' : `in ${groups.join(' and ')}`}`);
    expect(misplaced).toEqual([]);
  });

  it('have every build and browser glob match a test file', () => {
    const globs = [...testGroups.build.include, ...testGroups.e2e.include];
    expect(globs.length).toBeGreaterThan(0);
    const unmatched = globs.filter((glob) => !testFiles.some((file) => matchesGlob(file, glob)));
    expect(unmatched).toEqual([]);
  });

  it('keep builds and browsers out of the unit group', () => {
    const unit = testFiles.filter((file) => groupsOf(file).includes('unit'));
    expect(unit.length).toBeGreaterThan(40);
    const slow = unit.filter((file) =>
      /import\s*(type\s*)?\{[^}]*\b(astroBuild|astroBuildInto|bareAstroBuildInto|siteBuildArgs|buildFixtureSite|launchChromium|serveSite)\b[^}]*\}\s*from/.test(
        readFileSync(`${projectRoot}/${file}`, 'utf8'),
      ),
    );
    expect(slow).toEqual([]);
  });

  it('know the files that build or start a browser', () => {
    expect(groupsOf('tests/build/site.test.ts')).toEqual(['build']);
    expect(groupsOf('tests/security/hostile-site.test.ts')).toEqual(['build']);
    expect(groupsOf('tests/ingest/build.test.ts')).toEqual(['build']);
    expect(groupsOf('tests/e2e/browser.test.ts')).toEqual(['e2e']);
    expect(groupsOf('tests/unit/dates.test.ts')).toEqual(['unit']);
    expect(groupsOf('tests/security/markdown-corpus.test.ts')).toEqual(['unit']);
  });
});
