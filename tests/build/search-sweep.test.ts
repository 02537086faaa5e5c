import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '@/lib/search/index-site';
import { cleanSearchFolder, generatedSiteCopy, searchFolderFiles, temporaryFolder, writeFiles } from '../support/build';

// After every indexing run the search folder holds what a clean run writes and nothing else, although a run walks
// only the folders it has not just checked or written (index-site.ts, removeUnlisted); and a run trusts the memory
// of the same site folder however its path is spelt.

describe('the search folder after an indexing run', () => {
  let siteDir: string;
  let memoryFile: string;
  const options = () => ({ language: 'en-GB', timeZone: 'Europe/Athens', split: 'year' as const, memoryFile });

  beforeAll(async () => {
    siteDir = await generatedSiteCopy('search-sweep');
    memoryFile = join(temporaryFolder('search-sweep-memory'), 'memory.json');
    await indexSite(siteDir, options());
  });

  it('loses stray files, bundles no longer needed and empty folders, re-indexing nothing', async () => {
    const search = join(siteDir, 'pagefind');
    writeFiles(search, {
      'stray.txt': 'not from any run',
      'en/notes.txt': 'not from any run',
      'en/1999/fragment/en_old.pf_fragment': 'a bundle no longer needed',
      'xx/2025/index/xx_old.pf_index': 'a language no longer in use',
    });
    mkdirSync(join(search, 'en/empty/deeper'), { recursive: true });

    const result = await indexSite(siteDir, options());
    expect(result.reindexed).toEqual([]);
    expect(result.files.removed).toBe(4);
    for (const gone of ['en/1999', 'xx', 'en/empty']) expect(existsSync(join(search, gone)), gone).toBe(false);
    expect(searchFolderFiles(siteDir)).toEqual(await cleanSearchFolder(siteDir, options()));
  });

  it('re-indexes a kept bundle that holds a file it did not write, and the file goes', async () => {
    const extra = 'pagefind/en/2025/fragment/en_extra.pf_fragment';
    writeFiles(siteDir, { [extra]: 'not from any run' });

    const result = await indexSite(siteDir, options());
    expect(result.reindexed).toEqual(['en/2025']);
    expect(existsSync(join(siteDir, extra))).toBe(false);
    expect(searchFolderFiles(siteDir)).toEqual(await cleanSearchFolder(siteDir, options()));
  });

  it('knows the same site folder named with and without a trailing slash, and re-indexes nothing', async () => {
    // The build names it with the slash (from a file URL); a script given a path usually without.
    expect((await indexSite(`${siteDir}/`, options())).reindexed).toEqual([]);
    expect((await indexSite(siteDir, options())).reindexed).toEqual([]);
  });
});
