import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { type ContentDate, compareContentDates, parseContentDate } from '@/lib/content-date';
import { isSlug } from '@/lib/slug';
import { normalizeTag } from '@/lib/tags';

// Every message says what is wrong and how to fix it: authors see them as build errors next to the file name.

/** The most letters a headline may have. */
export const MAX_TITLE_LENGTH = 300;
/** The most letters a summary may have. */
/** The most articles one intake run takes from one feed: a feed longer than this is an archive, not news. */
export const MAX_FEED_LIMIT = 500;
export const MAX_SUMMARY_LENGTH = 600;

/** Closest known field to a misspelt one, for "did you mean" hints; `undefined` when nothing is close. */
export function suggestField(unknown: string, known: readonly string[]): string | undefined {
  let best: { field: string; distance: number } | undefined;
  for (const field of known) {
    const distance = editDistance(unknown.toLowerCase(), field.toLowerCase());
    if (!best || distance < best.distance || (distance === best.distance && field < best.field)) {
      best = { field, distance };
    }
  }
  return best && best.distance <= Math.max(2, Math.floor(unknown.length / 3)) ? best.field : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A zod object that rejects unknown keys with a message naming each key and the field it probably meant. */
function strictObjectWithHints<Shape extends z.core.$ZodLooseShape>(shape: Shape, what: string) {
  const known = Object.keys(shape).filter((key) => key !== 'slug');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      return issue.keys
        .map((key) => {
          const hint = suggestField(key, known);
          return hint
            ? `unknown field "${key}" in ${what}: did you mean "${hint}"?`
            : `unknown field "${key}" in ${what}. Known fields: ${known.join(', ')}.`;
        })
        .join(' ');
    },
  });
}

/** A required or optional text field: a YAML number or boolean is an error, not silently turned into text. */
function text(field: string, options: { min?: number; max?: number } = {}) {
  const { min = 1, max = 10_000 } = options;
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `${field} is required.`
          : `${field} must be text, not ${describe(issue.input)}. Put the value in quotes.`,
    })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(min, { error: `${field} must not be empty.` })
        .max(max, { error: `${field} is longer than ${max} characters. Shorten it.` }),
    );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a group of fields';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

/** An `http:` or `https:` URL, returned in its normalised form (so quotes and spaces come out percent-encoded). */
function webUrl(field: string) {
  return z
    .string({ error: (issue) => `${field} must be a URL in quotes, not ${describe(issue.input)}.` })
    .transform((value, context) => {
      let url: URL;
      try {
        url = new URL(value.trim());
      } catch {
        context.addIssue({
          code: 'custom',
          message: `${field} "${value}" is not a URL. Write it in full, starting with https://.`,
        });
        return z.NEVER;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        context.addIssue({
          code: 'custom',
          message: `${field} must start with http:// or https://, not "${url.protocol}". Use the page's web address.`,
        });
        return z.NEVER;
      }
      if (url.username || url.password) {
        context.addIssue({
          code: 'custom',
          message: `${field} must not contain a user name or password. Remove them.`,
        });
        return z.NEVER;
      }
      return url.href;
    });
}

/** A BCP 47 language tag, returned in canonical case (`pt-br` becomes `pt-BR`). */
function languageTag(field: string) {
  return z
    .string({
      error: (issue) => `${field} must be a language tag in quotes such as "en", not ${describe(issue.input)}.`,
    })
    .transform((value, context) => {
      try {
        const [canonical] = Intl.getCanonicalLocales(value.trim());
        if (canonical) return canonical;
      } catch {
        // Reported below.
      }
      context.addIssue({
        code: 'custom',
        message: `${field} "${value}" is not a BCP 47 language tag. Use a code such as "en", "el" or "pt-BR".`,
      });
      return z.NEVER;
    });
}

/** A calendar date or a date-time with an offset, as described in the content contract. */
function contentDate(field: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `${field} is required. Write it as 2024-04-19 or 2024-04-19T09:30:00+03:00.`
          : `${field} must be a date such as 2024-04-19, not ${describe(issue.input)}.`,
    })
    .transform((value, context): ContentDate => {
      const parsed = parseContentDate(value);
      if (typeof parsed === 'string') {
        context.addIssue({ code: 'custom', message: `${field} ${parsed}` });
        return z.NEVER;
      }
      return parsed;
    });
}

/** A story override: a slug (lower case letters, digits and single hyphens) or `none`; see docs/stories.md. */
function storyOverride(field: string) {
  return z
    .string({
      error: (issue) =>
        `${field} must be a story slug in quotes such as "athens-ferry-strike", or none, not ${describe(issue.input)}.`,
    })
    .trim()
    .refine((value) => isSlug(value), {
      error: (issue) =>
        `${field} "${String(issue.input)}" is not a story slug. Use lower case letters, digits and single hyphens, such as "athens-ferry-strike", or none to keep the article out of every story.`,
    });
}

