import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseYaml, splitMarkdown } from '@/lib/frontmatter';
import { createArticleSchema, sourceSchema, suggestField } from '@/lib/schemas';

// Fixtures go through the real YAML rules and the real schemas, so defaults and coercions match the build.
// Astro's image() helper needs a build; a stand-in resolves relative paths to fake metadata.
const articleSchema = createArticleSchema({
  image: () => z.string().transform((src) => ({ src, width: 1, height: 1, format: 'png' as const })),
  reference,
});

const valid = {
  title: 'Rasmussen: "NATO members may send troops to Ukraine"',
  date: '2024-04-19',
  source: 'athens-news',
};

/** Parses a front-matter object written as YAML lines (merged over a valid article). */
function article(yamlLines: string, base: Record<string, unknown> = valid) {
  const extra = yamlLines ? (parseYaml(yamlLines) as Record<string, unknown>) : {};
  return articleSchema.safeParseAsync({ ...base, ...extra });
}

async function messages(yamlLines: string, base?: Record<string, unknown>): Promise<string[]> {
  const result = await article(yamlLines, base);
  expect(result.success, 'expected the schema to reject this').toBe(false);
  return result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
}

async function data(yamlLines: string, base?: Record<string, unknown>) {
  const result = await article(yamlLines, base);
  if (!result.success) throw new Error(result.error.issues.map((issue) => issue.message).join('\n'));
  return result.data;
}

describe('article schema: the demo front matter', () => {
  it('accepts the contract example and fills defaults', async () => {
    const { data: frontmatter } = splitMarkdown(
      '---\ntitle: \'Rasmussen: "NATO"\'\ndate: 2024-04-19\nsource: athens-news\nvia: [the-guardian]\ntags: [nato, ukraine]\n---\n\nBody.\n',
    );
    const result = await articleSchema.parseAsync(frontmatter);
    expect(result.title).toBe('Rasmussen: "NATO"');
    expect(result.date).toEqual({ iso: '2024-04-19', dateOnly: true });
    expect(result.source).toEqual({ collection: 'sources', id: 'athens-news' });
    expect(result.via).toEqual([{ collection: 'sources', id: 'the-guardian' }]);
    expect(result.tags).toEqual(['nato', 'ukraine']);
    expect(result.draft).toBe(false);
  });
});

describe('article schema: title', () => {
  it('is required', async () => {
    expect(await messages('', { date: '2024-04-19', source: 'x' })).toEqual(['title: title is required.']);
  });
  it('must be 1 to 300 characters', async () => {
    expect(await messages("title: '   '")).toEqual(['title: title must not be empty.']);
    expect(await messages(`title: '${'a'.repeat(301)}'`)).toEqual([
      'title: title is longer than 300 characters. Shorten it.',
    ]);
    expect((await data(`title: '${'a'.repeat(300)}'`)).title).toHaveLength(300);
  });
  it('must be text, not a number or boolean', async () => {
    expect(await messages('title: 1984')).toEqual([
      'title: title must be text, not the number 1984. Put the value in quotes.',
    ]);
    expect(await messages('title: true')).toEqual([
      'title: title must be text, not the boolean true. Put the value in quotes.',
    ]);
    expect((await data("title: '1984'")).title).toBe('1984');
  });
});

