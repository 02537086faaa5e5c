import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleDraft } from './draft';
import { ImportError } from './errors';
import { assertNesting, assertRawNesting, cleanPage } from './html-clean';
import { readPageMetadata } from './html-metadata';
import { safeUrl, storyToMarkdown } from './html-to-markdown';
import { parseMetadataDate } from './loose-date';

/** The least story text, in characters, that counts as an article (a paywall teaser of two paragraphs is more). */
export const MIN_STORY_CHARACTERS = 200;

/** Options for reading a saved page. */
export interface HtmlPageOptions {
  /** The page's original address (`--url`), which overrides what the page says. */
  readonly url?: string | undefined;
}

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = base ? new URL(url, base) : new URL(url);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

function parse(html: string): Document {
  // linkedom types its document as its own class; it implements the DOM interfaces Readability uses.
  return parseHTML(html).document as unknown as Document;
}

/** Reads a saved news page: metadata first, then the story through Readability, then Markdown. */
export function readHtmlPage(html: string, options: HtmlPageOptions = {}): ArticleDraft {
  assertRawNesting(html);
  const document = parse(html);
  if (!document.documentElement || !document.body) {
    throw new ImportError('the file is not an HTML page.');
  }
  assertNesting(document);
  const metadata = readPageMetadata(document);
  const pageUrl = absolute(options.url, undefined) ?? absolute(metadata.url, undefined);
  const pageImages = [...document.querySelectorAll('img, amp-img')].flatMap((element) => {
    const src = absolute(element.getAttribute('src') ?? undefined, pageUrl);
    const alt = element.getAttribute('alt')?.replace(/\s+/g, ' ').trim();
    return src && alt ? [{ src, alt }] : [];
  });
  cleanPage(document);
  const story = new Readability(document, {
    charThreshold: MIN_STORY_CHARACTERS,
    keepClasses: false,
    maxElemsToParse: 100_000,
  }).parse();
  const storyText = story?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  if (!story?.content || storyText.length < MIN_STORY_CHARACTERS) {
    throw new ImportError(
      `no article found: the page has under ${MIN_STORY_CHARACTERS} characters of story text. It does not look like a news page.`,
    );
  }
  const title = metadata.title ?? story.title?.trim() ?? undefined;
  const notes: string[] = [];
  const imageUrl = absolute(metadata.image?.url, pageUrl);
  let image: ArticleDraft['image'];
  if (imageUrl && safeUrl(imageUrl, undefined, 'image')) {
    const alt = metadata.image?.alt ?? leadImageAlt(pageImages, imageUrl);
    if (alt) image = { src: imageUrl, alt, ...(metadata.image?.credit && { credit: metadata.image.credit }) };
    else
      notes.push(
        `left out the lead image ${imageUrl}: the page gives it no alt text (add image: { src, alt } by hand).`,
      );
  }
  const body = storyToMarkdown(story.content, {
    baseUrl: pageUrl,
    title,
    leadImage: image?.src,
    summary: metadata.description,
  });
  if (metadata.accessibleForFree === false) {
    notes.push('the page marks the article as paywalled: only the part the page shows was imported.');
  }
  const byline = story.byline?.replace(/^by\s+/i, '').trim();
  return {
    title,
    date: metadata.published ? parseMetadataDate(metadata.published) : undefined,
    updated: metadata.modified ? parseMetadataDate(metadata.modified) : undefined,
    authors: metadata.authors.length > 0 ? metadata.authors : byline && byline.length < 100 ? [byline] : [],
    summary: metadata.description,
    image,
    lang: metadata.lang,
    url: pageUrl,
    outletName: metadata.siteName ?? story.siteName ?? undefined,
    body,
    notes,
  };
}

// WordPress and most CMSs serve resized copies of an upload as name-750x375.jpg.
function pictureKey(url: string): string {
  const { host, pathname } = new URL(url);
  return `${host}${pathname.replace(/-\d+x\d+(?=\.\w+$)/, '')}`;
}

/** The alt text of the page's copy of the lead image (the same file, or a resized copy of it), if it has one. */
function leadImageAlt(pageImages: readonly { src: string; alt: string }[], imageUrl: string): string | undefined {
  const wanted = pictureKey(imageUrl);
  return pageImages.find((image) => pictureKey(image.src) === wanted)?.alt;
}
