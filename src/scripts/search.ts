import { fillTemplate, formatNumber } from '@/lib/i18n/template';
import {
  BUNDLE_FILTER,
  BUNDLES_FILE,
  type BundleSearch,
  bundleFolder,
  bundleSearches,
  indexLanguage,
  parseSearchBundles,
  type SearchBundles,
  stepSpan,
} from '@/lib/search/search-bundles';
import {
  calendarDayText,
  hasCriteria,
  type PagefindSearchArguments,
  pagefindSearchArguments,
  parseCalendarDay,
  parseSearchParams,
  SEARCH_PARAMS,
  type SearchState,
  searchQueryString,
  startingStep,
} from '@/lib/search/search-query';
import {
  formatCalendarDay,
  type PagefindResultData,
  resultsAnnouncement,
  type SearchPageText,
  type SearchResultView,
  searchedSpanSentence,
  toResultView,
} from '@/lib/search/search-results';
import { searchPath, withBase } from '@/lib/urls';

// The search page's client: it reads the search from the URL, asks Pagefind (loaded from the built site, never
// bundled), and fills the results from the page's <template>. Every other page ships no JavaScript.

/** The part of Pagefind's browser module used here (`pagefind/pagefind.js` in the built site). */
interface PagefindModule {
  createInstance(options: Record<string, unknown>): Pagefind;
}

