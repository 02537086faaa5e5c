import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { fileStamp } from '@/lib/build/file-stamp';
import {
  BUNDLES_FILE,
  bundleOfSortKey,
  compareBundles,
  indexLanguage,
  SEARCH_STEP_PAGES,
  type SearchBundles,
  searchSteps,
  WHOLE_BUNDLE,
} from '@/lib/search/search-bundles';
import { SEARCH_SORT_DATE } from '@/lib/search/search-keys';
import { type BundleFile, type BundleWriteResult, filesUnder, writeBundle } from '@/lib/search/write-bundle';

// Pagefind has no incremental mode: every run indexes every page it is given. So the index is split into bundles,
// one per language and year (search-bundles.ts), each indexed by a Pagefind run of its own, and a build re-indexes
// only the bundles whose pages changed. What each page was (its file's size, modification time and inode, and so its
// bundle) and what each bundle's files were is remembered in a file in Astro's cache folder, written once every
// bundle is complete: a build killed half-way leaves the old memory, so the next build does the same work again and
// ends as a clean build would (docs/search-and-feeds.md#how-the-index-is-split).

export { indexLanguage } from '@/lib/search/search-bundles';

/** The folder of built article pages, the only pages searched (never listings, the search page or the 404 page). */
export const ARTICLE_PAGES_FOLDER = 'articles';

/** The folder, inside the built site, that holds the index and Pagefind's own script. */
export const SEARCH_BUNDLE_FOLDER = 'pagefind';

/** The name of the indexing memory in Astro's cache folder. */
export const SEARCH_MEMORY_FILE = 'broadsheet-search-index.json';

/** Raised when the remembered layout changes, so that an older memory is never trusted. */
const MEMORY_VERSION = 1;

/** The files of a Pagefind bundle a search needs; the rest (its UI scripts and styles, playground) are left out. */
const BUNDLE_FILE_PATTERN =
  /^(pagefind-entry\.json|pagefind-worker\.js|pagefind\.[^/]+\.pf_meta|(index|filter|fragment)\/.+)$/;

/** What indexing did. */
export interface IndexSiteResult {
  /** How many pages the index holds. */
  readonly pageCount: number;
  /** Where the index was written. */
  readonly outputPath: string;
  /** How many files were written, left as they were and removed, over all bundles. */
  readonly files: BundleWriteResult;
  /** Every bundle, as `language/bundle`, in the order bundles.json lists them. */
  readonly bundles: readonly string[];
  /** The bundles indexed by this run (the others were left as they were). */
  readonly reindexed: readonly string[];
  /** How many search steps bundles.json lists, over all languages. */
  readonly steps: number;
}

/** Options for indexing. */
export interface IndexSiteOptions {
  /** The site's BCP 47 locale: the language of every article page that does not say its own. */
  readonly language: string;
  /** The site's IANA time zone, in which a page's year (its bundle) is counted; UTC unless told. */
  readonly timeZone?: string | undefined;
  /** The memory of the last run (see above); without one, every bundle is indexed. */
  readonly memoryFile?: string | undefined;
  /**
   * `year`: a bundle per language and year; `quarter` and `month`: per language and quarter or month; `none`: one
   * bundle per language;
   * `auto` (the default): chosen by the number of article pages (see chooseSplit).
   */
  readonly split?: SearchSplit | 'auto' | undefined;
  /** The most article pages one search step holds (bundles.json's steps); SEARCH_STEP_PAGES unless told. */
  readonly stepPages?: number | undefined;
  /**
   * The site's pages (paths under the site folder, with `/`) with their stamps (fileStamp), as the build that wrote
   * them recorded them. When given, the article pages are taken from it instead of listing the folder and reading
   * each page's stamp again: about 3 s at 100,000 pages, far more when the disk cache has dropped the folder.
   */
  readonly pageStamps?: ReadonlyMap<string, string> | undefined;
  /** Called when a bundle has been indexed and written, before the next (progress; a test kills a run there). */
  readonly onBundleWritten?: ((bundle: string) => void) | undefined;
}

