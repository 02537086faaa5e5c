import { SEARCH_META } from '@/lib/search/search-keys';

// Turns what Pagefind returns into what a result shows. Pagefind's excerpt is text with `<` and `>` escaped and the
// matched words wrapped in `<mark>`; it is split into plain-text pieces here, so the page never parses it as HTML.

/** The part of a Pagefind result's `data()` that the search page reads. */
export interface PagefindResultData {
  /** The page's URL, already under the base path. */
  readonly url: string;
  /** Text around the matched words, which are wrapped in `<mark>`. */
  readonly excerpt: string;
  /** The metadata the article page declared. */
  readonly meta: Readonly<Record<string, string | undefined>>;
}

/** A piece of an excerpt: plain text, marked when it is a matched word. */
export interface ExcerptPiece {
  /** The text, with no markup in it. */
  readonly text: string;
  /** Whether it is a matched word. */
  readonly marked: boolean;
}

/** One result as the page shows it. */
export interface SearchResultView {
  /** The article's page. */
  readonly url: string;
  /** Its headline. */
  readonly title: string;
  /** The name of its source. */
  readonly source: string;
  /** Its date as read, such as "19 April 2024". */
  readonly date: string;
  /** Its date for `<time datetime>`. */
  readonly datetime: string;
  /** Text around the matched words. */
  readonly excerpt: readonly ExcerptPiece[];
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&amp;': '&',
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:lt|gt|quot|amp|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Splits a Pagefind excerpt into plain-text pieces, marking the matched words; any other tag is kept as text. */
export function excerptPieces(excerpt: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part !== '') pieces.push({ text: decodeEntities(part), marked });
  }
  return pieces;
}

/** The view of one Pagefind result; a result without a headline shows its URL instead. */
export function toResultView(data: PagefindResultData): SearchResultView {
  return {
    url: data.url,
    title: data.meta[SEARCH_META.title] ?? data.url,
    source: data.meta[SEARCH_META.source] ?? '',
    date: data.meta[SEARCH_META.date] ?? '',
    datetime: data.meta[SEARCH_META.datetime] ?? '',
    excerpt: excerptPieces(data.excerpt),
  };
}

/** The sentence announced after a search: "3 articles match “nato” (source: Athens News)." */
export function resultsAnnouncement(count: number, query: string, narrowedBy: readonly string[]): string {
  const found =
    count === 0
      ? 'No articles match'
      : count === 1
        ? '1 article matches'
        : `${count.toLocaleString('en')} articles match`;
  const words = query ? ` “${query}”` : '';
  const filters = narrowedBy.length > 0 ? ` (${narrowedBy.join(', ')})` : '';
  return `${found}${words}${filters}.`;
}
