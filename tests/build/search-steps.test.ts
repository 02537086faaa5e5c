import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '@/lib/search/index-site';
import { cleanSearchFolder, generatedSiteCopy, searchFolderFiles, temporaryFolder } from '../support/build';

// Search steps are derived from the bundles' page counts on every indexing run: a run that changes them (another
// limit, a page moved) rewrites bundles.json alone and ends with what a clean run writes, byte for byte.

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
    siteDir = await generatedSiteCopy('search-steps');
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

    expect(searchFolderFiles(siteDir)).toEqual(await cleanSearchFolder(siteDir, options(15)));
  });
});