/** What is remembered of one article page. */
interface PageMemory {
  /** Size, modification time (ns) and inode of its file: a page rewritten by a build gets another. */
  readonly stamp: string;
  /** Its bundle, as `language/bundle`. */
  readonly bundle: string;
}

/** The memory of the last complete indexing. */
interface IndexMemory {
  readonly version: number;
  /** The built site it describes. */
  readonly siteDir: string;
  /** How it was split. */
  readonly split: string;
  /** Every article page, by path under the site folder. */
  readonly pages: Readonly<Record<string, PageMemory>>;
  /** Every file of the search folder, by path under it, with its SHA-256. */
  readonly files: Readonly<Record<string, string>>;
  /** The stamps of the bundles' files as written, so that checking a bundle left alone reads none of them. */
  readonly stamps: Readonly<Record<string, string>>;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function readMemory(file: string | undefined, siteDir: string, split: string): IndexMemory | undefined {
  if (!file) return undefined;
  try {
    const memory = JSON.parse(readFileSync(file, 'utf8')) as IndexMemory;
    // Compared resolved: the build names the folder with a trailing `/`, a script may not, and the same folder
    // named two ways once cost a re-index of every bundle.
    const sameSite = typeof memory.siteDir === 'string' && resolve(memory.siteDir) === resolve(siteDir);
    const fits = memory.version === MEMORY_VERSION && sameSite && memory.split === split;
    return fits && memory.pages && memory.files && memory.stamps ? memory : undefined;
  } catch {
    // No memory (a first build) or an unreadable one: index everything.
    return undefined;
  }
}

function writeMemory(file: string, memory: IndexMemory): void {
  mkdirSync(dirname(file), { recursive: true });
  // Written whole and then renamed, so a build killed while writing never leaves half a memory.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(memory));
  renameSync(partial, file);
}

/** The bundle of one built article page, read from its `<article lang>` and its `date` sort key. */
function bundleOfPage(html: string, siteLanguage: string, split: SearchSplit, timeZone: string): string {
  const lang = /<article\b[^>]*?\slang="([^"]+)"/.exec(html)?.[1] ?? siteLanguage;
  const sortKey = new RegExp(`data-pagefind-sort="${SEARCH_SORT_DATE}"[^>]*>([^<]*)<`).exec(html)?.[1];
  return `${indexLanguage(lang)}/${split === 'none' ? WHOLE_BUNDLE : bundleOfSortKey(sortKey, timeZone, split)}`;
}

/**
 * The remembered files of each bundle (`language/bundle` → its paths, sorted), grouped in one pass: filtering every
 * remembered file for each bundle repeated the whole list per bundle (21 times over 100,000 fragments by quarter).
 */
function filesByBundle(files: Readonly<Record<string, string>>): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const path of Object.keys(files)) {
    const end = path.indexOf('/', path.indexOf('/') + 1);
    // Files at the top of the search folder (pagefind.js, bundles.json) belong to no bundle.
    if (end < 0) continue;
    const bundle = path.slice(0, end);
    const list = grouped.get(bundle);
    if (list) list.push(path);
    else grouped.set(bundle, [path]);
  }
  for (const list of grouped.values()) list.sort();
  return grouped;
}

/**
 * Whether a bundle's folder holds exactly the files remembered for it, with the same bytes: a file with the stamp it
 * was written with is taken as it was (as pages are), any other is read and hashed.
 */
function bundleIntact(
  searchDir: string,
  bundle: string,
  memory: IndexMemory | undefined,
  expected: readonly string[],
): boolean {
  const remembered = memory?.files ?? {};
  const prefix = `${bundle}/`;
  const present = filesUnder(join(searchDir, bundle)).map((path) => prefix + path);
  if (expected.length === 0 || expected.join('\n') !== present.join('\n')) return false;
  return expected.every((path) => {
    try {
      if (memory?.stamps[path] === (fileStamp(join(searchDir, path)) ?? '')) return true;
      return sha256(readFileSync(join(searchDir, path))) === remembered[path];
    } catch {
      return false;
    }
  });
}

