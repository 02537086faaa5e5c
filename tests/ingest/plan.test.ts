import { describe, expect, it } from 'vitest';
import { parseYaml, splitMarkdown } from '../../src/lib/frontmatter';
import { type ArticleDraft, type ContentSnapshot, ImportError, planArticle, withPlan } from '../../tools/ingest';
// Internal helpers of the plan stage, tested on their own.
import { quoteYaml, renderArticleFile, validateArticleFile } from '../../tools/ingest/article-file';
import { articleSlug } from '../../tools/ingest/plan';
import { articleIndexOf } from '../../tools/ingest/seen-index';
import { cleanSourceUrl } from '../../tools/ingest/web-url';

const snapshot: ContentSnapshot = {
  contentDir: '/content',
  sources: [
    { id: 'athens-news', name: 'Athens News', url: 'https://www.athensnews.gr/', language: 'en' },
    { id: 'the-guardian', name: 'The Guardian', url: 'https://www.theguardian.com/', language: 'en-GB' },
  ],
  articles: articleIndexOf([
    {
      path: '2024/03/ferry-strike-ends.md',
      id: '2024/03/ferry-strike-ends',
      title: 'Ferry strike ends',
      date: '2024-03-02',
      source: 'athens-news',
      sourceUrl: 'https://www.athensnews.gr/greece/ferry-strike-ends/',
      tags: ['greece', 'transport'],
    },
  ]),
};

const draft = (overrides: Partial<ArticleDraft> = {}): ArticleDraft => ({
  title: 'Ferries return to Piraeus',
  date: { iso: '2024-03-04', dateOnly: true },
  updated: undefined,
  authors: [],
  summary: undefined,
  image: undefined,
  lang: undefined,
  url: 'https://www.athensnews.gr/greece/ferries-return/',
  outletName: 'Athens News',
  body: 'Ferries sailed from Piraeus again, and transport unions said the Transport ministry had agreed to talks.',
  notes: [],
  ...overrides,
});

function expectImportError(action: () => unknown, message: RegExp): void {
  expect(action).toThrow(ImportError);
  expect(action).toThrow(message);
}

describe('quoteYaml', () => {
  it('single-quotes every string so YAML reads it back as the same text', () => {
    for (const value of [
      "It's 'quoted'",
      'yes',
      '1.10',
      '2024-04-19',
      '#not a comment',
      'a: b',
      '- item',
      '@x',
      '*alias',
      '',
    ]) {
      expect(parseYaml(`v: ${quoteYaml(value)}`)).toEqual({ v: value });
    }
    expect(quoteYaml('line\nbreak\u0007')).toBe("'line break'");
  });
});

describe('renderArticleFile and validateArticleFile', () => {
  it('writes a file that the build schema accepts', () => {
    const file = renderArticleFile(
      {
        title: "It's here",
        date: '2024-04-19T09:30:00+03:00',
        source: 'athens-news',
        tags: ['nato'],
        via: ['the-guardian'],
      },
      'Body.',
    );
    expect(file).toBe(
      "---\ntitle: 'It''s here'\ndate: '2024-04-19T09:30:00+03:00'\nsource: 'athens-news'\nvia: ['the-guardian']\ntags: ['nato']\n---\n\nBody.\n",
    );
    expect(() => validateArticleFile(file, new Set(['athens-news', 'the-guardian']))).not.toThrow();
  });

  it('refuses what the build would refuse, naming the field', () => {
    const file = renderArticleFile(
      { title: 'x'.repeat(301), date: '2024-04-19T09:30:00', source: 'athens-news' },
      'Body.',
    );
    expectImportError(
      () => validateArticleFile(file, new Set(['athens-news'])),
      /title: title is longer than 300[\s\S]*date:/,
    );
    const unknown = renderArticleFile({ title: 'T', date: '2024-04-19', source: 'nowhere' }, 'Body.');
    expectImportError(() => validateArticleFile(unknown, new Set(['athens-news'])), /"nowhere" is not a known source/);
  });
});