/** A source id as written in front matter, checked for shape before it becomes a reference. */
function sourceId(field: string, reference: ReferenceHelper) {
  return z
    .string({
      error: (issue) => `${field} must be a source id in quotes such as "athens-news", not ${describe(issue.input)}.`,
    })
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: (issue) =>
        `${field} "${String(issue.input)}" is not a source id. Use the file name of a file in content/sources/ without .yaml, such as "athens-news".`,
    })
    .pipe(reference('sources'));
}

/**
 * What Astro's `image()` schema helper returns: a schema that turns a relative path into an optimised image.
 * Tests pass a plain string schema in its place.
 */
export type ImageHelper = () => z.core.$ZodType;

/** A reference to an entry of another collection, as Astro's `reference()` returns it. */
export interface EntryReference {
  /** The collection, `sources`. */
  readonly collection: string;
  /** The entry id. */
  readonly id: string;
}

/**
 * Astro's `reference()` from `astro:content`, passed in so that the schemas also run outside Astro (the content
 * check, the importer, unit tests); `plainReference` is the stand-in there.
 */
export type ReferenceHelper = (collection: 'sources') => z.ZodType<EntryReference, string>;

/** Outside Astro: turns an id into the same `{ collection, id }` shape that `reference()` produces. */
export const plainReference: ReferenceHelper = (collection) => z.string().transform((id) => ({ collection, id }));

/** Outside Astro: a lead image path stays a path (the loader has already checked where it points). */
export const plainImage: ImageHelper = () => z.string();

/** What Astro's schema context and `astro:content` provide to the article schema. */
export interface ArticleSchemaHelpers {
  /** Astro's `image()` schema helper, or `plainImage`. */
  readonly image: ImageHelper;
  /** Astro's `reference()`, or `plainReference`. */
  readonly reference: ReferenceHelper;
}

/** The lead image's `src` as written: an `https:` URL or a path relative to the article file. */
const imageSourceText = z
  .string({ error: 'image.src must be an https: URL or a relative path in quotes.' })
  .trim()
  .min(1, { error: 'image.src must not be empty.' })
  .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) || /^https:\/\//i.test(value), {
    error: 'image.src must be an https: URL or a path relative to the article, such as ./photo.jpg.',
  })
  .refine((value) => !value.startsWith('/') && !value.startsWith('\\'), {
    error: 'image.src must not start with "/": write a path relative to the article file, such as ./photo.jpg.',
  });

// Astro calls the schema function once per entry (its image() helper is bound to the entry's file), and building
// every field's zod schema each time added up over a build (docs/performance.md#how-it-stays-fast). Only the lead
// image depends on the entry; the other fields are built once per reference helper and shared, as zod schemas are
// immutable.
const sharedArticleFields = new Map<ArticleSchemaHelpers['reference'], ReturnType<typeof buildArticleFields>>();

function buildArticleFields(reference: ArticleSchemaHelpers['reference']) {
  const leading = {
    /** The headline as the source published it (1 to 300 characters). */
    title: text('title', { max: MAX_TITLE_LENGTH }),
    /** When the source published it: a date (`2024-04-19`) or a date-time with an offset (`2024-04-19T09:30:00+03:00`). */
    date: contentDate('date'),
    /** The id of the outlet that first published the article: a file name in `content/sources/` without `.yaml`. */
    source: sourceId('source', reference),
    /** The address of the original article (`http:` or `https:`). */
    sourceUrl: webUrl('sourceUrl').optional(),
    /** The original byline: one name or a list of names. */
    author: z
      .union([text('author', { max: 200 }), z.array(text('author', { max: 200 }))], {
        error: 'author must be a name in quotes or a list of names.',
      })
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .optional(),
    /** The standfirst (at most 600 characters); when absent, the first paragraph stands in for it. */
    summary: text('summary', { max: MAX_SUMMARY_LENGTH }).optional(),
    /** Topics; each gets a tag page. Tags that differ only in case or spacing are one tag. */
    tags: z
      .array(
        text('each tag', { max: 100 }).refine((tag) => normalizeTag(tag).slug !== '', {
          error: 'each tag needs at least one letter or digit.',
        }),
        { error: 'tags must be a list, such as [nato, ukraine].' },
      )
      .transform((tags) => {
        const seen = new Set<string>();
        return tags.map(normalizeTag).flatMap(({ slug, label }) => {
          if (seen.has(slug)) return [];
          seen.add(slug);
          return [label];
        });
      })
      .default([]),
    /** Outlets the source itself credits, by source id (the demo article credits The Guardian). */
    via: z
      .array(sourceId('each via entry', reference), {
        error: 'via must be a list of source ids, such as [the-guardian].',
      })
      .default([]),
    /** When the source last updated the article; like `date`, and not earlier than it. */
    updated: contentDate('updated').optional(),
  };
  const trailing = {
    /** The article's language as a BCP 47 tag; defaults to its source's `language`, then to the site's. */
    lang: languageTag('lang').optional(),
    /** A draft appears in `npm run dev` only: never in the built site, feeds, sitemap or search. */
    draft: z.boolean({ error: (issue) => `draft must be true or false, not ${describe(issue.input)}.` }).default(false),
    /** The story this article belongs to whatever automatic grouping says (a slug such as `athens-ferry-strike`), or `none` to keep it alone. */
    story: storyOverride('story').optional(),
    /** Not allowed: an article's URL comes from its file path, so one file cannot take over another's page. */
    slug: z
      .unknown()
      .refine(() => false, {
        error: 'slug is not allowed: the URL comes from the file path. Remove it and rename the file instead.',
      })
      .optional(),
  };
  return { leading, trailing };
}

