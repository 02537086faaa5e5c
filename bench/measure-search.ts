// Measures the search budgets of issues #4 and #20 and prints them:
//   1. what a browser fetches on /search/ before the first query (budget: 100 KB gzip); the page loads Pagefind's
//      script and the list of bundles, nothing of the index;
//   2. bytes transferred for one query on an index of 20,000 articles (budget: 300 KB), everything the query loads
//      (Pagefind's worker and WebAssembly, the first search step's metadata, the index chunks of its words), with the
//      index split into a bundle per year (as the build writes it) and as one bundle, for comparison; and, where the
//      first step's results can be paged through, what searching the next (older) step then adds;
//   3. the indexing itself at that size: seconds and peak memory (this process and Pagefind's) of a first run, of a
//      run with nothing changed, and of one after one article page changed (which bundles were indexed again).
// Both are counted by the server, per response, as sent on the wire (text gzipped as static hosts do; Pagefind's
// index files are gzipped by Pagefind itself), while headless Chromium drives the real search page.
//
// The 20,000 articles are written by the content generator and turned into article pages with the same
// data-pagefind-* structure as src/pages/articles/[...id].astro (the same searchFields()), written to disk and
// indexed by the same indexSite() the build runs, without an Astro build of 20,000 pages.
//
//   npm run measure:search [-- --articles 20000] [--years 5] [--sources 50] [--site DIR]
//   npm run measure:search -- --built DIR    (points 1 and 2 on a site already built, as `npm run bench -- --keep`
//                                             leaves it at 100,000 articles: no generating, no indexing)
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import yaml from 'js-yaml';
import type { Page } from 'playwright-core';
import { parseContentDate } from '@/lib/content-date';
import { type IndexSiteOptions, indexSite } from '@/lib/search/index-site';
import { BUNDLES_FILE, parseSearchBundles } from '@/lib/search/search-bundles';
import { searchFields } from '@/lib/search/search-fields';
import { searchableLead } from '@/lib/search/search-text';
import { normalizeTag } from '@/lib/tags';
import { siteConfig } from '@/site.config';
import { launchChromium } from '../tools/browser';
import { buildDemoSite } from '../tools/build-site';
import { generateContent } from '../tools/generate-content';
import { type ServedFile, serveStatic } from '../tools/static-server';
import { PeakMemory } from './process-tree';

const KB = 1024;
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' },
    years: { type: 'string', default: '5' },
    sources: { type: 'string', default: '50' },
    site: { type: 'string' },
    built: { type: 'string' },
  },
});
const articleCount = Number(values.articles);
const MiB = 1024 * 1024;

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The generator's Markdown (paragraphs, `##` headings, `-` lists, `>` quotes, links) as HTML. */
function markdownToHtml(markdown: string): string {
  const inline = (text: string) => escapeHtml(text).replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
  return markdown
    .trim()
    .split(/\n{2,}/)
    .map((block) => {
      if (block.startsWith('## ')) return `<h2>${inline(block.slice(3))}</h2>`;
      if (block.startsWith('> ')) return `<blockquote><p>${inline(block.slice(2))}</p></blockquote>`;
      if (block.startsWith('- '))
        return `<ul>${block
          .split('\n')
          .map((line) => `<li>${inline(line.slice(2))}</li>`)
          .join('')}</ul>`;
      return `<p>${inline(block)}</p>`;
    })
    .join('\n');
}

