import type { Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { ContentDate } from '../../src/lib/content-date';
import type { ArticleDraft } from './draft';
import { ImportError } from './errors';
import { parseWrittenDate } from './loose-date';

/** What a plain-text scrape says, read from its shape: date line, outlet, tagline, headline, paragraphs. */
export interface TextScrape {
  /** The headline: the last short line before the first paragraph. */
  readonly title: string;
  /** The date line, when there is one. */
  readonly date: ContentDate | undefined;
  /** The outlet's name as the scrape gives it, when there is one. */
  readonly outletName: string | undefined;
  /** The outlet's tagline, when there is one. */
  readonly tagline: string | undefined;
  /** Names from a "By ..." line. */
  readonly authors: readonly string[];
  /** The body paragraphs, boilerplate removed and scrape glitches mended. */
  readonly paragraphs: readonly string[];
}

/** Options for reading a scrape. */
export interface TextScrapeOptions {
  /** Names of outlets already known, so a header line can be recognised as the outlet rather than the headline. */
  readonly knownOutletNames?: readonly string[];
}

// Lines after which a scraper has left the article: everything from the first of them on is dropped.
const END_MARKERS = [
  'source link',
  'source',
  'verified by monsterinsights',
  'share this',
  'share this article',
  'share this post',
  'like this',
  'related',
  'related posts',
  'related articles',
  'related news',
  'read more',
  'read also',
  'see also',
  'you may also like',
  'you might also like',
  'more from this author',
  'leave a reply',
  'leave a comment',
  'comments',
  'post navigation',
  'previous article',
  'next article',
  'previous post',
  'next post',
  'popular posts',
  'most read',
  'subscribe to our newsletter',
];

// Lines that are page furniture wherever they stand: share buttons, ad labels, loaders.
const FURNITURE =
  /^(?:tweet|share|print|email|e-mail|whatsapp|telegram|facebook|twitter|x|linkedin|pinterest|reddit|advertisement|advert|sponsored|loading\.*|like loading\.*|click to (?:share|email|print) .*|share on \w+|follow us on .*|subscribe|sign up|skip to (?:content|main content)|(?:©|copyright|\(c\)) .*|all rights reserved\.?|tags?:.*|filed under:?.*|powered by .*)$/i;

const GLUED_REPORTING_VERB =
  /\b(notes|noted|says|said|reports|reported|writes|wrote|adds|added|claims|claimed|believes|believed|argues|argued|states|stated|explains|explained|stresses|stressed|warns|warned|recalls|recalled|insists|insisted|reminds|reminded|announces|announced|emphasizes|emphasized|emphasises|emphasised|points out|pointed out|believe|say|note)that\b/g;

function normaliseLine(line: string): string {
  return line
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function markerKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/[:.!…\s]+$/u, '')
    .replace(/\s+/g, ' ');
}

/** Whether a line, on its own, is scraper boilerplate or page furniture ("Source link", "Share this:", "Advertisement"). */
export function isBoilerplateLine(line: string): boolean {
  const key = markerKey(normaliseLine(line));
  return END_MARKERS.includes(key) || FURNITURE.test(key);
}