/** The URL Pagefind gives a page at `path` under the site folder, as its addDirectory would: `/articles/…/`. */
function pageUrl(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Runs Pagefind over one bundle's pages and returns the bundle's files (and Pagefind's script). */
async function indexBundle(
  siteDir: string,
  bundle: string,
  pages: readonly string[],
): Promise<{ files: BundleFile[]; script: BundleFile | undefined }> {
  const [language = 'en', id = WHOLE_BUNDLE] = bundle.split('/');
  // A run per language, the language forced: Pagefind would take it from <html lang>, the site's language, while an
  // article says its own on <article lang>.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Sent a batch at a time, a few batches ahead: Pagefind indexes in a process of its own, so while it works on
    // one batch this one reads and encodes the next (waiting for each batch left Pagefind idle in between); all at
    // once would hold every page's text.
    const batch = 64;
    const ahead = 4;
    const sending: Promise<void>[] = [];
    for (let start = 0; start < pages.length; start += batch) {
      const sent = addPages(index, siteDir, bundle, pages.slice(start, start + batch));
      // Marked handled at once: a batch failing while an earlier one is awaited must not end the process unreported;
      // awaiting it below still throws its error.
      sent.catch(() => undefined);
      sending.push(sent);
      if (sending.length >= ahead) await sending.shift();
    }
    await Promise.all(sending);
    const bundleFiles = await index.getFiles();
    if (bundleFiles.errors.length > 0)
      throw new Error(`Pagefind could not build the index of ${bundle}: ${bundleFiles.errors.join('; ')}`);
    const entry = bundleFiles.files.find((file) => file.path === 'pagefind-entry.json');
    const entryJson = entry ? (JSON.parse(new TextDecoder().decode(entry.content)) as EntryJson) : undefined;
    const wasm = `wasm.${entryJson?.languages?.[language]?.wasm ?? 'unknown'}.pagefind`;
    const files = bundleFiles.files.filter((file) => file.path === wasm || BUNDLE_FILE_PATTERN.test(file.path));
    if (!files.some((file) => file.path === wasm)) throw new Error(`Pagefind wrote no ${wasm} for ${bundle} (${id})`);
    return { files, script: bundleFiles.files.find((file) => file.path === 'pagefind.js') };
  } finally {
    // Pagefind runs as a child process; closed after each bundle, so that the memory of one is freed before the next,
    // and so that it does not keep the build's Node process alive.
    await pagefind.close();
  }
}

/** Sends pages (paths under the site folder) to a Pagefind index; throws with Pagefind's errors if any page failed. */
async function addPages(
  index: pagefind.PagefindIndex,
  siteDir: string,
  bundle: string,
  pages: readonly string[],
): Promise<void> {
  const added = await Promise.all(
    pages.map((path) => index.addHTMLFile({ url: pageUrl(path), content: readFileSync(join(siteDir, path), 'utf8') })),
  );
  const failed = added.flatMap((result) => result.errors);
  if (failed.length > 0) throw new Error(`Pagefind could not index a page of ${bundle}: ${failed.join('; ')}`);
}

/** The part of `pagefind-entry.json` read here. */
interface EntryJson {
  readonly languages?: Record<string, { readonly wasm?: string }>;
}

/** Pagefind's script from an empty run, for a site without article pages or when only the script was lost. */
async function pagefindScript(): Promise<BundleFile> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const { files } = await index.getFiles();
    const script = files.find((file) => file.path === 'pagefind.js');
    if (!script) throw new Error('Pagefind wrote no pagefind.js');
    return script;
  } finally {
    await pagefind.close();
  }
}

/** How the index is split into bundles: per language and year, quarter or month, or per language only. */
export type SearchSplit = 'year' | 'quarter' | 'month' | 'none';

/**
 * From how many article pages the index is split by year. Below it one Pagefind run indexes a whole language in
 * seconds (about 20 s and 1.5 GiB at 20,000 pages), and one index per language ranks results as one index does:
 * split bundles score each year on its own, and a word missing from a year matches that year's pages by a prefix
 * (docs/search-and-feeds.md#what-differs-from-one-index).
 */
export const SPLIT_BY_YEAR_FROM = 20_000;

