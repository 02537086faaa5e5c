import { cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addArticle, editArticle } from '../../bench/workload';
import { generateContent } from '../../tools/generate-content';
import {
  astroBuildInto,
  type BuildResult,
  demoContentCopy,
  projectOutputFolder,
  TINY_PNG,
  temporaryFolder,
} from '../support/build';
import { allFiles, differingFiles, loggedFastBuildReport } from '../support/fast-build';

// The fast-build layer may change how fast a site is built, never what is built: the same content built with
// BROADSHEET_FAST_BUILD=0 (Astro's own behaviour throughout) and with the layer on gives the same files, byte for byte,
// the search index included. Both through the real `npm run build` path (tools/build.ts: astro build, then Pagefind).

/** The demo content with 45 generated articles over 4 more sources: listings of several pages, topics, feeds. */
function testContent(): string {
  const content = demoContentCopy('fast-build-identical');
  const generated = join(temporaryFolder('fast-build-generated'), 'content');
  generateContent(generated, { articles: 45, sources: 4, words: [40, 160] });
  cpSync(join(generated, 'articles'), join(content, 'articles'), { recursive: true });
  cpSync(join(generated, 'sources'), join(content, 'sources'), { recursive: true });
  writeFileSync(join(content, 'articles/2024/01/lead.png'), TINY_PNG);
  for (const [name, addition] of [
    ['a-3.md', ["\nimage: { src: ./lead.png, alt: 'A lead image' }\n---\n", '']],
    ['a-4.md', ['\n---\n', '\n\n![A picture in the text](./lead.png)\n']],
  ] as const) {
    const file = join(content, 'articles/2024/01', name);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text.replace('\n---\n', addition[0])}${addition[1]}`);
  }
  // Whole-second modification times, which a test can put back exactly after rewriting a file (utimes takes seconds
  // as a double, which cannot hold a time to the nanosecond).
  const articles = join(content, 'articles');
  for (const path of readdirSync(articles, { recursive: true }).map(String)) {
    if (path.endsWith('.md')) utimesSync(join(articles, path), 1_700_000_000, 1_700_000_000);
  }
  return content;
}

/** A copy of `content` in a folder of its own, so its build starts with an empty cache. */
function copyOf(content: string): string {
  const copy = join(temporaryFolder('fast-build-copy'), 'content');
  cpSync(content, copy, { recursive: true });
  return copy;
}

async function build(content: string, outDir: string, fastBuild: '0' | '1'): Promise<BuildResult> {
  const result = await astroBuildInto(content, outDir, { BROADSHEET_FAST_BUILD: fastBuild });
  expect(result.code, result.output).toBe(0);
  // The builds compared really ran in the two modes.
  const { pieces, store } = loggedFastBuildReport(result.output);
  expect(pieces).toBe(fastBuild === '0' ? 'none' : 'all');
  if (fastBuild === '1') expect(store).toBe('the pages took the content store from memory');
  return result;
}

describe('the fast-build layer changes no byte of the site', () => {
  const layerOnContent = testContent();
  const layerOnOut = projectOutputFolder();
  let layerOn: BuildResult;
  let layerOff: BuildResult;

  beforeAll(async () => {
    layerOff = await build(copyOf(layerOnContent), projectOutputFolder(), '0');
    layerOn = await build(layerOnContent, layerOnOut, '1');
  });

  it('builds the same files with the layer off and on, the search index included', () => {
    const off = allFiles(layerOff.outDir);
    const on = allFiles(layerOn.outDir);
    expect([...on.keys()].sort()).toEqual([...off.keys()].sort());
    expect(differingFiles(on, off)).toEqual([]);
    // What was compared: article pages with their images, paginated listings, feeds and the search index.
    const paths = [...on.keys()];
    expect(paths.filter((path) => /^articles\/.+\/index\.html$/.test(path)).length).toBe(46);
    expect(paths).toContain('page/1/index.html');
    expect(paths).toContain('rss.xml');
    expect(paths.some((path) => /^_astro\/lead\..+\.webp$/.test(path))).toBe(true);
    expect(paths.filter((path) => /^pagefind\/.+\.pf_fragment$/.test(path)).length).toBe(46);
  });

  it('rebuilds an edited article with the layer on into exactly what a clean build with it off gives', async () => {
    editArticle(layerOnContent);
    const rebuilt = await build(layerOnContent, layerOnOut, '1');
    // A rebuild: the layer kept the last build's pages and skipped the unchanged articles.
    const report = loggedFastBuildReport(rebuilt.output);
    expect(report.output?.kept).toBeGreaterThan(0);
    expect(report.unchangedSkipped).toBeGreaterThan(40);
    // The files written before the first build were not even opened: their stamps matched that build's record.
    expect(report.keptByStamp).toBeGreaterThan(40);
    const clean = await build(copyOf(layerOnContent), projectOutputFolder(), '0');
    const on = allFiles(rebuilt.outDir);
    const off = allFiles(clean.outDir);
    expect([...on.keys()].sort()).toEqual([...off.keys()].sort());
    expect(differingFiles(on, off)).toEqual([]);
    const fragments = readdirSync(join(rebuilt.outDir, 'pagefind'), { recursive: true });
    expect(fragments.filter((path) => String(path).endsWith('.pf_fragment')).length).toBe(46);
  });

  it('rebuilds added, deleted, renamed and rewritten articles, file stamps or not, into what a clean build gives', async () => {
    const articles = join(layerOnContent, 'articles');
    const generated = readdirSync(articles, { recursive: true })
      .map(String)
      .filter((path) => /\/a-\d+\.md$/.test(path) && !/\/a-[34]\.md$/.test(path))
      .sort();
    const [deleted, renamed, rewritten] = [generated[5], generated[10], generated[15]].map((path) =>
      join(articles, path ?? ''),
    );
    rmSync(deleted ?? '');
    renameSync(renamed ?? '', (renamed ?? '').replace(/\.md$/, '-moved.md'));
    // The same size and modification time as before, another text: only the file's change time tells.
    const text = readFileSync(rewritten ?? '', 'utf8');
    writeFileSync(
      rewritten ?? '',
      text.replace(/^title: '(.)/m, (_, first: string) => `title: '${first === 'X' ? 'Y' : 'X'}`),
    );
    utimesSync(rewritten ?? '', 1_700_000_000, 1_700_000_000);
    expect(statSync(rewritten ?? '', { bigint: true }).mtimeNs).toBe(1_700_000_000_000_000_000n);
    addArticle(layerOnContent);
    const rebuilt = await build(layerOnContent, layerOnOut, '1');
    expect(loggedFastBuildReport(rebuilt.output).keptByStamp).toBeGreaterThan(35);
    const clean = await build(copyOf(layerOnContent), projectOutputFolder(), '0');
    const on = allFiles(rebuilt.outDir);
    const off = allFiles(clean.outDir);
    expect([...on.keys()].sort()).toEqual([...off.keys()].sort());
    expect(differingFiles(on, off)).toEqual([]);
    expect([...on.keys()].filter((path) => /^articles\/.+\/index\.html$/.test(path)).length).toBe(46);
  });
});
