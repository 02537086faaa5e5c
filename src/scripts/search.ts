import { fillTemplate, formatNumber } from '@/lib/i18n/template';
import {
  BUNDLE_FILTER,
  BUNDLES_FILE,
  type BundleSearch,
  bundleFolder,
  bundleSearches,
  indexLanguage,
  parseSearchBundles,
} from '@/lib/search/search-bundles';
import {
  hasCriteria,
  type PagefindSearchArguments,
  pagefindSearchArguments,
  parseSearchParams,
  SEARCH_PARAMS,
  type SearchState,
  searchQueryString,
} from '@/lib/search/search-query';
import {
  type PagefindResultData,
  resultsAnnouncement,
  type SearchPageText,
  type SearchResultView,
  toResultView,
} from '@/lib/search/search-results';
import { searchPath, withBase } from '@/lib/urls';

// The search page's client: it reads the search from the URL, asks Pagefind (loaded from the built site, never
// bundled), and fills the results from the page's <template>. Every other page ships no JavaScript.

/** The part of Pagefind's browser API used here (`pagefind/pagefind.js` in the built site). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(basePath: string, options: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
  search(
    term: string | null,
    options: PagefindSearchArguments['options'],
  ): Promise<{ results: PagefindResult[] } | null>;
}

interface PagefindResult {
  data(): Promise<PagefindResultData>;
}

const RESULTS_PER_PAGE = 10;
const base = import.meta.env.BASE_URL;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-list]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
const template = document.querySelector<HTMLTemplateElement>('[data-search-template]');
// The words to write, in the site's language, from the page (SearchResults.astro): the bundle holds no language.
const text = JSON.parse(
  document.querySelector<HTMLElement>('[data-search-results]')?.dataset['searchText'] ?? '{}',
) as SearchPageText;
const pageTitle = document.title;

/** Pagefind with every bundle of one language loaded (bundles newest first). */
interface LoadedIndex {
  readonly pagefind: Pagefind;
  readonly bundles: readonly string[];
}

let loaded: { readonly language: string; readonly index: Promise<LoadedIndex> } | undefined;
let pending: PagefindResult[] = [];
let total = 0;
// Each search gets a number; a slower earlier search that finishes late must not overwrite a newer one's results.
let latestSearch = 0;

/** The index language a search asks for: its `lang`, or the site's (the page's own `<html lang>`). */
function searchLanguage(state: SearchState): string {
  return indexLanguage(state.lang || document.documentElement.lang);
}

// The index is a bundle per language and year (docs/search-and-feeds.md#how-the-index-is-split): the newest bundle of
// the language is Pagefind's own, the others are merged into it, each tagged with its bundle filter.
function loadIndex(language: string): Promise<LoadedIndex> {
  if (loaded?.language === language) return loaded.index;
  const previous = loaded?.index;
  const index = (async () => {
    // Pagefind keeps one WebAssembly module (with one language's stemmer) per page; another language starts afresh.
    if (previous) await (await previous.catch(() => undefined))?.pagefind.destroy();
    const response = await fetch(withBase(base, `pagefind/${BUNDLES_FILE}`));
    if (!response.ok) throw new Error(`${response.status} fetching pagefind/${BUNDLES_FILE}`);
    const bundles = parseSearchBundles(await response.json()).languages[language] ?? [];
    const pagefind = (await import(/* @vite-ignore */ withBase(base, 'pagefind/pagefind.js'))) as Pagefind;
    const [newest, ...older] = bundles;
    if (newest === undefined) return { pagefind, bundles };
    const folder = (bundle: string) => withBase(base, `pagefind/${bundleFolder(language, bundle)}`);
    const bundleOptions = (bundle: string) => ({ excerptLength: 30, mergeFilter: { [BUNDLE_FILTER]: bundle } });
    await pagefind.options({ basePath: folder(newest), ...bundleOptions(newest) });
    await pagefind.init();
    await Promise.all(
      older.map((bundle) => pagefind.mergeIndex(folder(bundle), { language, ...bundleOptions(bundle) })),
    );
    return { pagefind, bundles };
  })().catch((error: unknown) => {
    // Forget the failure, so that the next search tries again (the connection may be back).
    if (loaded?.index === index) loaded = undefined;
    throw error;
  });
  loaded = { language, index };
  return index;
}

/** Searches every bundle of a language, in the order of one index over them all (see bundleSearches). */
async function searchIndex(language: string, search: BundleSearch): Promise<PagefindResult[]> {
  const { pagefind, bundles } = await loadIndex(language);
  const found = await Promise.all(
    bundleSearches(bundles, search).map(({ term, options }) => pagefind.search(term, options)),
  );
  return found.flatMap((part) => part?.results ?? []);
}

