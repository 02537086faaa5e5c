import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMovableOutDir } from '@/integrations/fast-build/output-folder';
import { readBuildLog } from '../../bench/bench';
import { astroBuildInto, demoContentCopy, htmlFiles, projectOutputFolder } from '../support/build';

// A build either keeps the last build's pages in the output folder (when nothing has touched them since) or starts
// from an empty folder. Either way, what it leaves is exactly its own site.

const demoArticle = 'articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/index.html';

describe('preparing the output folder', () => {
  it('leaves no file of an unknown earlier build and no moved-aside copy, even after a killed build', async () => {
    const content = demoContentCopy('output-folder');
    const outDir = projectOutputFolder();
    mkdirSync(join(outDir, 'articles/removed-story'), { recursive: true });
    writeFileSync(join(outDir, 'articles/removed-story/index.html'), '<p>A page whose article was deleted.</p>');
    // What a build killed halfway leaves beside the folder.
    const leftover = `${outDir}.broadsheet-stale-1-deadbeef`;
    mkdirSync(leftover);
    writeFileSync(join(leftover, 'index.html'), 'old');

    const build = await astroBuildInto(content, outDir);
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toContain('Kept the');
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'articles/removed-story'))).toBe(false);
    const beside = readdirSync(dirname(outDir)).filter((name) =>
      name.startsWith(`${basename(outDir)}.broadsheet-stale-`),
    );
    expect(beside).toEqual([]);
  });

  it('leaves the last site as it was when the content is invalid', async () => {
    const content = demoContentCopy('output-folder-failing');
    writeFileSync(join(content, 'articles/broken.md'), '---\ntitle: Broken\n---\n\nNo date, no source.\n');
    const outDir = projectOutputFolder();
    writeFileSync(join(outDir, 'index.html'), 'the last build');
    const build = await astroBuildInto(content, outDir);
    expect(build.code).not.toBe(0);
    expect(readdirSync(outDir)).toEqual(['index.html']);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('the last build');
  });

  it("keeps the last build's pages in place, and removes every other file it did not write again", async () => {
    const content = demoContentCopy('output-folder-keep');
    const outDir = projectOutputFolder();
    const first = await astroBuildInto(content, outDir);
    expect(first.code, first.output).toBe(0);
    const pages = htmlFiles(outDir);
    const before = new Map(pages.map((page) => [page, readFileSync(join(outDir, page))]));
    writeFileSync(join(outDir, 'stray.txt'), 'not from any build');
    mkdirSync(join(outDir, '_astro/old'), { recursive: true });
    writeFileSync(join(outDir, '_astro/old/chunk.js'), 'an asset of an older build');

    const second = await astroBuildInto(content, outDir);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/Kept the \d+ pages of the last build/);
    // Found in place ("cached"), not copied from Astro's cache ("restored").
    expect(second.output).toContain('(cached)');
    expect(second.output).not.toContain('(restored)');
    expect(readBuildLog(second.output).reused).toBeGreaterThan(10);
    expect(existsSync(join(outDir, 'stray.txt'))).toBe(false);
    expect(existsSync(join(outDir, '_astro/old'))).toBe(false);
    expect(htmlFiles(outDir)).toEqual(pages);
    expect(before.size).toBeGreaterThan(5);
    for (const [page, bytes] of before) expect(readFileSync(join(outDir, page)).equals(bytes), page).toBe(true);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(outDir, 'sitemap-index.xml'))).toBe(true);
  });

  it('trusts no page of the last build once one has been changed by hand', async () => {
    const content = demoContentCopy('output-folder-tampered');
    const outDir = projectOutputFolder();
    const first = await astroBuildInto(content, outDir);
    expect(first.code, first.output).toBe(0);
    const original = readFileSync(join(outDir, demoArticle), 'utf8');
    writeFileSync(join(outDir, demoArticle), original.replace('</body>', '<p>edited in dist/</p></body>'));
    writeFileSync(join(outDir, 'index.html'), 'replaced by hand');

    const second = await astroBuildInto(content, outDir);
    expect(second.code, second.output).toBe(0);
    expect(second.output).not.toContain('Kept the');
    expect(second.output).not.toContain('(cached)');
    expect(readFileSync(join(outDir, demoArticle), 'utf8')).toBe(original);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('Rasmussen');
  });

  it('trusts no page of the last build when that build went into another folder', async () => {
    const content = demoContentCopy('output-folder-moved');
    const firstOut = projectOutputFolder();
    expect((await astroBuildInto(content, firstOut)).code).toBe(0);
    // The same pages, by another route: the record names the first folder.
    const secondOut = projectOutputFolder();
    rmSync(secondOut, { recursive: true });
    cpSync(firstOut, secondOut, { recursive: true, preserveTimestamps: true });
    writeFileSync(join(secondOut, demoArticle), 'not the article');
    const second = await astroBuildInto(content, secondOut);
    expect(second.code, second.output).toBe(0);
    expect(second.output).not.toContain('Kept the');
    expect(readFileSync(join(secondOut, demoArticle), 'utf8')).toContain('Rasmussen');
  });

  it("keeps a deploy repository's .git folder inside the output folder, whichever way the build starts", async () => {
    const content = demoContentCopy('output-folder-git');
    const outDir = projectOutputFolder();
    mkdirSync(join(outDir, '.git'));
    writeFileSync(join(outDir, '.git/HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(join(outDir, 'old.html'), 'from another build');
    const build = await astroBuildInto(content, outDir);
    expect(build.code, build.output).toBe(0);
    expect(readFileSync(join(outDir, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(existsSync(join(outDir, 'old.html'))).toBe(false);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    const again = await astroBuildInto(content, outDir);
    expect(again.output).toMatch(/Kept the \d+ pages/);
    expect(existsSync(join(outDir, '.git/HEAD'))).toBe(true);
  });

  it('never moves the project itself or a folder that holds it', () => {
    expect(isMovableOutDir('/site/dist', '/site')).toBe(true);
    expect(isMovableOutDir('/elsewhere/out', '/site')).toBe(true);
    expect(isMovableOutDir('/site', '/site')).toBe(false);
    expect(isMovableOutDir('/', '/site')).toBe(false);
  });
});