describe('article schema: date and updated', () => {
  it('keeps a date-only value a calendar day', async () => {
    expect((await data('date: 2024-04-19')).date).toEqual({ iso: '2024-04-19', dateOnly: true });
  });
  it('keeps a date-time with its offset', async () => {
    expect((await data('date: 2024-04-19T09:30:00+03:00')).date).toEqual({
      iso: '2024-04-19T09:30:00+03:00',
      dateOnly: false,
    });
    expect((await data('date: 2024-04-19T09:30:00Z')).date.iso).toBe('2024-04-19T09:30:00+00:00');
    expect((await data("date: '2024-04-19T09:30+0530'")).date.iso).toBe('2024-04-19T09:30:00+05:30');
  });
  it('rejects a date-time without an offset, unquoted or quoted', async () => {
    for (const line of ['date: 2024-04-19T09:30:00', "date: '2024-04-19 09:30'"]) {
      const [message] = await messages(line);
      expect(message).toMatch(/^date: date "2024-04-19[T ]09:30(:00)?" has a time but no UTC offset/);
      expect(message).toContain('Add the offset the source uses');
    }
  });
  it('rejects days and times that do not exist', async () => {
    expect(await messages('date: 2024-02-30')).toEqual([
      'date: date "2024-02-30" is not a day of the calendar. Write it as 2024-04-19 or 2024-04-19T09:30:00+03:00.',
    ]);
    expect((await messages('date: 2024-04-19T25:00:00+03:00'))[0]).toContain('has a time of day that does not exist');
    expect((await messages('date: 2024-04-19T09:00:00+15:00'))[0]).toContain('has an offset that does not exist');
    expect(await messages("date: 'April 19, 2024'")).toEqual([
      'date: date "April 19, 2024" is not a date. Write it as 2024-04-19 or 2024-04-19T09:30:00+03:00.',
    ]);
  });
  it('is required', async () => {
    expect(await messages('', { title: 'T', source: 'x' })).toEqual([
      'date: date is required. Write it as 2024-04-19 or 2024-04-19T09:30:00+03:00.',
    ]);
  });
  it('rejects updated earlier than date, and accepts the same day or later', async () => {
    expect(await messages('updated: 2024-04-18')).toEqual([
      'updated: updated (2024-04-18) is earlier than date (2024-04-19). Fix one of them.',
    ]);
    expect(await messages('date: 2024-04-19T10:00:00+03:00\nupdated: 2024-04-19T09:00:00+03:00')).toHaveLength(1);
    expect((await data('updated: 2024-04-19T08:00:00+03:00')).updated?.iso).toBe('2024-04-19T08:00:00+03:00');
    expect((await data('date: 2024-04-19T10:00:00+03:00\nupdated: 2024-04-19T08:00:00+01:00')).updated?.dateOnly).toBe(
      false,
    );
  });
});

describe('article schema: source and via', () => {
  it('turns ids into references', async () => {
    const result = await data('via: [the-guardian, reuters]');
    expect(result.via.map((reference) => reference.id)).toEqual(['the-guardian', 'reuters']);
  });
  it('rejects something that is not a source id', async () => {
    expect(await messages("source: 'Athens News'")).toEqual([
      'source: source "Athens News" is not a source id. Use the file name of a file in content/sources/ without .yaml, such as "athens-news".',
    ]);
    expect((await messages('via: the-guardian'))[0]).toBe(
      'via: via must be a list of source ids, such as [the-guardian].',
    );
    expect((await messages("via: ['../x']"))[0]).toMatch(/^via\.0: each via entry "\.\.\/x" is not a source id/);
  });
});

describe('article schema: URLs', () => {
  it('accepts http and https and normalises them', async () => {
    expect((await data('sourceUrl: \'https://www.athensnews.gr/a b?q="x"\'')).sourceUrl).toBe(
      'https://www.athensnews.gr/a%20b?q=%22x%22',
    );
    expect((await data("sourceUrl: 'HTTP://Example.COM'")).sourceUrl).toBe('http://example.com/');
  });
  it('rejects other schemes and non-URLs', async () => {
    expect(await messages("sourceUrl: 'javascript:alert(1)'")).toEqual([
      'sourceUrl: sourceUrl must start with http:// or https://, not "javascript:". Use the page\'s web address.',
    ]);
    expect((await messages("sourceUrl: 'data:text/html,<script>'"))[0]).toContain('not "data:"');
    expect(await messages("sourceUrl: 'www.example.com'")).toEqual([
      'sourceUrl: sourceUrl "www.example.com" is not a URL. Write it in full, starting with https://.',
    ]);
    expect((await messages("sourceUrl: 'https://user:pw@example.com/'"))[0]).toContain('must not contain a user name');
  });
});