/**
 * The front matter of one article in `content/articles/`. `image` is Astro's helper, which turns a relative lead
 * image into a build-time import (the loader has already checked that the path stays inside the content folder).
 */
export function createArticleSchema({ image, reference }: ArticleSchemaHelpers) {
  // Astro declares image() as an object schema, but it reads the path string and resolves it to image metadata.
  const localImage = image() as unknown as z.ZodType<ImageMetadata, string>;
  const imageSource = imageSourceText.pipe(
    z.union([
      z
        .string()
        .regex(/^https:\/\//i)
        .transform((value) => new URL(value).href),
      localImage,
    ]),
  );
  let fields = sharedArticleFields.get(reference);
  if (!fields) {
    fields = buildArticleFields(reference);
    sharedArticleFields.set(reference, fields);
  }
  return strictObjectWithHints(
    {
      ...fields.leading,
      /** The lead image: `src` (an https: URL or a path inside the content folder), `alt` text and an optional `credit`. */
      image: strictObjectWithHints(
        {
          /** An `https:` URL or a path relative to the article file that stays inside the content folder. */
          src: imageSource,
          /** Text that describes the image for people who cannot see it. */
          alt: text('image.alt', { max: 500 }),
          /** Who made the image, shown under it. */
          credit: text('image.credit', { max: 300 }).optional(),
        },
        'image',
      ).optional(),
      ...fields.trailing,
    },
    'an article',
  ).superRefine((article, context) => {
    if (article.updated && compareContentDates(article.updated, article.date) < 0) {
      context.addIssue({
        code: 'custom',
        path: ['updated'],
        message: `updated (${article.updated.iso}) is earlier than date (${article.date.iso}). Fix one of them.`,
      });
    }
  });
}

/** How search engines should treat our copies of a source's articles. */
export const INDEXING_POLICIES = ['noindex', 'canonical', 'index'] as const;

/** One outlet in `content/sources/<id>.yaml`. */
export const sourceSchema = strictObjectWithHints(
  {
    /** The outlet's name as readers know it. */
    name: text('name', { max: 200 }),
    /** The outlet's home page (`http:` or `https:`). */
    url: webUrl('url'),
    /** One line about the outlet. */
    description: text('description', { max: 300 }).optional(),
    /** The default language of its articles, as a BCP 47 tag. */
    language: languageTag('language').optional(),
    /** Where it is based, as an ISO 3166-1 alpha-2 code such as GR. */
    country: z
      .string({
        error: (issue) => `country must be a two-letter code in quotes such as "GR", not ${describe(issue.input)}.`,
      })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, {
        error: (issue) =>
          `country "${String(issue.input)}" is not an ISO 3166-1 alpha-2 code. Use a code such as "GR" or "GB".`,
      })
      .optional(),
    /** `noindex` (default) keeps copies out of search results, `canonical` points at `sourceUrl`, `index` allows indexing. */
    indexing: z
      .enum(INDEXING_POLICIES, { error: `indexing must be one of ${INDEXING_POLICIES.join(', ')}.` })
      .default('noindex'),
    /** The outlet's RSS, Atom or JSON Feed (`http:` or `https:`); `npm run fetch` takes new articles from it. */
    feed: webUrl('feed').optional(),
    /** `true` fetches each new item's page and extracts the whole story (only where the outlet's terms allow it). */
    fullText: z
      .boolean({ error: (issue) => `fullText must be true or false, not ${describe(issue.input)}.` })
      .default(false),
    /** Topics every article taken from the feed gets, on top of the topics detected in its text. */
    feedTags: z
      .array(text('each feedTags entry', { max: 100 }), { error: 'feedTags must be a list, such as [greece].' })
      .default([]),
    /** The most new articles one run of `npm run fetch` takes from the feed, newest first. */
    feedLimit: z
      .number({ error: (issue) => `feedLimit must be a whole number such as 20, not ${describe(issue.input)}.` })
      .int({ error: 'feedLimit must be a whole number such as 20.' })
      .min(1, { error: 'feedLimit must be at least 1.' })
      .max(MAX_FEED_LIMIT, { error: `feedLimit must be at most ${MAX_FEED_LIMIT}.` })
      .optional(),
  },
  'a source',
);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Whether a code is an assigned ISO 3166-1 alpha-2 region code. */
function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== undefined;
}

/** An article's front matter after validation. */
export type ArticleData = z.output<ReturnType<typeof createArticleSchema>>;
/** A source file after validation. */
export type SourceData = z.output<typeof sourceSchema>;
/** Where search engines should look for a source's articles. */
export type IndexingPolicy = (typeof INDEXING_POLICIES)[number];