/**
 * From how many article pages the index is split by month. A year's bundle then holds 10,000 pages or more, and an
 * edit re-indexes all of them; Pagefind's time per page also grows with the bundle, so small bundles index the same
 * pages sooner (docs/performance.md#toward-100000-articles).
 */
export const SPLIT_BY_MONTH_FROM = 50_000;

/** The split a site of `articlePages` article pages gets when none is chosen (see the thresholds above). */
export function chooseSplit(articlePages: number): SearchSplit {
  if (articlePages >= SPLIT_BY_MONTH_FROM) return 'month';
  return articlePages >= SPLIT_BY_YEAR_FROM ? 'year' : 'none';
}

/** The environment variable that chooses the split of a build's index: `year`, `quarter`, `month`, `none`, `auto`. */
export const SEARCH_SPLIT_ENV = 'BROADSHEET_SEARCH_SPLIT';

/** Reads BROADSHEET_SEARCH_SPLIT; any other value is an error naming the variable and the values it takes. */
export function searchSplitFromEnv(env: Readonly<Record<string, string | undefined>>): SearchSplit | 'auto' {
  const value = env[SEARCH_SPLIT_ENV]?.trim() || 'auto';
  if (value === 'year' || value === 'quarter' || value === 'month' || value === 'none' || value === 'auto')
    return value;
  throw new Error(
    `${SEARCH_SPLIT_ENV} is "${value}". Use "year" (a search bundle per language and year), "quarter" (per language ` +
      `and quarter), "month" (per language and month), "none" (one per language) or "auto" (by year from ` +
      `${SPLIT_BY_YEAR_FROM.toLocaleString('en')} article pages, by month from ` +
      `${SPLIT_BY_MONTH_FROM.toLocaleString('en')}), or leave it unset.`,
  );
}

/**
 * Indexes the article pages of a built site with Pagefind into `<siteDir>/pagefind/`, re-indexing only the bundles
 * whose pages changed since the memory was written. Throws with Pagefind's own messages if anything fails, so a
 * broken index fails the build.
 */
