import { parseWrittenDate } from './loose-date';
import { escapeRegExp } from './regexp';

// Reads what a saved page says about its article: NewsArticle JSON-LD first (the most deliberate), then Open Graph
// and article: tags, then plain meta tags, then the markup itself (<time>, <h1>, <title>, <html lang>).

/** What a page's metadata says about its article; every field is as the page wrote it (trimmed). */
export interface PageMetadata {
  /** The headline. */
  readonly title: string | undefined;
  /** When it was published, as a machine date when the page gives one, else the text of a `<time>`. */
  readonly published: string | undefined;
  /** When it was last modified. */
  readonly modified: string | undefined;
  /** The byline's names. */
  readonly authors: readonly string[];
  /** The standfirst or description. */
  readonly description: string | undefined;
  /** The lead image. */
  readonly image:
    | { readonly url: string; readonly alt?: string | undefined; readonly credit?: string | undefined }
    | undefined;
  /** The outlet's name. */
  readonly siteName: string | undefined;
  /** The article's own address (canonical link, `og:url`, JSON-LD `url`), possibly relative. */
  readonly url: string | undefined;
  /** The page's language. */
  readonly lang: string | undefined;
  /** False when JSON-LD marks the article as behind a paywall. */
  readonly accessibleForFree: boolean | undefined;
}

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
]);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in a JSON-LD document (arrays and `@graph` flattened), depth-limited against hostile nesting. */
function jsonLdObjects(value: unknown, depth = 0): JsonObject[] {
  if (depth > 8) return [];
  if (Array.isArray(value)) return value.flatMap((item) => jsonLdObjects(item, depth + 1));
  if (!isObject(value)) return [];
  return [value, ...jsonLdObjects(value['@graph'], depth + 1)];
}

function types(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type])
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.toLowerCase());
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(names);
  if (isObject(value)) return names(value['name']);
  const name = clean(value);
  return name ? [name] : [];
}

function firstImage(
  value: unknown,
): { url: string; alt?: string | undefined; credit?: string | undefined } | undefined {
  if (Array.isArray(value)) return value.map(firstImage).find(Boolean);
  if (isObject(value)) {
    const url = clean(value['url']) ?? clean(value['contentUrl']);
    if (!url) return undefined;
    return {
      url,
      alt: clean(value['caption']) ?? clean(value['description']),
      credit: clean(value['creditText']) ?? names(value['copyrightHolder'])[0],
    };
  }
  const url = clean(value);
  return url ? { url } : undefined;
}

/** The NewsArticle (or other Article type) a page describes in JSON-LD, if any. */
export function findJsonLdArticle(document: Document): JsonObject | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > 1_000_000) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const article = jsonLdObjects(parsed).find((object) => types(object).some((type) => ARTICLE_TYPES.has(type)));
    if (article) return article;
  }
  return undefined;
}

function meta(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const element of document.querySelectorAll('meta')) {
      const name = (
        element.getAttribute('property') ??
        element.getAttribute('name') ??
        element.getAttribute('itemprop') ??
        ''
      ).toLowerCase();
      if (name === key) {
        const content = clean(element.getAttribute('content'));
        if (content) return content;
      }
    }
  }
  return undefined;
}

function metaAll(document: Document, key: string): string[] {
  return [...document.querySelectorAll('meta')]
    .filter((element) => (element.getAttribute('property') ?? element.getAttribute('name') ?? '').toLowerCase() === key)
    .flatMap((element) => {
      const content = clean(element.getAttribute('content'));
      return content ? [content] : [];
    });
}

function isUrl(text: string): boolean {
  return /^(?:https?:)?\/\//i.test(text);
}

/** The `<time>` that most likely dates the article: one marked as the publication time, else the first. */
function publicationTime(document: Document): string | undefined {
  const times = [...document.querySelectorAll('time')];
  const marked = times.find((time) =>
    /publish|posted|date-?pub|entry-date|pubdate/i.test(
      `${time.getAttribute('class') ?? ''} ${time.getAttribute('itemprop') ?? ''} ${time.hasAttribute('pubdate') ? 'pubdate' : ''}`,
    ),
  );
  const time = marked ?? times[0];
  if (time) return clean(time.getAttribute('datetime')) ?? clean(time.textContent);
  // Themes without <time> print the date in an element named for it: <p class="date">Published on July 29, 2024</p>.
  for (const element of document.querySelectorAll(
    '[class*="date"], [class*="publish"], [class*="posted"], [class*="time"]',
  )) {
    const text = clean(element.textContent);
    if (text && text.length <= 80 && parseWrittenDate(text)) return text;
  }
  return undefined;
}