function fillForm(state: SearchState): void {
  if (!form) return;
  const set = (name: string, value: string) => {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  };
  set(SEARCH_PARAMS.query, state.query);
  set(SEARCH_PARAMS.source, state.source);
  set(SEARCH_PARAMS.tag, state.tag);
  set(SEARCH_PARAMS.sort, state.sort);
  set(SEARCH_PARAMS.lang, state.lang);
  // A shared link may name a source or topic this build no longer has; the select then shows "All".
  for (const name of [SEARCH_PARAMS.source, SEARCH_PARAMS.tag, SEARCH_PARAMS.lang]) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLSelectElement && field.selectedIndex === -1) field.selectedIndex = 0;
  }
}

function formState(): SearchState {
  return parseSearchParams(
    new URLSearchParams(form ? [...new FormData(form)].map(([key, value]) => [key, String(value)]) : []),
  );
}

function filterLabels(state: SearchState): string[] {
  const label = (name: string, prefix: string, value: string) => {
    const field = form?.elements.namedItem(name);
    const option =
      field instanceof HTMLSelectElement
        ? [...field.options].find((candidate) => candidate.value === value)
        : undefined;
    return fillTemplate(text.filter, { name: prefix, value: option?.text ?? value });
  };
  return [
    ...(state.source ? [label(SEARCH_PARAMS.source, text.filterSource, state.source)] : []),
    ...(state.tag ? [label(SEARCH_PARAMS.tag, text.filterTopic, state.tag)] : []),
  ];
}

function renderResult(view: SearchResultView): HTMLElement | undefined {
  const item = template?.content.firstElementChild?.cloneNode(true);
  if (!(item instanceof HTMLElement)) return undefined;
  const link = item.querySelector<HTMLAnchorElement>('[data-result-link]');
  if (link) {
    link.href = view.url;
    link.textContent = view.title;
  }
  const source = item.querySelector('[data-result-source]');
  if (source) source.textContent = view.source;
  const date = item.querySelector<HTMLTimeElement>('[data-result-date]');
  if (date) {
    date.dateTime = view.datetime;
    date.textContent = view.date;
  }
  const excerpt = item.querySelector('[data-result-excerpt]');
  for (const piece of view.excerpt) {
    const text = document.createTextNode(piece.text);
    if (piece.marked) {
      const mark = document.createElement('mark');
      mark.append(text);
      excerpt?.append(mark);
    } else excerpt?.append(text);
  }
  return item;
}

async function showMore(searchNumber: number): Promise<HTMLElement | undefined> {
  const batch = pending.slice(0, RESULTS_PER_PAGE);
  pending = pending.slice(RESULTS_PER_PAGE);
  const views = (await Promise.all(batch.map((result) => result.data()))).map(toResultView);
  if (searchNumber !== latestSearch) return undefined;
  const items = views.map(renderResult).filter((item) => item !== undefined);
  list?.append(...items);
  if (more) more.hidden = pending.length === 0;
  return items[0];
}

async function runSearch(state: SearchState): Promise<void> {
  const searchNumber = ++latestSearch;
  document.title = state.query ? `${state.query} – ${pageTitle}` : pageTitle;
  if (!hasCriteria(state)) {
    list?.replaceChildren();
    if (more) more.hidden = true;
    if (status) status.textContent = '';
    return;
  }
  if (status) status.textContent = text.searching;
  try {
    const results = await searchIndex(searchLanguage(state), pagefindSearchArguments(state));
    if (searchNumber !== latestSearch) return;
    pending = results;
    total = results.length;
    list?.replaceChildren();
    await showMore(searchNumber);
    if (searchNumber !== latestSearch) return;
    if (status) status.textContent = resultsAnnouncement(total, state.query, filterLabels(state), text);
  } catch (error) {
    if (searchNumber !== latestSearch) return;
    console.error(error);
    if (status) {
      status.textContent = text.unavailable;
    }
  }
}

function searchFromUrl(): void {
  const state = parseSearchParams(new URLSearchParams(window.location.search));
  fillForm(state);
  void runSearch(state);
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const state = formState();
  const url = searchPath(base, searchQueryString(state));
  if (url !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, '', url);
  void runSearch(state);
});

form?.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) form.requestSubmit();
});

more?.addEventListener('click', () => {
  void showMore(latestSearch).then((firstNew) => {
    // Keyboard and screen reader users continue reading at the first result that was added.
    firstNew?.querySelector('a')?.focus();
    if (status) {
      status.textContent = fillTemplate(text.showing, {
        shown: formatNumber(list?.children.length ?? 0, text.locale),
        total: formatNumber(total, text.locale),
      });
    }
  });
});

window.addEventListener('popstate', searchFromUrl);

searchFromUrl();
// Loading the index while the reader types makes the first search fast; failures show when a search runs.
loadIndex(searchLanguage(parseSearchParams(new URLSearchParams(window.location.search)))).catch(() => undefined);