/** Whether a block reads like body text rather than a header line: long, or a full sentence of some length. */
function isParagraph(block: string): boolean {
  const words = block.split(' ').length;
  return block.length > 200 || (/[.!?…:]["”’»)]?$/u.test(block) && words >= 12);
}

/**
 * Splits a scrape into blocks: one line is one block, except that a hard-wrapped paragraph (a long line that does
 * not end a sentence, followed by one that starts in lower case) is joined back together.
 */
export function scrapeBlocks(text: string): string[] {
  const blocks: string[] = [];
  let previousBlank = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = normaliseLine(raw);
    if (line === '') {
      previousBlank = true;
      continue;
    }
    const last = blocks.at(-1);
    if (
      !previousBlank &&
      last !== undefined &&
      last.length >= 60 &&
      !/[.!?:"”’»)]$/u.test(last) &&
      /^\p{Ll}/u.test(line)
    ) {
      blocks[blocks.length - 1] = `${last} ${line}`;
    } else {
      blocks.push(line);
    }
    previousBlank = false;
  }
  return blocks;
}

/** Mends the glitches scrapers leave in running text: a space lost at an element boundary ("notesthat"). */
export function mendScrapeGlitches(paragraph: string): string {
  return paragraph.replace(GLUED_REPORTING_VERB, '$1 that').replace(/ {2,}/g, ' ');
}

/** Drops the scraper's trailing boilerplate and page furniture, keeping the article's own lines. */
export function dropBoilerplate(blocks: readonly string[]): string[] {
  const endMarkers = new Set(END_MARKERS);
  const firstParagraph = blocks.findIndex(isParagraph);
  const end = blocks.findIndex(
    (block, index) => index > firstParagraph && firstParagraph !== -1 && endMarkers.has(markerKey(block)),
  );
  return (end === -1 ? blocks : blocks.slice(0, end)).filter((block) => !FURNITURE.test(markerKey(block)));
}

/** Reads a plain-text scrape shaped like `date / outlet / tagline / headline / paragraphs / boilerplate`. */
export function readTextScrape(text: string, options: TextScrapeOptions = {}): TextScrape {
  const blocks = dropBoilerplate(scrapeBlocks(text));
  const bodyStart = blocks.findIndex(isParagraph);
  if (bodyStart === -1) {
    throw new ImportError('no article text found: a scrape needs a headline line followed by paragraphs of text.');
  }
  // A header is a few short lines; more than that is a list, a menu or a table, not a news page.
  const header = blocks.slice(0, bodyStart);
  let date: ContentDate | undefined;
  const authors: string[] = [];
  const named: string[] = [];
  for (const block of header) {
    const written = date ? undefined : parseWrittenDate(block);
    const byline = /^(?:by|written by|posted by|από)\s+(.+)$/iu.exec(block);
    if (written) date = written;
    else if (byline?.[1]) authors.push(...byline[1].split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean));
    else named.push(block);
  }
  const title = named.pop();
  if (!title || header.length > 8) {
    throw new ImportError('no headline found: a scrape needs a short headline line just before the first paragraph.');
  }
  const body = blocks.slice(bodyStart);
  // A date line can also follow the headline ("Published on April 19, 2024").
  if (!date) {
    const index = body.findIndex((block, position) => position < 3 && parseWrittenDate(block) !== undefined);
    if (index !== -1) date = parseWrittenDate(body.splice(index, 1)[0] ?? '');
  }
  const known = new Set((options.knownOutletNames ?? []).map((name) => name.toLowerCase()));
  const outletIndex = named.findIndex((line) => known.has(line.toLowerCase()));
  const outletName = outletIndex === -1 ? named[0] : named[outletIndex];
  const tagline = named.find((line) => line !== outletName);
  const paragraphs = body.map(mendScrapeGlitches);
  if (paragraphs.join(' ').length < 200) {
    throw new ImportError(
      'too little article text found (under 200 characters): this does not look like a news article.',
    );
  }
  return { title, date, outletName, tagline, authors, paragraphs };
}

/** Writes a scrape's paragraphs as Markdown, escaping whatever Markdown would otherwise read as syntax. */
export function paragraphsToMarkdown(paragraphs: readonly string[]): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
  return toMarkdown(tree).trim();
}

/** Reads a plain-text scrape into an article draft. */
export function readTextDraft(text: string, options: TextScrapeOptions = {}): ArticleDraft {
  const scrape = readTextScrape(text, options);
  return {
    title: scrape.title,
    date: scrape.date,
    updated: undefined,
    authors: scrape.authors,
    summary: undefined,
    image: undefined,
    lang: undefined,
    url: undefined,
    outletName: scrape.outletName,
    body: paragraphsToMarkdown(scrape.paragraphs),
    notes: [],
  };
}
