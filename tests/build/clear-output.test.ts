import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMovableOutDir } from '../../src/integrations/clear-output';
import { astroBuildInto, projectOutputFolder, projectRoot, temporaryFolder } from './helpers';

// The output folder is moved aside at the start of a build and deleted while the build runs. The build must still
// start from an empty folder, and nothing may be left beside it.

describe('clearing the output folder', () => {
  it('leaves no file of the last build and no moved-aside copy, even after a killed build', async () => {
    const content = join(temporaryFolder('clear-output'), 'content');
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    const outDir = projectOutputFolder();
    mkdirSync(join(outDir, 'articles/removed-story'), { recursive: true });
    writeFileSync(join(outDir, 'articles/removed-story/index.html'), '<p>A page whose article was deleted.</p>');
    // What a build killed halfway leaves beside the folder.
    const leftover = `${outDir}.broadsheet-stale-1-deadbeef`;
    mkdirSync(leftover);
    writeFileSync(join(leftover, 'index.html'), 'old');

    const build = await astroBuildInto(content, outDir);
    expect(build.code, build.output).toBe(0);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'articles/removed-story'))).toBe(false);
    const beside = readdirSync(dirname(outDir)).filter((name) => name.startsWith(`${basename(outDir)}.broadsheet-stale-`));
    expect(beside).toEqual([]);
  });

  it('leaves an empty output folder when the build then fails', async () => {
    const content = join(temporaryFolder('clear-output-failing'), 'content');
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    writeFileSync(join(content, 'articles/broken.md'), '---\ntitle: Broken\n---\n\nNo date, no source.\n');
    const outDir = projectOutputFolder();
    writeFileSync(join(outDir, 'index.html'), 'the last build');
    const build = await astroBuildInto(content, outDir);
    expect(build.code).not.toBe(0);
    // Empty, as Astro's own emptying leaves it. (A moved-aside copy a failed build had no time to delete is removed
    // by the next build, as the first test shows.)
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('never moves the project itself or a folder that holds it', () => {
    expect(isMovableOutDir('/site/dist', '/site')).toBe(true);
    expect(isMovableOutDir('/elsewhere/out', '/site')).toBe(true);
    expect(isMovableOutDir('/site', '/site')).toBe(false);
    expect(isMovableOutDir('/', '/site')).toBe(false);
  });
});
