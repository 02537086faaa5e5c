import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSearchHandoff, recordedPageStamps } from '../../tools/build';
import {
  astroBuildInto,
  bareAstroBuildInto,
  demoContentCopy,
  projectOutputFolder,
  temporaryFolder,
} from '../support/build';

// `npm run build` runs tools/build.ts: `astro build` in a process of its own, and the search index once that process
// has written and recorded every page (while it writes the sitemap and exits). A bare `astro build` must still
// produce a whole site.

describe('the build script', () => {
  it('indexes the site for search once Astro has written its pages, not during its build', async () => {
    const outDir = projectOutputFolder();
    const build = await astroBuildInto(demoContentCopy('build-script'), outDir);
    expect(build.code, build.output).toBe(0);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    // Logged by the search integration at astro:build:done, after every page was generated.
    const handedOver = build.output.indexOf('The search index is built next, once this build has recorded its pages.');
    const indexed = build.output.indexOf('[search] Indexed 1 article page for search');
    expect(handedOver).toBeGreaterThan(0);
    expect(indexed).toBeGreaterThan(handedOver);
    expect(build.output).toContain('Complete!');
  });

  it("exits with Astro's failure and builds no index when the build fails", async () => {
    const content = demoContentCopy('build-script-failing');
    writeFileSync(join(content, 'articles/broken.md'), '---\ntitle: Broken\n---\n\nNo date, no source.\n');
    const outDir = projectOutputFolder();
    const build = await astroBuildInto(content, outDir);
    expect(build.code).toBe(1);
    expect(build.output).toContain('broken.md');
    expect(build.output).not.toContain('[search]');
    expect(existsSync(join(outDir, 'pagefind'))).toBe(false);
  });

  it('leaves a bare `astro build` with its index, built at the end of that build', async () => {
    const outDir = projectOutputFolder();
    const build = await bareAstroBuildInto(demoContentCopy('bare-astro-build'), outDir);
    expect(build.code, build.output).toBe(0);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(build.output).toMatch(/\[broadsheet:pagefind\] Indexed 1 article page for search/);
    expect(build.output).not.toContain('The search index is built next');
  });
});

describe('readSearchHandoff', () => {
  it('reads the folder and language the search integration wrote', () => {
    const dir = temporaryFolder('handoff');
    const file = join(dir, 'search.json');
    writeFileSync(file, JSON.stringify({ dir: '/site/dist', language: 'en' }));
    expect(readSearchHandoff(file)).toEqual({ dir: '/site/dist', language: 'en' });
    const full = {
      dir: '/site/dist',
      language: 'el',
      timeZone: 'Europe/Athens',
      memoryFile: '/c/m',
      pagesFile: '/c/p',
    };
    writeFileSync(file, JSON.stringify(full));
    expect(readSearchHandoff(file)).toEqual(full);
  });

  it('names the file and the likely cause when the integration wrote nothing', () => {
    const file = join(temporaryFolder('handoff-missing'), 'search.json');
    expect(() => readSearchHandoff(file)).toThrow(/search\.json.*pagefindSearch\(\) integration/s);
  });

  it('names the file and what it expected when the contents are wrong', () => {
    const dir = temporaryFolder('handoff-wrong');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'search.json');
    writeFileSync(file, JSON.stringify({ dir: 42 }));
    expect(() => readSearchHandoff(file)).toThrow(/search\.json: expected \{ "dir": string, "language": string \}/);
  });
});

describe('recordedPageStamps', () => {
  const record = (outDir: string) =>
    JSON.stringify({
      version: 2,
      outDir,
      files: { 'articles/a/index.html': '1:2:3', 'index.html': '4:5:6' },
      folders: {},
    });

  it("gives the pages of the output record this build wrote for this folder, and nothing for an earlier build's", () => {
    const dir = temporaryFolder('record');
    mkdirSync(dir, { recursive: true });
    const handoff = join(dir, 'search.json');
    const pagesFile = join(dir, 'broadsheet-output.json');
    writeFileSync(handoff, '{}');
    writeFileSync(pagesFile, record('/site/dist'));
    expect(recordedPageStamps(pagesFile, '/site/dist/', handoff)).toEqual(
      new Map([
        ['articles/a/index.html', '1:2:3'],
        ['index.html', '4:5:6'],
      ]),
    );
    // Another folder's record, a missing one, and one older than the handoff (left by a build before this one).
    expect(recordedPageStamps(pagesFile, '/elsewhere/dist', handoff)).toBeUndefined();
    expect(recordedPageStamps(join(dir, 'missing.json'), '/site/dist', handoff)).toBeUndefined();
    utimesSync(pagesFile, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(recordedPageStamps(pagesFile, '/site/dist', handoff)).toBeUndefined();
  });
});