describe('article schema: author, summary, tags, lang, draft', () => {
  it('takes one author or a list', async () => {
    expect((await data("author: 'Jane Doe'")).author).toEqual(['Jane Doe']);
    expect((await data("author: ['A', 'B']")).author).toEqual(['A', 'B']);
    expect((await messages('author: 12'))[0]).toBe('author: author must be a name in quotes or a list of names.');
  });
  it('limits the summary to 600 characters', async () => {
    expect(await messages(`summary: '${'s'.repeat(601)}'`)).toEqual([
      'summary: summary is longer than 600 characters. Shorten it.',
    ]);
  });
  it('merges tags that differ only in case or spacing', async () => {
    expect((await data("tags: [NATO, ' nato ', 'Security  Guarantees', security guarantees]")).tags).toEqual([
      'NATO',
      'Security Guarantees',
    ]);
    expect((await messages("tags: ['!!!']"))[0]).toBe('tags.0: each tag needs at least one letter or digit.');
    expect((await messages('tags: nato'))[0]).toBe('tags: tags must be a list, such as [nato, ukraine].');
  });
  it('canonicalises a language tag and rejects a bad one', async () => {
    expect((await data("lang: 'pt-br'")).lang).toBe('pt-BR');
    expect(await messages("lang: 'english language'")).toEqual([
      'lang: lang "english language" is not a BCP 47 language tag. Use a code such as "en", "el" or "pt-BR".',
    ]);
  });
  it('takes draft as a boolean only', async () => {
    expect((await data('draft: true')).draft).toBe(true);
    // YAML 1.1 booleans stay strings under Broadsheet's YAML rules, so `yes` is an error rather than a guess.
    expect(await messages('draft: yes')).toEqual(['draft: draft must be true or false, not the string "yes".']);
  });
});

describe('article schema: image', () => {
  it('accepts an https URL and a relative path, with alt text', async () => {
    expect((await data("image: { src: 'https://example.com/a.jpg', alt: 'A photo' }")).image?.src).toBe(
      'https://example.com/a.jpg',
    );
    expect((await data("image: { src: './a.jpg', alt: 'A photo', credit: 'AP' }")).image).toMatchObject({
      alt: 'A photo',
      credit: 'AP',
    });
  });
  it('rejects other schemes, absolute paths and missing alt', async () => {
    expect((await messages("image: { src: 'http://example.com/a.jpg', alt: 'x' }"))[0]).toBe(
      'image.src: image.src must be an https: URL or a path relative to the article, such as ./photo.jpg.',
    );
    expect((await messages("image: { src: 'javascript:alert(1)', alt: 'x' }"))[0]).toContain('must be an https: URL');
    expect((await messages("image: { src: '/etc/a.jpg', alt: 'x' }"))[0]).toContain('must not start with "/"');
    expect(await messages("image: { src: 'https://example.com/a.jpg' }")).toEqual([
      'image.alt: image.alt is required.',
    ]);
    expect((await messages("image: { src: 'https://example.com/a.jpg', alt: 'x', caption: 'y' }"))[0]).toBe(
      'image: unknown field "caption" in image. Known fields: src, alt, credit.',
    );
  });
});

describe('article schema: unknown keys and slug', () => {
  it('rejects a typo with a suggestion', async () => {
    expect(await messages("tittle: 'x'")).toEqual([': unknown field "tittle" in an article: did you mean "title"?']);
    expect(await messages('sorce: athens-news')).toEqual([
      ': unknown field "sorce" in an article: did you mean "source"?',
    ]);
  });
  it('rejects an unknown key without a close match by listing the fields', async () => {
    const [message] = await messages('layout: post');
    expect(message).toMatch(/^: unknown field "layout" in an article\. Known fields: title, date, source, sourceUrl/);
  });
  it('rejects slug', async () => {
    expect(await messages('slug: other-article')).toEqual([
      'slug: slug is not allowed: the URL comes from the file path. Remove it and rename the file instead.',
    ]);
  });
  it('suggests only close fields', () => {
    expect(suggestField('titel', ['title', 'tags'])).toBe('title');
    expect(suggestField('completely-different', ['title', 'tags'])).toBeUndefined();
  });
});