describe('planArticle', () => {
  it('writes articles/YYYY/MM/<slug>.md with the matched source, and detects existing topics', () => {
    const plan = planArticle(draft(), snapshot);
    expect(plan.files.map((file) => file.path)).toEqual(['articles/2024/03/ferries-return-to-piraeus.md']);
    const { data } = splitMarkdown(plan.files[0]?.contents ?? '');
    expect(data).toEqual({
      title: 'Ferries return to Piraeus',
      date: '2024-03-04',
      source: 'athens-news',
      sourceUrl: 'https://www.athensnews.gr/greece/ferries-return/',
      tags: ['transport'],
    });
  });

  it('uses --tags and --via instead of detection', () => {
    const plan = planArticle(draft(), snapshot, { tags: ['ferries'], via: ['the-guardian'] });
    expect(splitMarkdown(plan.files[0]?.contents ?? '').data).toMatchObject({
      tags: ['ferries'],
      via: ['the-guardian'],
    });
  });

  it('proposes a new source for an unknown outlet with a name and an address', () => {
    const plan = planArticle(
      draft({ outletName: 'Piraeus Press', url: 'https://piraeuspress.example/a', lang: 'el' }),
      snapshot,
    );
    expect(plan.files.map((file) => file.path)).toEqual([
      'sources/piraeus-press.yaml',
      'articles/2024/03/ferries-return-to-piraeus.md',
    ]);
    expect(plan.files[0]?.contents).toBe(
      "name: 'Piraeus Press'\nurl: 'https://piraeuspress.example/'\nlanguage: 'el'\n",
    );
  });

  it('refuses an unknown outlet it cannot describe, an unknown --source, and a new source whose id is taken', () => {
    expectImportError(
      () => planArticle(draft({ outletName: undefined, url: 'https://unknown.example/a' }), snapshot),
      /does not name the outlet[\s\S]*--source <id> \(known: athens-news, the-guardian\)/,
    );
    expectImportError(
      () => planArticle(draft({ outletName: 'Piraeus Press', url: undefined }), snapshot),
      /gives no web address/,
    );
    expectImportError(
      () => planArticle(draft(), snapshot, { source: 'nowhere' }),
      /--source "nowhere" is not a known source/,
    );
    expectImportError(
      () => planArticle(draft({ outletName: 'Athens Ñews', url: 'https://other.example/' }), snapshot),
      /would get the source id "athens-news", but sources\/athens-news\.yaml is Athens News/,
    );
  });

  it('refuses duplicates: same sourceUrl, same source + title + date, or the same id', () => {
    expectImportError(
      () =>
        planArticle(draft({ url: 'https://www.athensnews.gr/greece/ferry-strike-ends/?utm_source=x#top' }), snapshot),
      /same sourceUrl/,
    );
    expectImportError(
      () =>
        planArticle(
          draft({
            title: 'FERRY  strike ends',
            date: { iso: '2024-03-02T10:00:00+02:00', dateOnly: false },
            url: undefined,
          }),
          snapshot,
        ),
      /same source, title and date/,
    );
    expectImportError(
      () =>
        planArticle(
          draft({ title: 'Ferry strike ends!', date: { iso: '2024-03-20', dateOnly: true }, url: undefined }),
          snapshot,
        ),
      /already has the URL \/articles\/2024\/03\/ferry-strike-ends\//,
    );
  });

  it('sees earlier files of the same run through withPlan', () => {
    const first = planArticle(draft(), snapshot);
    expectImportError(() => planArticle(draft(), withPlan(snapshot, first)), /same sourceUrl/);
  });

  it('needs a date, from the page or --date', () => {
    expectImportError(
      () => planArticle(draft({ date: undefined }), snapshot),
      /no publication date found in it\. Pass --date/,
    );
    expect(planArticle(draft({ date: undefined }), snapshot, { date: '2024-03-05' }).files[0]?.path).toBe(
      'articles/2024/03/ferries-return-to-piraeus.md',
    );
  });

  it('keeps updated only when it is later, and lang only when it differs from the source', () => {
    const plan = planArticle(draft({ updated: { iso: '2024-03-01', dateOnly: true }, lang: 'el' }), snapshot);
    const { data } = splitMarkdown(plan.files[0]?.contents ?? '');
    expect(data['updated']).toBeUndefined();
    expect(data['lang']).toBe('el');
    expect(
      splitMarkdown(planArticle(draft({ lang: 'en-US' }), snapshot).files[0]?.contents ?? '').data['lang'],
    ).toBeUndefined();
  });

  it('shortens a summary over 600 characters at a word', () => {
    const plan = planArticle(draft({ summary: `${'word '.repeat(200)}end` }), snapshot);
    const summary = String(splitMarkdown(plan.files[0]?.contents ?? '').data['summary']);
    expect(summary.length).toBeLessThanOrEqual(600);
    expect(summary).toMatch(/word…$/);
  });
});

describe('helpers', () => {
  it('articleSlug keeps file names under 80 characters, cut at a hyphen', () => {
    const slug = articleSlug('A very long headline '.repeat(8));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^a-very-long-headline-.*[a-z]$/);
    expect(articleSlug('Νέο δρομολόγιο')).toBe('neo-dromologio');
  });

  it('cleanSourceUrl drops tracking parameters and the fragment, and refuses other schemes', () => {
    expect(cleanSourceUrl('https://a.example/x?utm_medium=s&p=2#c')).toBe('https://a.example/x?p=2');
    expect(cleanSourceUrl('ftp://a.example/x')).toBeUndefined();
  });
});
