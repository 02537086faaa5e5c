// A feed item becomes the same ArticleDraft a saved page does, so every later stage (planning, duplicates, topics,
// validation, writing) is the importer's own code: the item's HTML goes through the importer's Markdown conversion
// and cleaning, a full-text page through its Readability path.
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { ContentDate } from '../../../src/lib/content-date';
import { decodeInput } from '../charset';
import type { ArticleDraft } from '../draft';
import { ImportError } from '../errors';
import type { FeedItem, ParsedFeed } from '../feeds/types';
import { assertRawNesting } from '../html-clean';
import { MIN_STORY_CHARACTERS, readHtmlPage } from '../html-page';
import { storyToMarkdown } from '../html-to-markdown';
import type { HttpClient } from '../http/types';
import type { KnownSource } from '../sources';
import { paragraphsToMarkdown } from '../text-scrape';
import { safeUrl, samePicture } from '../web-url';

/** What an item's draft is made from besides the item. */
export interface ItemContext {
  /** The feed the item came from (for its language). */
  readonly feed: ParsedFeed;
  /** The source the feed belongs to. */
  readonly source: KnownSource;
  /** The run's clock: an item without a date is dated when it was first fetched. */
  readonly now: ContentDate;
}

function plainText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The lead image with alt text: the feed's own, else the alt of the same picture in the item's HTML. */
function leadImage(item: FeedItem, notes: string[]): ArticleDraft['image'] {
  const src = safeUrl(item.image?.src, undefined, 'image');
  if (!src) return undefined;
  let alt = item.image?.alt ? plainText(item.image.alt) : undefined;
  if (!alt && item.html) {
    const tree = fromHtml(item.html, { fragment: true });
    visit(tree, 'element', (element) => {
      if (alt || element.tagName !== 'img') return undefined;
      const found = safeUrl(element.properties['src'], item.baseUrl, 'image');
      const foundAlt = element.properties['alt'];
      if (found && samePicture(found, src) && typeof foundAlt === 'string' && foundAlt.trim())
        alt = plainText(foundAlt);
      return undefined;
    });
  }
  if (!alt) {
    notes.push(`left out the lead image ${src}: the feed gives it no alt text (add image: { src, alt } by hand).`);
    return undefined;
  }
  return { src, alt };
}

/** The item's own text as Markdown: its HTML through the importer's cleaning, else its plain text, else its summary. */
function itemBody(item: FeedItem, title: string | undefined, image: ArticleDraft['image']): string {
  if (item.html?.trim()) {
    assertRawNesting(item.html);
    return storyToMarkdown(item.html, {
      baseUrl: item.baseUrl ?? item.url,
      title,
      leadImage: image?.src,
      summary: item.summary,
    });
  }
  const text = item.text ?? item.summary;
  if (!text?.trim()) return '';
  const paragraphs = text
    .split(/\n\s*\n/)
    .map(plainText)
    .filter((paragraph) => paragraph.length > 0);
  return paragraphsToMarkdown(paragraphs);
}

/** Turns a feed item into a draft from the text the feed carries. Throws an ImportError when it has no text. */
export function draftFromItem(item: FeedItem, context: ItemContext): ArticleDraft {
  const notes: string[] = [];
  const title = item.title ? plainText(item.title) : undefined;
  const image = leadImage(item, notes);
  const body = itemBody(item, title, image);
  if (!body) throw new ImportError('the item carries no text (no content, no description).');
  const length = plainText(body).length;
  if (length < MIN_STORY_CHARACTERS && !context.source.intake?.fullText) {
    notes.push(
      `the feed carries only ${length} characters of text: a teaser. If the outlet's terms allow republishing, set fullText: true in sources/${context.source.id}.yaml.`,
    );
  }
  let date = item.published ?? item.updated;
  if (!date) {
    date = context.now;
    notes.push(`the feed gives no date: dated ${context.now.iso}, when it was first fetched.`);
  }
  return {
    title,
    date,
    updated: item.published ? item.updated : undefined,
    authors: item.authors,
    summary: item.summary && item.html ? htmlToText(item.summary) : undefined,
    image,
    lang: item.lang ?? context.feed.lang,
    url: item.url,
    outletName: context.source.name,
    body,
    notes,
  };
}

/** A summary that a feed may give as HTML, as one line of text. */
function htmlToText(html: string): string {
  return plainText(hastToString(fromHtml(html, { fragment: true })));
}

/** The charset a `Content-Type` header names, when it is one this runtime can decode. */
function headerCharset(contentType: string | undefined): string | undefined {
  const label = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  if (!label) return undefined;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return undefined;
  }
}

/**
 * Fetches an item's page and reads the whole story through the importer's saved-page path, keeping the feed's
 * headline, date and address when the page lacks them. Throws an ImportError (the page is disallowed by robots.txt,
 * cannot be fetched, or holds no story); the caller falls back to the feed's text.
 */
export async function draftFromPage(item: FeedItem, fromFeed: ArticleDraft, client: HttpClient): Promise<ArticleDraft> {
  const url = item.url;
  if (!url) throw new ImportError('the item has no address to fetch its page from.');
  if (!(await client.allowedByRobots(url))) {
    throw new ImportError(`the outlet's robots.txt does not allow fetching ${url}.`);
  }
  const result = await client.get({ url, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' });
  if (result.kind !== 'ok') throw new ImportError(`${url} answered ${result.kind}, not the page.`);
  const { text } = decodeInput(result.body, 'html', headerCharset(result.contentType));
  const page = readHtmlPage(text, { url });
  return {
    ...page,
    title: page.title ?? fromFeed.title,
    date: page.date ?? fromFeed.date,
    updated: page.updated ?? fromFeed.updated,
    authors: page.authors.length > 0 ? page.authors : fromFeed.authors,
    summary: page.summary ?? fromFeed.summary,
    image: page.image ?? fromFeed.image,
    lang: page.lang ?? fromFeed.lang,
    url,
    outletName: fromFeed.outletName,
    notes: page.notes,
  };
}
