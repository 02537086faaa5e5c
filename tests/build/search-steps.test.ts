import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '@/lib/search/index-site';
import { generateContent } from '../../tools/generate-content';
import { astroBuild, temporaryFolder } from '../support/build';

// Search steps are derived from the bundles' page counts on every indexing run: a run that changes them (another
// limit, a page moved) rewrites bundles.json alone and ends with what a clean run writes, byte for byte.

/** Every file of a built site's search folder, as path → bytes. */
function searchFiles(siteDir: string): Map<string, string> {
  const folder = join(siteDir, 'pagefind');
  const paths = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
  return new Map(paths.map((path) => [path, readFileSync(join(folder, path)).toString('base64')]));
}

describe('search steps across indexing runs', () => {
  let siteDir: string;
  let memoryFile: string;
  const options = (stepPages: number) => ({
    language: 'en-GB',
    timeZone: 'Europe/Athens',
    split: 'year' as const,
    stepPages,
    memoryFile,
  });
  const steps = () => JSON.parse(readFileSync(join(siteDir, 'pagefind/bundles.json'), 'utf8')).steps.en;

  beforeAll(async () => {
    const contentDir = temporaryFolder('search-steps');
    generateContent(contentDir, { articles: 30, sources: 3, years: 3, words: [40, 120] });
    const build = await astroBuild(contentDir, temporaryFolder('search-steps-out'));
    if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
    siteDir = temporaryFolder('search-steps-site');
    cpSync(build.outDir, siteDir, { recursive: true });
    memoryFile = join(temporaryFolder('search-steps-memory'), 'memory.json');
  });

  it('rewrites only bundles.json when the steps change, and ends as a clean run', async () => {
    const first = await indexSite(siteDir, options(1000));
    expect(first.steps).toBe(1);
    expect(steps()).toEqual([['2026', '2025', '2024']]);

    // Ten articles a year: a limit of 15 makes each year a step of its own, with nothing indexed again.
    const again = await indexSite(siteDir, options(15));
    expect(again.reindexed).toEqual([]);
    expect(again.files.written).toBe(1);
    expect(steps()).toEqual([['2026'], ['2025'], ['2024']]);

    const clean = temporaryFolder('search-steps-clean');
    cpSync(siteDir, clean, { recursive: true });
    rmSync(join(clean, 'pagefind'), { recursive: true });
    await indexSite(clean, { ...options(15), memoryFile: undefined });
    expect(searchFiles(siteDir)).toEqual(searchFiles(clean));
  });
});
