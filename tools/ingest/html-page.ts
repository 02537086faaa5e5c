import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleDraft } from './draft';
import { ImportError } from './errors';
import { assertNesting, assertRawNesting, cleanPage } from './html-clean';
import { readPageMetadata } from './html-metadata';
import { storyToMarkdown } from './html-to-markdown';
import { findLeadFigure } from './lead-figure';
import { parseMetadataDate } from './loose-date';
import { safeUrl, samePicture } from './web-url';

/** The least story text, in characters, that counts as an article (a paywall teaser of two paragraphs is more). */
export const MIN_STORY_CHARACTERS = 200;

/** Options for reading a saved page. */
export interface HtmlPageOptions {
  /** The page's original address (`--url`), which overrides what the page says. */
  readonly url?: string | undefined;
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
  const pageUrl = safeUrl(options.url, undefined, 'page') ?? safeUrl(metadata.url, undefined, 'page');
  const pageImages = [...document.querySelectorAll('img, amp-img')].flatMap((element) => {
    const src = safeUrl(element.getAttribute('src'), pageUrl, 'page');
    const alt = element.getAttribute('alt')?.replace(/\s+/g, ' ').trim();
    return src && alt ? [{ src, alt }] : [];
  });
  cleanPage(document);
  const figure = findLeadFigure(document, pageUrl);
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
  const metadataImage = safeUrl(metadata.image?.url, pageUrl, 'image');
  // The figure the story opens with is the lead image when the metadata names none, or names the same picture.
  const leadFigure = figure && (!metadataImage || samePicture(figure.src, metadataImage)) ? figure : undefined;
  const imageUrl = metadataImage ?? leadFigure?.src;
  let image: ArticleDraft['image'];
  if (imageUrl) {
    const givenAlt = metadata.image?.alt ?? leadImageAlt(pageImages, imageUrl) ?? (leadFigure?.alt || undefined);
    const alt = givenAlt ?? (leadFigure?.caption || undefined);
    const credit = metadata.image?.credit ?? leadFigure?.credit;
    if (alt) {
      image = { src: imageUrl, alt, ...(credit && { credit }) };
      if (leadFigure?.caption && alt !== leadFigure.caption) {
        notes.push(
          `the lead image's caption is not in the article: "${leadFigure.caption}" (its alt text says "${alt}"). Add the caption to the text if it matters.`,
        );
      }
    } else
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

/** The alt text of the page's copy of the lead image (the same file, or a resized copy of it), if it has one. */
function leadImageAlt(pageImages: readonly { src: string; alt: string }[], imageUrl: string): string | undefined {
  return pageImages.find((image) => samePicture(image.src, imageUrl))?.alt;
}