/** An article page with the structure of the real one: searched regions, attribution around them, search fields. */
function articlePage(file: string, sourceNames: ReadonlyMap<string, string>): string {
  const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8')) ?? [];
  const data = yaml.load(frontMatter, { schema: yaml.JSON_SCHEMA }) as {
    title: string;
    date: string;
    source: string;
    tags: string[];
    author: string;
  };
  const date = parseContentDate(String(data.date));
  if (typeof date === 'string') throw new Error(`${file}: ${date}`);
  const source = { id: data.source, name: sourceNames.get(data.source) ?? data.source };
  const tags = data.tags.map(normalizeTag);
  const fields = searchFields({ title: data.title, date, source: source as never, tags }, siteConfig);
  const html = markdownToHtml(body);
  const spans = (attribute: string, list: readonly { name: string; value: string }[]) =>
    list.map(({ name, value }) => `<span data-pagefind-${attribute}="${name}">${escapeHtml(value)}</span>`).join('');
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(data.title)}</title></head><body>
<header><a href="/">Broadsheet</a><nav><a href="/">Latest</a><a href="/sources/">Sources</a><a href="/tags/">Topics</a><a href="/search/">Search</a></nav></header>
<main><article lang="en"><h1 data-pagefind-body>${escapeHtml(data.title)}</h1>
<div class="attribution"><p>Originally published by <a href="/sources/${source.id}/">${escapeHtml(source.name)}</a> on <time datetime="${date.iso}">${escapeHtml(fields.meta[2]?.value ?? '')}</time></p><p>By ${escapeHtml(data.author)}</p></div>
<div class="prose">${html}</div><p hidden data-pagefind-body>${escapeHtml(searchableLead(html))}</p>
<ul>${tags.map((tag) => `<li><a href="/tags/${tag.slug}/">${escapeHtml(tag.label)}</a></li>`).join('')}</ul>
<div hidden data-pagefind-ignore>${spans('meta', fields.meta)}${spans('filter', fields.filters)}${spans('sort', fields.sort)}</div>
</article></main><footer>Every article is credited to its source.</footer></body></html>`;
}

/** Indexes the site as the build does and prints the time, the peak memory of this process with Pagefind's, the bundles. */
async function timedIndex(label: string, siteDir: string, options: IndexSiteOptions): Promise<void> {
  const peak = new PeakMemory(process.pid);
  const started = performance.now();
  const result = await indexSite(siteDir, options);
  const seconds = (performance.now() - started) / 1000;
  const peakMiB = peak.stop() / MiB;
  const again = result.reindexed.length === result.bundles.length ? 'all' : result.reindexed.join(', ') || 'none';
  console.log(
    `  ${label}: ${seconds.toFixed(1)} s, peak ${peakMiB.toFixed(0)} MiB (this process and Pagefind's); ` +
      `${result.bundles.length} bundles in ${result.steps} search steps, indexed: ${again}; ` +
      `${result.files.written} files written`,
  );
}