export async function indexSite(siteDir: string, options: IndexSiteOptions): Promise<IndexSiteResult> {
  const articleFiles = articlePagesOf(siteDir, options.pageStamps);
  const split =
    options.split === undefined || options.split === 'auto' ? chooseSplit(articleFiles.length) : options.split;
  const timeZone = options.timeZone ?? 'UTC';
  const searchDir = join(siteDir, SEARCH_BUNDLE_FOLDER);
  // Bundles depend on the split and the time zone: a memory of another layout is not used.
  const memory = readMemory(options.memoryFile, siteDir, `${split} ${timeZone}`);
  const pages: Record<string, PageMemory> = {};
  const dirty = new Set<string>();
  for (const file of articleFiles) {
    const path = `${ARTICLE_PAGES_FOLDER}/${file}`;
    const stamp = options.pageStamps?.get(path) ?? fileStamp(join(siteDir, path)) ?? '';
    const known = memory?.pages[path];
    if (known?.stamp === stamp) {
      pages[path] = known;
      continue;
    }
    const html = readFileSync(join(siteDir, path), 'utf8');
    const bundle = bundleOfPage(html, options.language, split, timeZone);
    pages[path] = { stamp, bundle };
    dirty.add(bundle);
    if (known) dirty.add(known.bundle);
  }
  for (const [path, known] of Object.entries(memory?.pages ?? {})) if (!pages[path]) dirty.add(known.bundle);

  const pagesOf = new Map<string, string[]>();
  for (const [path, { bundle }] of Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const list = pagesOf.get(bundle);
    // Appended in place: copying the list for each page made this quadratic (about 20 s at 100,000 pages).
    if (list) list.push(path);
    else pagesOf.set(bundle, [path]);
  }
  const bundles = [...pagesOf.keys()].sort(compareBundleKeys);
  const remembered = memory?.files ?? {};
  const rememberedOf = filesByBundle(remembered);
  for (const bundle of bundles) {
    if (!dirty.has(bundle) && !bundleIntact(searchDir, bundle, memory, rememberedOf.get(bundle) ?? []))
      dirty.add(bundle);
  }
  const reindexed = bundles.filter((bundle) => dirty.has(bundle));

  const files: Record<string, string> = {};
  const stamps: Record<string, string> = {};
  let written = 0;
  let unchanged = 0;
  let removed = 0;
  let script: BundleFile | undefined;
  for (const bundle of bundles) {
    if (!dirty.has(bundle)) {
      for (const path of rememberedOf.get(bundle) ?? []) {
        files[path] = remembered[path] ?? '';
        stamps[path] = memory?.stamps[path] ?? '';
      }
      continue;
    }
    const result = await indexBundle(siteDir, bundle, pagesOf.get(bundle) ?? []);
    script ??= result.script;
    const wrote = writeBundle(join(searchDir, bundle), result.files);
    written += wrote.written;
    unchanged += wrote.unchanged;
    removed += wrote.removed;
    for (const file of result.files) {
      const path = `${bundle}/${file.path}`;
      files[path] = sha256(file.content);
      stamps[path] = fileStamp(join(searchDir, path)) ?? '';
    }
    options.onBundleWritten?.(bundle);
  }

  // Pagefind's script is the same for every bundle; it is kept once, at the top, where the search page loads it.
  const scriptPath = join(searchDir, 'pagefind.js');
  if (!script && remembered['pagefind.js'] !== undefined && intactFile(scriptPath, remembered['pagefind.js'])) {
    files['pagefind.js'] = remembered['pagefind.js'];
  } else {
    script ??= await pagefindScript();
    files['pagefind.js'] = sha256(script.content);
  }
  // Rewritten (compared by its bytes below) whenever a bundle's page count moves a step boundary.
  const { text: list, steps } = bundlesJson(bundles, pagesOf, options.stepPages ?? SEARCH_STEP_PAGES);
  files[BUNDLES_FILE] = sha256(list);
  const top: BundleFile[] = [{ path: BUNDLES_FILE, content: new TextEncoder().encode(list) }];
  if (script) top.push({ path: 'pagefind.js', content: script.content });
  for (const file of top) {
    const path = join(searchDir, file.path);
    if (intactFile(path, sha256(file.content))) unchanged += 1;
    else {
      mkdirSync(searchDir, { recursive: true });
      writeFileSync(path, file.content);
      written += 1;
    }
  }
  // Whatever else is in the folder (a bundle no longer needed, an older layout's files) goes.
  removed += removeUnlisted(searchDir, files, new Set(bundles.filter((bundle) => !dirty.has(bundle))));
  if (options.memoryFile) {
    const layout = `${split} ${timeZone}`;
    writeMemory(options.memoryFile, { version: MEMORY_VERSION, siteDir, split: layout, pages, files, stamps });
  }
  return {
    pageCount: Object.keys(pages).length,
    outputPath: searchDir,
    files: { written, unchanged, removed },
    bundles,
    reindexed,
    steps,
  };
}

/** The article pages (paths under the articles folder), from the build's record when given, else from the folder. */
function articlePagesOf(siteDir: string, pageStamps: ReadonlyMap<string, string> | undefined): string[] {
  if (!pageStamps) return filesUnder(join(siteDir, ARTICLE_PAGES_FOLDER)).filter((file) => file.endsWith('.html'));
  const prefix = `${ARTICLE_PAGES_FOLDER}/`;
  return [...pageStamps.keys()]
    .filter((path) => path.startsWith(prefix) && path.endsWith('.html'))
    .map((path) => path.slice(prefix.length))
    .sort();
}

function intactFile(path: string, hash: string): boolean {
  try {
    return sha256(readFileSync(path)) === hash;
  } catch {
    return false;
  }
}

/**
 * Removes every file under the search folder that `files` does not list, and every folder left empty; returns how
 * many files went. The folders of `intact` bundles are not walked: bundleIntact has just listed each and found exactly
 * its remembered files, and walking them again listed every search file twice in each rebuild (the journal's
 * 2026-12-04 night entry has the figures).
 */
