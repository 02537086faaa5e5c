// JSON Feed (1.0 and 1.1). JSON has no well-formedness check that says "title is a number", so the feed's shape is
// checked with zod and every wrong field is named by its path, in words the publisher can act on.
import { z } from 'astro/zod';
import { parseFeedDate } from './dates';
import { collapseWhitespace, distinct, firstText, httpUrl } from './text';
import { FeedError, type FeedItem, type ParsedFeed } from './types';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** A zod error option whose message reads "title should be text, not a number" or "items[0].id is missing". */
function expected(what: string) {
  return {
    error: (issue: { input: unknown }) =>
      issue.input === undefined ? 'is missing' : `should be ${what}, not ${describe(issue.input)}`,
  };
}

// Optional fields accept null as well as absence: many generators write "summary": null.
const optionalText = z.string(expected('text')).nullish();
const author = z.object({ name: optionalText, url: optionalText, avatar: optionalText }, expected('an object'));

const jsonFeedItem = z.object(
  {
    // JSON Feed 1.1 §items: "If an id is presented as a number, a JSON Feed reader must coerce it to a string."
    id: z.union([z.string(), z.number()], expected('text')),
    url: optionalText,
    external_url: optionalText,
    title: optionalText,
    content_html: optionalText,
    content_text: optionalText,
    summary: optionalText,
    image: optionalText,
    banner_image: optionalText,
    date_published: optionalText,
    date_modified: optionalText,
    authors: z.array(author, expected('a list')).nullish(),
    // JSON Feed 1.0's single author, replaced by `authors` in 1.1 but still common.
    author: author.nullish(),
    tags: z.array(z.string(expected('text')), expected('a list')).nullish(),
    language: optionalText,
  },
  expected('an object'),
);

const jsonFeedSchema = z.object(
  {
    version: z.string(expected('text')).regex(/^https?:\/\/jsonfeed\.org\/version\//, {
      error: 'should be a JSON Feed version address such as "https://jsonfeed.org/version/1.1"',
    }),
    title: z.string(expected('text')),
    home_page_url: optionalText,
    feed_url: optionalText,
    language: optionalText,
    authors: z.array(author, expected('a list')).nullish(),
    author: author.nullish(),
    items: z.array(jsonFeedItem, expected('a list')),
  },
  expected('an object'),
);

type JsonAuthor = z.infer<typeof author>;

// A feed with hundreds of broken items would otherwise produce a message nobody reads to the end.
const MAX_LISTED_ISSUES = 5;

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  return text || 'the feed';
}

function authorNames(authors: readonly JsonAuthor[] | null | undefined, single: JsonAuthor | null | undefined) {
  return distinct([...(authors ?? []), ...(single ? [single] : [])].map((person) => person.name ?? undefined));
}

/**
 * Reads a JSON Feed from its text. Throws a FeedError when the text is not JSON, is JSON but not a JSON Feed, or when a
 * field has the wrong type (the message names each field by its path, such as `items[0].id`).
 */
export function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FeedError(`the feed is not valid JSON: ${(error as Error).message}.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('version' in data)) {
    throw new FeedError(
      'the address serves JSON, but not a JSON Feed: it has no "version" such as "https://jsonfeed.org/version/1.1".',
    );
  }
  const parsed = jsonFeedSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${pathText(issue.path)} ${issue.message}`);
    const listed = issues.slice(0, MAX_LISTED_ISSUES).join('; ');
    const more = issues.length > MAX_LISTED_ISSUES ? `; and ${issues.length - MAX_LISTED_ISSUES} more` : '';
    throw new FeedError(`the JSON Feed has fields of the wrong type: ${listed}${more}.`);
  }
  const feed = parsed.data;
  const feedLang = firstText(feed.language);
  const feedAuthors = authorNames(feed.authors, feed.author);
  const items = feed.items.map((item): FeedItem => {
    const url = httpUrl(item.url ?? undefined, feedUrl) ?? httpUrl(item.external_url ?? undefined, feedUrl);
    const baseUrl = url ?? feedUrl;
    const html = firstText(item.content_html);
    const itemAuthors = authorNames(item.authors, item.author);
    const imageSrc = httpUrl(item.image ?? undefined, baseUrl) ?? httpUrl(item.banner_image ?? undefined, baseUrl);
    return {
      id: firstText(String(item.id)),
      url,
      title: collapseWhitespace(item.title ?? undefined),
      published: parseFeedDate(item.date_published ?? undefined),
      updated: parseFeedDate(item.date_modified ?? undefined),
      // JSON Feed 1.1: an item without authors has the feed's.
      authors: itemAuthors.length > 0 ? itemAuthors : feedAuthors,
      html,
      // Plain text keeps its line breaks: blank lines are the paragraphs.
      text: html ? undefined : firstText(item.content_text),
      summary: collapseWhitespace(item.summary ?? undefined),
      baseUrl,
      image: imageSrc ? { src: imageSrc, alt: undefined } : undefined,
      categories: distinct(item.tags ?? []),
      lang: firstText(item.language) ?? feedLang,
    };
  });
  return { format: 'json', title: collapseWhitespace(feed.title), lang: feedLang, items };
}