/** One Pagefind instance: an index (a bundle) with others merged into it. */
interface Pagefind {
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
const nextStep = document.querySelector<HTMLButtonElement>('[data-search-step]');
const newest = document.querySelector<HTMLElement>('[data-search-newest]');
const newestLink = newest?.querySelector('a');
const template = document.querySelector<HTMLTemplateElement>('[data-search-template]');
// The words to write, in the site's language, from the page (SearchResults.astro): the bundle holds no language.
const text = JSON.parse(
  document.querySelector<HTMLElement>('[data-search-results]')?.dataset['searchText'] ?? '{}',
) as SearchPageText;
const pageTitle = document.title;

// The index is a bundle per language and year, quarter or month, grouped into steps of at most SEARCH_STEP_PAGES
// article pages (docs/search-and-feeds.md#how-the-index-is-split). Nothing of the index loads with the page, only
// Pagefind's script and the list of bundles (under a kilobyte): a query loads and searches one step alone, so what it
// fetches does not grow with the archive. That is the newest step; with `before` in the URL, the newest step of articles
// published before that day (startingStep), where the "older articles" button goes.
//
// Each step is a Pagefind instance of its own (Pagefind's createInstance: its newest bundle, the step's others merged
// into it), kept for the visit. One instance with every step merged into it as the reader asks (mergeIndex works on
// an instance that has already searched) would save each later step the WebAssembly (about 60 KB: each bundle carries
// its copy, at its own URL), but Pagefind searches every bundle merged into an instance: the next query would load its
// words' index chunks from every step opened so far, and a query would no longer cost one step.
let pagefindModule: Promise<PagefindModule> | undefined;
let bundleList: Promise<SearchBundles> | undefined;
/** The language whose steps are open, and each open step's instance by its place in bundles.json (newest first). */
let opened: { readonly language: string; readonly steps: Map<number, Promise<Pagefind>> } | undefined;

/** The search being shown: the step of the index it read, and the steps older than that one. */
interface ActiveSearch {
  readonly number: number;
  readonly state: SearchState;
  /** The bundles of the step searched (empty when the language has no index or nothing is older than `before`). */
  readonly step: readonly string[];
  /** Whether the language has steps older than the one searched. */
  readonly olderRemain: boolean;
}

let active: ActiveSearch | undefined;
let pending: PagefindResult[] = [];
let total = 0;
// Each search gets a number; a slower earlier search that finishes late must not overwrite a newer one's results.
let latestSearch = 0;

/** The index language a search asks for: its `lang`, or the site's (the page's own `<html lang>`). */
function searchLanguage(state: SearchState): string {
  return indexLanguage(state.lang || document.documentElement.lang);
}

/** Retries after a failure (the connection may be back): a failed load is forgotten. */
async function remembered<T>(load: () => Promise<T>, forget: () => void): Promise<T> {
  try {
    return await load();
  } catch (error) {
    forget();
    throw error;
  }
}

function loadModule(): Promise<PagefindModule> {
  pagefindModule ??= remembered(
    async () => (await import(/* @vite-ignore */ withBase(base, 'pagefind/pagefind.js'))) as PagefindModule,
    () => {
      pagefindModule = undefined;
    },
  );
  return pagefindModule;
}

function loadBundles(): Promise<SearchBundles> {
  bundleList ??= remembered(
    async () => {
      const response = await fetch(withBase(base, `pagefind/${BUNDLES_FILE}`));
      if (!response.ok) throw new Error(`${response.status} fetching pagefind/${BUNDLES_FILE}`);
      return parseSearchBundles(await response.json());
    },
    () => {
      bundleList = undefined;
    },
  );
  return bundleList;
}

/** The Pagefind instance of one step of a language: its newest bundle, the others merged in, each with its filter. */
function openStep(language: string, place: number, bundles: readonly string[]): Promise<Pagefind> {
  if (opened?.language !== language) {
    // Pagefind keeps one WebAssembly module (with one language's stemmer); another language starts afresh.
    const previous = opened ? [...opened.steps.values()] : [];
    for (const instance of previous) void instance.then((pagefind) => pagefind.destroy()).catch(() => undefined);
    opened = { language, steps: new Map() };
  }
  const steps = opened.steps;
  const known = steps.get(place);
  if (known) return known;
  const instance = remembered(
    async () => {
      const [newest, ...older] = bundles;
      if (newest === undefined) throw new Error(`pagefind/${BUNDLES_FILE} lists an empty step for ${language}`);
      const folder = (bundle: string) => withBase(base, `pagefind/${bundleFolder(language, bundle)}`);
      const bundleOptions = (bundle: string) => ({ excerptLength: 30, mergeFilter: { [BUNDLE_FILTER]: bundle } });
      const pagefind = (await loadModule()).createInstance({ basePath: folder(newest), ...bundleOptions(newest) });
      await pagefind.init();
      await Promise.all(
        older.map((bundle) => pagefind.mergeIndex(folder(bundle), { language, ...bundleOptions(bundle) })),
      );
      return pagefind;
    },
    () => {
      if (steps.get(place) === instance) steps.delete(place);
    },
  );
  steps.set(place, instance);
  return instance;
}

/** Searches one step, in the order of one index over its bundles (see bundleSearches). */
async function searchStep(
  language: string,
  place: number,
  step: readonly string[],
  search: BundleSearch,
): Promise<PagefindResult[]> {
  const pagefind = await openStep(language, place, step);
  const found = await Promise.all(
    bundleSearches(step, search).map(({ term, options }) => pagefind.search(term, options)),
  );
  return found.flatMap((part) => part?.results ?? []);
}

/** The status line: the announcement, and which days were searched unless it was the whole index. */
function announce(search: ActiveSearch): void {
  if (!status) return;
  const before = parseCalendarDay(search.state.before);
  if (before && search.step.length === 0) {
    status.textContent = fillTemplate(text.nothingBefore, { date: formatCalendarDay(before, text.locale) });
    return;
  }
  const found = resultsAnnouncement(total, search.state.query, filterLabels(search.state), text);
  const span = stepSpan(search.step);
  const searched = searchedSpanSentence({ ...span, before, olderRemain: search.olderRemain }, text);
  status.textContent = searched ? `${found} ${searched}` : found;
}

/** The button to the older articles, shown with the first results while older steps remain; the newest link. */
function showStepLinks(search: ActiveSearch | undefined): void {
  const first = search ? stepSpan(search.step).first : undefined;
  if (nextStep) {
    nextStep.hidden = !search?.olderRemain || !first;
    if (first) {
      const when = fillTemplate(text.stepBefore, { date: formatCalendarDay(first, text.locale) });
      nextStep.textContent = `${text.searchOlder}${when}`;
    }
  }
  if (newest) {
    newest.hidden = !search?.state.before;
    if (search && newestLink) newestLink.href = searchPath(base, searchQueryString({ ...search.state, before: '' }));
  }
}

/** The search the "older articles" button goes to: the same, before the first day of the step searched. */
function olderSearch(search: ActiveSearch): SearchState | undefined {
  const first = stepSpan(search.step).first;
  return search.olderRemain && first ? { ...search.state, before: calendarDayText(first) } : undefined;
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

/** Runs a search and shows its first results; true once they are shown, false when a newer search took over. */
async function runSearch(state: SearchState): Promise<boolean> {
  const searchNumber = ++latestSearch;
  document.title = state.query ? `${state.query} – ${pageTitle}` : pageTitle;
  active = undefined;
  showStepLinks(undefined);
  if (!hasCriteria(state)) {
    list?.replaceChildren();
    if (more) more.hidden = true;
    if (status) status.textContent = '';
    return true;
  }
  if (status) status.textContent = text.searching;
  try {
    const language = searchLanguage(state);
    const search = pagefindSearchArguments(state);
    const steps = (await loadBundles()).steps[language] ?? [];
    const place = startingStep(steps, state.before);
    const step = place === undefined ? [] : (steps[place] ?? []);
    const results = place === undefined ? [] : await searchStep(language, place, step, search);
    if (searchNumber !== latestSearch) return false;
    const current: ActiveSearch = {
      number: searchNumber,
      state,
      step,
      olderRemain: place !== undefined && place + 1 < steps.length,
    };
    active = current;
    pending = results;
    total = results.length;
    list?.replaceChildren();
    await showMore(searchNumber);
    if (searchNumber !== latestSearch) return false;
    announce(current);
    showStepLinks(current);
    return true;
  } catch (error) {
    if (searchNumber !== latestSearch) return false;
    console.error(error);
    if (status) {
      status.textContent = text.unavailable;
    }
    return false;
  }
}

function searchFromUrl(): void {
  const state = parseSearchParams(new URLSearchParams(window.location.search));
  fillForm(state);
  void runSearch(state);
}

/** Puts a search in the address bar (a new history entry, so Back returns) and runs it. */
function navigate(state: SearchState): Promise<boolean> {
  const url = searchPath(base, searchQueryString(state));
  if (url !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, '', url);
  return runSearch(state);
}

// The form has no `before` field: a query or filter chosen there starts at the newest articles again.
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  void navigate(formState());
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

nextStep?.addEventListener('click', () => {
  const search = active;
  const older = search?.number === latestSearch ? olderSearch(search) : undefined;
  if (!older) return;
  void navigate(older).then((shown) => {
    if (!shown) return;
    // Keyboard and screen reader users continue at the first result; with none, at the button to older articles
    // again, or at the link back to the newest.
    const target = list?.querySelector('a') ?? (nextStep.hidden ? newestLink : nextStep);
    target?.focus();
  });
});

newestLink?.addEventListener('click', (event) => {
  const search = active;
  // A click meant for a new tab or window follows the link itself.
  if (!search || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  void navigate({ ...search.state, before: '' }).then((shown) => {
    // As after the older articles: the first result, else the button to them.
    if (shown) (list?.querySelector('a') ?? (nextStep?.hidden === false ? nextStep : undefined))?.focus();
  });
});

window.addEventListener('popstate', searchFromUrl);

searchFromUrl();
// Pagefind's script and the list of bundles load while the reader types; the index itself waits for a query.
loadModule().catch(() => undefined);
loadBundles().catch(() => undefined);