function removeUnlisted(
  searchDir: string,
  files: Readonly<Record<string, string>>,
  intact: ReadonlySet<string>,
): number {
  let removed = 0;
  // Returns whether `folder` (at `below` under the search folder) was left empty.
  const sweep = (folder: string, below: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = below === '' ? entry.name : `${below}/${entry.name}`;
      const full = join(folder, entry.name);
      if (entry.isDirectory() && !intact.has(path) && sweep(full, path)) rmSync(full, { recursive: true });
      else if (!entry.isDirectory() && files[path] === undefined) {
        rmSync(full, { force: true });
        removed += 1;
      } else empty = false;
    }
    return empty;
  };
  sweep(searchDir, '');
  return removed;
}

/** Orders `language/bundle` keys by language, then newest bundle first. */
function compareBundleKeys(a: string, b: string): number {
  const [languageA = '', bundleA = ''] = a.split('/');
  const [languageB = '', bundleB = ''] = b.split('/');
  if (languageA !== languageB) return languageA < languageB ? -1 : 1;
  return compareBundles(bundleA, bundleB);
}

/**
 * The text of bundles.json for bundles given as sorted `language/bundle` keys, with each language's search steps of
 * at most `stepPages` article pages (searchSteps).
 */
function bundlesJson(
  bundles: readonly string[],
  pagesOf: ReadonlyMap<string, readonly string[]>,
  stepPages: number,
): { text: string; steps: number } {
  const sizes: Record<string, { bundle: string; pages: number }[]> = {};
  for (const key of bundles) {
    const [language = '', bundle = ''] = key.split('/');
    const list = sizes[language] ?? [];
    list.push({ bundle, pages: pagesOf.get(key)?.length ?? 0 });
    sizes[language] = list;
  }
  const entries = Object.entries(sizes);
  const list: SearchBundles = {
    languages: Object.fromEntries(entries.map(([language, list]) => [language, list.map(({ bundle }) => bundle)])),
    steps: Object.fromEntries(entries.map(([language, list]) => [language, searchSteps(list, stepPages)])),
  };
  const steps = Object.values(list.steps).reduce((sum, language) => sum + language.length, 0);
  return { text: `${JSON.stringify(list)}\n`, steps };
}

/** The environment variable that sets how many article pages one search step holds at most (SEARCH_STEP_PAGES). */
export const SEARCH_STEP_PAGES_ENV = 'BROADSHEET_SEARCH_STEP_PAGES';

/** Reads BROADSHEET_SEARCH_STEP_PAGES: a whole number of pages from 1, or unset (the default); else an error. */
export function searchStepPagesFromEnv(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const value = env[SEARCH_STEP_PAGES_ENV]?.trim() ?? '';
  if (value === '') return undefined;
  if (/^[1-9]\d*$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  throw new Error(
    `${SEARCH_STEP_PAGES_ENV} is "${value}". Use a whole number of article pages from 1 (the most one search step ` +
      `holds; ${SEARCH_STEP_PAGES.toLocaleString('en')} unless set), or leave it unset.`,
  );
}

/**
 * Indexes a built site (see indexSite) and reports it in one line through `log`, with the time it took and the bundles
 * re-indexed. `npm run bench` reads that time from the line (`Indexed N article pages for search in S s`), so keep
 * its start.
 */
export async function indexSiteAndReport(
  siteDir: string,
  options: IndexSiteOptions,
  log: (line: string) => void,
): Promise<IndexSiteResult> {
  const started = performance.now();
  const result = await indexSite(siteDir, {
    ...options,
    split: options.split ?? searchSplitFromEnv(process.env),
    stepPages: options.stepPages ?? searchStepPagesFromEnv(process.env),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const pages = `${result.pageCount} article ${result.pageCount === 1 ? 'page' : 'pages'}`;
  const { written, removed } = result.files;
  const which = result.reindexed.length > 0 ? `: ${result.reindexed.join(', ')}` : '';
  log(
    `Indexed ${pages} for search in ${seconds} s into ${result.outputPath} (${result.reindexed.length} of ` +
      `${result.bundles.length} bundles re-indexed${which}; ${result.steps} search steps; ${written} files written, ` +
      `${removed} removed)`,
  );
  return result;
}
