import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileStamp } from '@/lib/build/file-stamp';
import { indexSite } from '@/lib/search/index-site';
import {
  cleanSearchFolder,
  generatedSiteCopy,
  projectRoot,
  searchFolderFiles,
  temporaryFolder,
} from '../support/build';

// Indexing killed (SIGKILL) after its first re-indexed bundle, then run again, ends with the index a clean run over
// the same pages writes, byte for byte: the memory of what was indexed is only written once every bundle is done.

/** Indexes `siteDir` in a process of its own that kills itself (SIGKILL) once the first bundle is written. */
function indexAndKill(siteDir: string, memoryFile: string): SpawnSyncReturns<string> {
  const script = join(temporaryFolder('search-killed-script'), 'index-and-kill.mts');
  const indexModule = pathToFileURL(join(projectRoot, 'src/lib/search/index-site.ts')).href;
  writeFileSync(
    script,
    `import { indexSite } from ${JSON.stringify(indexModule)};\n` +
      `await indexSite(${JSON.stringify(siteDir)}, { language: 'en-GB', timeZone: 'Europe/Athens', split: 'year', memoryFile: ` +
      `${JSON.stringify(memoryFile)}, onBundleWritten: () => process.kill(process.pid, 'SIGKILL') });\n`,
  );
  const tsx = pathToFileURL(createRequire(join(projectRoot, 'package.json')).resolve('tsx')).href;
  return spawnSync(process.execPath, ['--import', tsx, script], { cwd: projectRoot, encoding: 'utf8' });
}

describe('search indexing killed half-way', () => {
  let siteDir: string;
  let memoryFile: string;
  // Split by year, as a site of 20,000 articles or more is, so that a run has several bundles to be killed between.
  const options = () => ({ language: 'en-GB', timeZone: 'Europe/Athens', split: 'year' as const, memoryFile });

  beforeAll(async () => {
    siteDir = await generatedSiteCopy('search-killed');
    memoryFile = join(temporaryFolder('search-killed-memory'), 'memory.json');
    await indexSite(siteDir, options());
  });

  it('ends, run again, as a clean run over the same pages', async () => {
    // Articles changed in every year, and one removed, as a rebuild would leave them.
    const pages = readdirSync(join(siteDir, 'articles'), { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('index.html'))
      .sort();
    for (const year of ['2024', '2025', '2026']) {
      const page = join(siteDir, 'articles', pages.find((path) => path.startsWith(`${year}/`)) ?? '');
      writeFileSync(page, readFileSync(page, 'utf8').replace('<h1', '<h1 data-edited'));
    }
    rmSync(join(siteDir, 'articles', pages.at(-1) ?? '', '..'), { recursive: true });
    const memoryBefore = readFileSync(memoryFile, 'utf8');

    const killed = indexAndKill(siteDir, memoryFile);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    // One bundle was rewritten, the memory not.
    expect(readFileSync(memoryFile, 'utf8')).toBe(memoryBefore);

    const rerun = await indexSite(siteDir, options());
    expect(rerun.reindexed).toEqual(['en/2026', 'en/2025', 'en/2024']);
    const after = searchFolderFiles(siteDir);
    const expected = await cleanSearchFolder(siteDir, options());
    expect([...after.keys()]).toEqual([...expected.keys()]);
    expect([...after.keys()].filter((path) => after.get(path) !== expected.get(path))).toEqual([]);
    // And a run with nothing changed since leaves every bundle alone.
    expect((await indexSite(siteDir, options())).reindexed).toEqual([]);
  });

  it("takes the article pages and their stamps from the build's record when it is given one", async () => {
    const recorded = () =>
      new Map(
        readdirSync(siteDir, { recursive: true })
          .map(String)
          .filter((path) => path.endsWith('.html'))
          .map((path) => [path, fileStamp(join(siteDir, path)) ?? ''] as const),
      );
    expect((await indexSite(siteDir, { ...options(), pageStamps: recorded() })).reindexed).toEqual([]);
    // The record's stamp is what counts, not the file's: a page the record says was rewritten is indexed again.
    const stamps = recorded();
    const page2025 = [...stamps.keys()].find((path) => path.startsWith('articles/2025/')) ?? '';
    stamps.set(page2025, 'rewritten');
    expect((await indexSite(siteDir, { ...options(), pageStamps: stamps })).reindexed).toEqual(['en/2025']);
    // And the pages are the record's: a page it does not list is not in the index.
    const withoutOne = recorded();
    withoutOne.delete(page2025);
    const result = await indexSite(siteDir, { ...options(), pageStamps: withoutOne });
    expect(result.reindexed).toEqual(['en/2025']);
    expect(result.pageCount).toBe([...withoutOne.keys()].filter((path) => path.startsWith('articles/')).length);
  });
});