function pageTitle(document: Document, siteName: string | undefined): string | undefined {
  const h1 = clean(document.querySelector('article h1, main h1, h1')?.textContent);
  if (h1) return h1;
  const title = clean(document.querySelector('title')?.textContent);
  return title ? stripSiteName(title, siteName) : undefined;
}

/** A headline without the outlet's name that pages append to `<title>` and `og:title` ("Headline | Outlet"). */
export function stripSiteName(title: string, siteName: string | undefined): string {
  if (siteName) {
    const escaped = escapeRegExp(siteName);
    const stripped = title.replace(new RegExp(`\\s+[|\\-–—:·•]\\s+${escaped}\\s*$`, 'i'), '');
    if (stripped !== '') return stripped;
  }
  return title;
}

function languageOf(document: Document, jsonLd: JsonObject | undefined): string | undefined {
  const candidates = [
    document.documentElement.getAttribute('lang'),
    clean(jsonLd?.['inLanguage']),
    meta(document, 'og:locale')?.replace('_', '-'),
    [...document.querySelectorAll('meta[http-equiv]')]
      .find((element) => /content-language/i.test(element.getAttribute('http-equiv') ?? ''))
      ?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(candidate.trim());
      if (canonical) return canonical;
    } catch {
      // Not a language tag: try the next source.
    }
  }
  return undefined;
}

/** Reads the article metadata of a parsed page. Call it before Readability, which changes the document. */
export function readPageMetadata(document: Document): PageMetadata {
  const jsonLd = findJsonLdArticle(document);
  const siteName =
    meta(document, 'og:site_name') ??
    names(jsonLd?.['publisher'])[0] ??
    meta(document, 'application-name', 'apple-mobile-web-app-title');
  const mainEntity = jsonLd?.['mainEntityOfPage'];
  const authors = names(jsonLd?.['author']);
  if (authors.length === 0) {
    authors.push(
      ...[
        meta(document, 'author', 'sailthru.author', 'parsely-author', 'dc.creator'),
        ...metaAll(document, 'article:author'),
      ].filter((name): name is string => !!name && !isUrl(name)),
    );
  }
  const jsonImage = firstImage(jsonLd?.['image']);
  const metaImage = meta(document, 'og:image:secure_url', 'og:image', 'twitter:image', 'twitter:image:src');
  const image = jsonImage ?? (metaImage ? { url: metaImage } : undefined);
  const imageAlt = meta(document, 'og:image:alt', 'twitter:image:alt');
  const freeFlag = jsonLd?.['isAccessibleForFree'];
  return {
    title:
      clean(jsonLd?.['headline']) ??
      clean(stripSiteName(meta(document, 'og:title', 'twitter:title') ?? '', siteName)) ??
      pageTitle(document, siteName),
    published:
      clean(jsonLd?.['datePublished']) ??
      meta(
        document,
        'article:published_time',
        'datepublished',
        'date',
        'pubdate',
        'publishdate',
        'publish-date',
        'dc.date.issued',
        'dc.date',
        'dcterms.created',
        'sailthru.date',
        'parsely-pub-date',
      ) ??
      publicationTime(document),
    modified:
      clean(jsonLd?.['dateModified']) ??
      meta(document, 'article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified'),
    authors: [...new Set(authors)],
    description:
      clean(jsonLd?.['description']) ?? meta(document, 'og:description', 'description', 'twitter:description'),
    image: image && { ...image, alt: image.alt ?? imageAlt },
    siteName,
    url:
      clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      meta(document, 'og:url') ??
      clean(jsonLd?.['url']) ??
      (isObject(mainEntity) ? clean(mainEntity['@id']) : clean(mainEntity)),
    lang: languageOf(document, jsonLd),
    accessibleForFree:
      freeFlag === false || (typeof freeFlag === 'string' && freeFlag.toLowerCase() === 'false')
        ? false
        : freeFlag === true
          ? true
          : undefined,
  };
}