async function indexGeneratedSite(siteDir: string, count: number): Promise<void> {
  const contentDir = join(siteDir, '..', 'content');
  let started = Date.now();
  generateContent(contentDir, { articles: count, years: Number(values.years), sources: Number(values.sources) });
  console.log(`  generated ${count} articles in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const sourceNames = new Map(
    readdirSync(join(contentDir, 'sources')).map((name) => {
      const { name: sourceName } = yaml.load(readFileSync(join(contentDir, 'sources', name), 'utf8')) as {
        name: string;
      };
      return [name.replace(/\.yaml$/, ''), sourceName];
    }),
  );
  started = Date.now();
  const articlesDir = join(contentDir, 'articles');
  for (const file of filesUnder(articlesDir)) {
    const id = relative(articlesDir, file).replace(/\.md$/, '');
    mkdirSync(join(siteDir, 'articles', id), { recursive: true });
    writeFileSync(join(siteDir, 'articles', id, 'index.html'), articlePage(file, sourceNames));
  }
  console.log(`  wrote ${count} article pages in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // The same indexing call as the build's, with its memory of what it indexed.
  const memoryFile = join(siteDir, '..', 'search-memory.json');
  const options = { language: 'en', timeZone: siteConfig.timeZone, memoryFile };
  await timedIndex('first run (every bundle)', siteDir, options);
  await timedIndex('run with nothing changed', siteDir, options);
  // An edit as a rebuild leaves it: one article page rewritten (a headline changed), in a year in the middle.
  const pages = filesUnder(join(siteDir, 'articles')).sort();
  const edited = pages[Math.floor(pages.length / 2)] ?? '';
  writeFileSync(
    edited,
    readFileSync(edited, 'utf8').replace('<h1 data-pagefind-body>', '<h1 data-pagefind-body>Edited: '),
  );
  await timedIndex(`run after one page changed (${relative(siteDir, edited)})`, siteDir, options);
  describeIndex(siteDir);
}

function describeIndex(siteDir: string): void {
  const indexFiles = filesUnder(join(siteDir, 'pagefind')).filter((file) =>
    /\.pf_(index|fragment|filter|meta)$/.test(file),
  );
  const total = indexFiles.reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(`  the index: ${indexFiles.length} files, ${kb(total)} in all`);
}

/** The bundles and search steps of a built site's index, per language, from its bundles.json. */
function describeSteps(siteDir: string): void {
  const { languages, steps } = parseSearchBundles(
    JSON.parse(readFileSync(join(siteDir, 'pagefind', BUNDLES_FILE), 'utf8')),
  );
  for (const [language, bundles] of Object.entries(languages)) {
    const groups = steps[language] ?? [];
    console.log(
      `  ${language}: ${bundles.length} bundles in ${groups.length} search steps (${groups.map((step) => step.join('+')).join(', ')})`,
    );
  }
}

async function settled(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const text = document.querySelector('[data-search-status]')?.textContent ?? '';
      return text !== '' && text !== 'Searching…';
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForLoadState('networkidle');
  return (await page.locator('[data-search-status]').textContent()) ?? '';
}

function describeServed(served: readonly ServedFile[]): void {
  for (const file of served)
    console.log(
      `    ${kb(file.bytes).padStart(9)}  ${file.path}${file.gzipped ? ' (gzip)' : ''}${file.status === 200 ? '' : ` [${file.status}]`}`,
    );
}

/**
 * Follows the "Search older articles" button, shown with the first results whenever an older step remains, as a
 * reader who asks for older articles does; returns the new status, or undefined when there is no older step.
 */
async function searchNextStep(page: Page): Promise<string | undefined> {
  const step = page.locator('[data-search-step]');
  if (!(await step.isVisible())) return undefined;
  const label = await step.textContent();
  await step.click();
  return `${await settled(page)} (after "${label}")`;
}

/** Runs each query on the search page in Chromium and prints what it fetched; returns the largest query's bytes. */
async function measureQueries(siteDir: string, queries: readonly { label: string; search: string }[]): Promise<number> {
  let served: ServedFile[] = [];
  const server = await serveStatic(siteDir, { onServe: (file) => served.push(file) });
  let worst = 0;
  try {
    for (const [index, { label, search }] of queries.entries()) {
      const queryPage = await browser.newPage();
      served = [];
      await queryPage.goto(`${server.origin}/search/`, { waitUntil: 'networkidle' });
      await queryPage.waitForTimeout(500);
      await queryPage.waitForLoadState('networkidle');
      if (index === 0) {
        // Nothing of the index should load with the page: a query loads its first step.
        const meta = served.filter((file) => /pagefind-entry\.json|\.pf_(meta|index|filter|fragment)$/.test(file.path));
        const bytes = served.reduce((sum, file) => sum + file.bytes, 0);
        console.log(
          `  fetched by /search/ before the first query: ${kb(bytes)} in ${served.length} files, of which index ` +
            `files (entry, metadata, chunks): ${meta.length}`,
        );
      }
      served = [];
      // The query reaches the page as a shared link's would, through the URL (the page copied from the demo build
      // lists the demo's topics in its form, not the generated ones): the page's own code reads it and searches.
      await queryPage.evaluate((query) => {
        window.history.pushState(null, '', `/search/?${query}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, search);
      const status = await settled(queryPage);
      const bytes = served.reduce((sum, file) => sum + file.bytes, 0);
      worst = Math.max(worst, bytes);
      console.log(`  ${label}: ${kb(bytes)} in ${served.length} requests — "${status}"`);
      describeServed(served);
      // Then the next step, as a reader who asks for older articles: what it adds (not counted in the worst query).
      const before = served.length;
      const next = await searchNextStep(queryPage);
      const added = served.slice(before);
      if (next !== undefined) {
        console.log(
          `    the next step (older articles): ${kb(added.reduce((sum, file) => sum + file.bytes, 0))} in ` +
            `${added.length} requests — "${next}"`,
        );
      } else console.log('    the next step: none (one step holds every article)');
      await queryPage.close();
    }
  } finally {
    await server.close();
  }
  return worst;
}

// Point 1 is measured on the built site when one is given (its search page is the one readers get), else on the demo.
const givenSite = values.site ?? values.built;
if (!givenSite) console.log('Building the demo site…');
const siteDir = givenSite ? resolve(givenSite) : buildDemoSite();
const browser = await launchChromium();
try {
  // 1. Before the first query.
  const served: ServedFile[] = [];
  const demoServer = await serveStatic(siteDir, { onServe: (file) => served.push(file) });
  const page = await browser.newPage();
  await page.goto(`${demoServer.origin}/search/`, { waitUntil: 'networkidle' });
  // The search script loads Pagefind's script and the list of bundles at once (the index waits for a query).
  await page.waitForTimeout(1000);
  await page.waitForLoadState('networkidle');
  await page.close();
  await demoServer.close();
  const isCode = (file: ServedFile) => file.path.endsWith('.js') || /\/wasm\.[^/]+\.pagefind$/.test(file.path);
  const code = served.filter(isCode);
  const codeBytes = code.reduce((sum, file) => sum + file.bytes, 0);
  console.log('\n1. /search/ before the first query (everything fetched):');
  describeServed(served);
  console.log(
    `  JavaScript + WebAssembly: ${kb(codeBytes)} gzip in ${code.length} files; budget 100 KB: ${codeBytes <= 100 * KB ? 'within' : 'OVER'}`,
  );
  console.log(`  everything, HTML and CSS included: ${kb(served.reduce((sum, file) => sum + file.bytes, 0))}`);
  const wasm = code.find((file) => file.path.endsWith('.pagefind'));
  if (wasm) {
    const raw = readFileSync(join(siteDir, wasm.path));
    console.log(
      `  (the WebAssembly file is gzipped by Pagefind: ${kb(raw.length)} on disk, ${kb(gzipSync(raw).length)} if gzipped again)`,
    );
  }

  const queries: { label: string; search: string }[] = [
    { label: 'a common word ("election", in most articles)', search: 'q=election' },
    { label: 'two common words', search: 'q=harbour+strike' },
    { label: 'a rare word (a headline number)', search: 'q=12345' },
    { label: 'a word and a topic filter, newest first', search: 'q=election&tag=nato&sort=date' },
    { label: 'a topic filter alone (every article on it, newest first)', search: 'tag=economy' },
  ];
  if (values.built) {
    // A real build's search page and index, whatever its size: its bundles are what the build chose.
    const builtSite = resolve(values.built);
    const articlePages = readdirSync(join(builtSite, 'articles'), { recursive: true }).filter((name) =>
      String(name).endsWith('index.html'),
    ).length;
    console.log(`\n2. Queries on the build in ${builtSite} (${articlePages} article pages):`);
    describeIndex(builtSite);
    describeSteps(builtSite);
    console.log(`\n  worst query: ${kb(await measureQueries(builtSite, queries))}; budget 300 KB`);
  } else await measureGenerated(siteDir, queries);
} finally {
  await browser.close();
}

/** Points 2 and 3 on generated articles: indexed as the build does, then queried split by year and as one bundle. */
async function measureGenerated(siteDir: string, queries: readonly { label: string; search: string }[]): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'broadsheet-search-measure-'));
  const bigSite = join(work, 'site');
  for (const part of ['search', '_astro', 'favicon.svg'])
    cpSync(join(siteDir, part), join(bigSite, part), { recursive: true });
  console.log('\n3. Indexing (as the build does, split into a bundle per language and year):');
  await indexGeneratedSite(bigSite, articleCount);
  const worst: string[] = [];
  for (const split of ['year', 'none'] as const) {
    if (split === 'none') {
      console.log('\n  The same articles as one bundle (one Pagefind run over them all), for comparison:');
      await timedIndex('one bundle', bigSite, { language: 'en', timeZone: siteConfig.timeZone, split });
    }
    const layout = split === 'year' ? 'a bundle per year' : 'one bundle';
    console.log(`\n2. Queries on ${articleCount} generated articles, ${layout}:`);
    describeSteps(bigSite);
    worst.push(`${layout}: ${kb(await measureQueries(bigSite, queries))}`);
  }
  console.log(`\n  worst query: ${worst.join('; ')}; budget 300 KB`);
  rmSync(work, { recursive: true, force: true });
}