describe('source schema', () => {
  const source = (yaml: string) => sourceSchema.safeParse(parseYaml(yaml));
  it('accepts the demo source and defaults indexing to noindex', () => {
    const result = source(
      'name: Athens News\nurl: https://www.athensnews.gr/\ndescription: News in English from Greece\nlanguage: en\ncountry: GR\n',
    );
    expect(result.data).toEqual({
      name: 'Athens News',
      url: 'https://www.athensnews.gr/',
      description: 'News in English from Greece',
      language: 'en',
      country: 'GR',
      indexing: 'noindex',
      fullText: false,
      feedTags: [],
    });
  });
  it('reads the intake fields and explains a wrong one', () => {
    const base = 'name: Outlet\nurl: https://outlet.example/\n';
    expect(
      source(`${base}feed: https://outlet.example/rss\nfullText: true\nfeedTags: [greece]\nfeedLimit: 30\n`).data,
    ).toMatchObject({ feed: 'https://outlet.example/rss', fullText: true, feedTags: ['greece'], feedLimit: 30 });
    expect(source(`${base}feed: ftp://outlet.example/rss\n`).error?.issues[0]?.message).toMatch(/^feed /);
    expect(source(`${base}fullText: yes please\n`).error?.issues[0]?.message).toBe(
      'fullText must be true or false, not the string "yes please".',
    );
    expect(source(`${base}feedLimit: 0\n`).error?.issues[0]?.message).toBe('feedLimit must be at least 1.');
    expect(source(`${base}feedLimit: 2.5\n`).error?.issues[0]?.message).toBe(
      'feedLimit must be a whole number such as 20.',
    );
  });
  it('requires a name and an http(s) url', () => {
    expect(source('url: https://x.example/').error?.issues.map((issue) => issue.message)).toEqual([
      'name is required.',
    ]);
    expect(source("name: X\nurl: 'ftp://x.example/'").error?.issues[0]?.message).toBe(
      'url must start with http:// or https://, not "ftp:". Use the page\'s web address.',
    );
  });
  it('checks country codes and indexing policies', () => {
    expect(source('name: X\nurl: https://x.example/\ncountry: gr').data?.country).toBe('GR');
    expect(source('name: X\nurl: https://x.example/\ncountry: Greece').error?.issues[0]?.message).toBe(
      'country "GREECE" is not an ISO 3166-1 alpha-2 code. Use a code such as "GR" or "GB".',
    );
    expect(source('name: X\nurl: https://x.example/\ncountry: XX').success).toBe(false);
    expect(source('name: X\nurl: https://x.example/\nindexing: canonical').data?.indexing).toBe('canonical');
    expect(source('name: X\nurl: https://x.example/\nindexing: yes').error?.issues[0]?.message).toBe(
      'indexing must be one of noindex, canonical, index.',
    );
  });
  it('rejects unknown keys', () => {
    expect(source('name: X\nurl: https://x.example/\nhomepage: y').error?.issues[0]?.message).toBe(
      'unknown field "homepage" in a source. Known fields: name, url, description, language, country, indexing, feed, fullText, feedTags, feedLimit.',
    );
  });
});

describe('front matter YAML rules', () => {
  it('accepts a BOM and CRLF line endings', () => {
    const split = splitMarkdown('\uFEFF---\r\ntitle: A\r\ndate: 2024-04-19\r\n---\r\n\r\nBody\r\n');
    expect(split.data).toEqual({ title: 'A', date: '2024-04-19' });
    expect(split.body).toBe('Body');
  });
  it('rejects duplicate keys with the line', () => {
    expect(() => splitMarkdown('---\ntitle: A\ntitle: B\n---\n')).toThrow(/duplicated mapping key/);
  });
  it('rejects an unclosed front matter block', () => {
    expect(() => splitMarkdown('---\ntitle: A\n\nBody')).toThrow(/has no closing `---` line/);
  });
  it('reads numbers as numbers and YAML 1.1 booleans as strings', () => {
    expect(parseYaml('a: 1.10\nb: no\nc: 2024-04-19')).toEqual({ a: 1.1, b: 'no', c: '2024-04-19' });
  });
  it('gives a file without front matter an empty object', () => {
    expect(splitMarkdown('Just text.').data).toEqual({});
  });
});
