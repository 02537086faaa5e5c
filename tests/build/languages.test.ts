import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { textDirection } from '@/lib/i18n/direction';
import { en } from '@/lib/i18n/en';
import { templateParts } from '@/lib/i18n/template';
import {
  astroBuild,
  type BuildResult,
  demoContentCopy,
  htmlFiles,
  readPage,
  temporaryFolder,
  writeFiles,
} from '../support/build';
import { storyFixtureFiles } from './story-fixture';

// The demo content, the story fixture, a Greek and an Arabic article and twenty short Greek ones (so listings have
// a second page), built with BROADSHEET_LOCALE=el and =ar: no English interface text may be left on any page or in
// the feeds' attribution line, and <html> and every article carry the right lang and dir.

const greekArticle = [
  '---',
  "title: 'Η νέα γέφυρα του Πειραιά ανοίγει για την κυκλοφορία'",
  "date: '2024-04-18T10:15:00+03:00'",
  'source: kathimerini',
  "author: ['Μαρία Παπαδοπούλου', 'Νίκος Γεωργίου']",
  'via: [athens-news]',
  "sourceUrl: 'https://www.kathimerini.gr/news/gefyra'",
  'tags: [nato]',
  '---',
  '',
  'Η νέα γέφυρα στο λιμάνι του Πειραιά άνοιξε σήμερα το πρωί, έξι χρόνια μετά την έναρξη των εργασιών.',
  '',
].join('\n');

const arabicArticle = [
  '---',
  "title: 'افتتاح جسر جديد في ميناء بيرايوس'",
  "date: '2024-04-17T09:00:00+03:00'",
  'source: al-sharq',
  "author: ['سارة أحمد']",
  "updated: '2024-04-17T12:00:00+03:00'",
  'tags: [ukraine]',
  '---',
  '',
  'افتُتح صباح اليوم جسر جديد في ميناء بيرايوس بعد ست سنوات من العمل.',
  '',
].join('\n');

function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {
    ...storyFixtureFiles(),
    'sources/kathimerini.yaml': "name: 'Καθημερινή'\nurl: 'https://www.kathimerini.gr/'\nlanguage: el\ncountry: GR\n",
    'sources/al-sharq.yaml': "name: 'الشرق'\nurl: 'https://al-sharq.example/'\nlanguage: ar\ncountry: QA\n",
    'articles/2024/04/gefyra.md': greekArticle,
    'articles/2024/04/jisr.md': arabicArticle,
  };
  // Forty briefs, so that the front page has a numbered page 1 (a head holds up to 39).
  for (let brief = 1; brief <= 40; brief += 1) {
    const day = ((brief - 1) % 20) + 1;
    const date = `2024-${brief <= 20 ? '03' : '02'}-${String(day).padStart(2, '0')}`;
    files[`articles/2024/${date.slice(5, 7)}/brief-${day}.md`] =
      `---\ntitle: 'Σύντομη είδηση ${brief}'\ndate: ${date}\nsource: kathimerini\ntags: [ελλάδα]\n---\n\nΚείμενο της είδησης ${brief}.\n`;
  }
  return files;
}

/** The texts a reader sees of an English dictionary entry, cut at its slots: each must be absent from other builds. */
function englishFragments(): string[] {
  const fragments = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const part of templateParts(value)) {
        if (!('text' in part)) continue;
        const text = part.text.trim();
        // Words of three letters or more: "of" or "By" alone could be anyone's.
        if ((text.match(/[A-Za-z]/g) ?? []).length >= 3) fragments.add(text);
      }
    } else if (value && typeof value === 'object') for (const inner of Object.values(value)) collect(inner);
  };
  const { language: _language, dates: _dates, ...texts } = en;
  collect(texts);
  return [...fragments];
}

/**
 * The text of `root` that is in `siteLanguage` (article text in another language is left out), with attributes; the
 * meta description too, unless it is an article's own summary.
 */
function interfaceText(root: Root, siteLanguage: string, withDescription = true): string {
  const pieces: string[] = [];
  const walk = (node: Root | RootContent | ElementContent, language: string): void => {
    if (node.type === 'text') {
      if (language === siteLanguage) pieces.push(node.value);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    let current = language;
    if (node.type === 'element') {
      if (node.tagName === 'script' || node.tagName === 'style') return;
      const lang = node.properties['lang'];
      if (typeof lang === 'string') current = new Intl.Locale(lang).language;
      if (current === siteLanguage) {
        for (const name of ['ariaLabel', 'title', 'alt', 'placeholder']) {
          const value = node.properties[name];
          if (typeof value === 'string') pieces.push(value);
        }
        if (withDescription && node.tagName === 'meta' && node.properties['name'] === 'description') {
          pieces.push(String(node.properties['content'] ?? ''));
        }
      }
    }
    for (const child of node.children) walk(child, current);
  };
  walk(root, siteLanguage);
  return pieces.join('\n');
}

/** Content the site shows in any language: outlet names and descriptions, topics, headlines, summaries, names. */
const CONTENT_WORDS = [
  'Broadsheet',
  'Athens News',
  'News in English from Greece',
  'The Guardian',
  'British daily newspaper',
  'Harbour Post',
  'Euro Daily',
  'Coast Radio',
  'NATO',
  'Ukraine',
  'Poland',
  'Europe/Athens',
];

function englishLeft(text: string, fragments: readonly string[], content: readonly string[]): string[] {
  let remaining = text;
  for (const word of content) remaining = remaining.split(word).join(' ');
  const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return fragments.filter((fragment) =>
    new RegExp(`(^|[^\\p{L}])${escapeRegExp(fragment)}($|[^\\p{L}])`, 'u').test(remaining),
  );
}

/** Every element with its ancestors, outermost first. */
function elements(root: Root): { element: Element; ancestors: Element[] }[] {
  const found: { element: Element; ancestors: Element[] }[] = [];
  const walk = (node: Root | Element, ancestors: Element[]) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      found.push({ element: child, ancestors });
      walk(child, [...ancestors, child]);
    }
  };
  walk(root, []);
  return found;
}

const hasClass = (element: Element, name: string) =>
  Array.isArray(element.properties['className']) && element.properties['className'].includes(name);

/** The elements for which `test` holds. */
function selectAll(root: Root, test: (element: Element, ancestors: Element[]) => boolean): Element[] {
  return elements(root)
    .filter(({ element, ancestors }) => test(element, ancestors))
    .map(({ element }) => element);
}

const builds: Record<string, BuildResult> = {};

beforeAll(async () => {
  const contentDir = demoContentCopy('languages');
  writeFiles(contentDir, fixtureFiles());
  for (const locale of ['el', 'ar']) {
    const build = await astroBuild(contentDir, temporaryFolder(`languages-${locale}`), { BROADSHEET_LOCALE: locale });
    if (build.code !== 0) throw new Error(`the ${locale} build failed:\n${build.output}`);
    builds[locale] = build;
  }
});

const fragments = englishFragments();

describe('the English-text check', () => {
  it('finds interface English in the site language and skips text in other languages', () => {
    const html =
      '<html lang="en"><body><a href="#main">Skip to content</a><nav aria-label="Main"></nav>' +
      '<article lang="el"><p>Latest news</p><div lang="en"><p>Originally published by X on 1 May</p></div></article>';
    expect(englishLeft(interfaceText(fromHtml(html), 'en'), fragments, [])).toEqual(
      expect.arrayContaining(['Skip to content', 'Main', 'Originally published by']),
    );
    expect(englishLeft(interfaceText(fromHtml(html), 'en'), fragments, [])).not.toContain('Latest news');
  });
});

describe.each([
  { locale: 'el', dir: 'ltr' },
  { locale: 'ar', dir: 'rtl' },
])('a site built with BROADSHEET_LOCALE=$locale', ({ locale, dir }) => {
  const outDir = () => builds[locale]?.outDir ?? '';
  const page = (path: string) => fromHtml(readPage(outDir(), path));
  const headlines = () => {
    const titles: string[] = [];
    for (const file of htmlFiles(outDir()).filter((name) => name.startsWith('articles/'))) {
      const root = fromHtml(readFileSync(join(outDir(), file), 'utf8'));
      for (const h1 of selectAll(root, (element) => element.tagName === 'h1')) {
        titles.push(...h1.children.map((child) => ('value' in child ? child.value : '')));
      }
    }
    return titles;
  };

  it('builds every page type', () => {
    const files = htmlFiles(outDir());
    for (const expected of [
      'index.html',
      'page/1/index.html',
      'articles/2024/04/gefyra/index.html',
      'sources/kathimerini/index.html',
      'tags/nato/index.html',
      'archive/index.html',
      'archive/2024/03/index.html',
      'archive/2024/03/05/index.html',
      'stories/2024-05-bridge-opens/index.html',
      'search/index.html',
      'feeds/index.html',
      '404.html',
      'offline/index.html',
    ]) {
      expect(files).toContain(expected);
    }
  });

  it('leaves no English interface text on any page', () => {
    const content = [...CONTENT_WORDS, ...headlines()];
    const found: string[] = [];
    for (const file of htmlFiles(outDir())) {
      const root = fromHtml(readFileSync(join(outDir(), file), 'utf8'));
      const text = interfaceText(root, locale, !file.startsWith('articles/'));
      for (const fragment of englishLeft(text, fragments, content)) found.push(`${file}: ${fragment}`);
    }
    expect(found).toEqual([]);
  });

  it('writes the feeds’ attribution line and descriptions in the site language', () => {
    const feed = JSON.parse(readFileSync(join(outDir(), 'feed.json'), 'utf8')) as {
      description?: string;
      items: { content_html: string }[];
    };
    const found: string[] = [];
    for (const item of feed.items) {
      const attribution = /^<p [^>]*>[\s\S]*?<\/p>/.exec(item.content_html)?.[0] ?? '';
      expect(attribution).toContain(`lang="${locale}" dir="${dir}"`);
      found.push(
        ...englishLeft(interfaceText(fromHtml(attribution, { fragment: true }), locale), fragments, CONTENT_WORDS),
      );
    }
    found.push(...englishLeft(feed.description ?? '', fragments, CONTENT_WORDS));
    const sourceFeed = readFileSync(join(outDir(), 'sources/kathimerini/rss.xml'), 'utf8');
    expect(sourceFeed).not.toContain('Articles first published by');
    expect(found).toEqual([]);
  });

  it('marks <html> with the site language and direction', () => {
    for (const path of ['/', '/search/', '/articles/2024/04/jisr/', '/404.html']) {
      const [html] = selectAll(page(path), (element) => element.tagName === 'html');
      expect({ path, lang: html?.properties['lang'], dir: html?.properties['dir'] }).toEqual({
        path,
        lang: locale,
        dir,
      });
    }
  });

  it('gives each article its own lang and dir, and the attribution the site’s', () => {
    const cases = [
      { path: '/articles/2024/04/gefyra/', lang: 'el', dir: 'ltr' },
      { path: '/articles/2024/04/jisr/', lang: 'ar', dir: 'rtl' },
      { path: '/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/', lang: 'en', dir: 'ltr' },
    ];
    for (const expected of cases) {
      const root = page(expected.path);
      const [article] = selectAll(
        root,
        (element, ancestors) => element.tagName === 'article' && ancestors.some((outer) => outer.tagName === 'main'),
      );
      expect({ path: expected.path, lang: article?.properties['lang'], dir: article?.properties['dir'] }).toEqual(
        expected,
      );
      const [attribution] = selectAll(root, (element) => hasClass(element, 'attribution'));
      expect(attribution?.properties['lang']).toBe(locale);
      expect(attribution?.properties['dir']).toBe(dir);
    }
  });

  it('gives every headline in listings, neighbours, "more from" and stories its own lang and dir', () => {
    const checked: Element[] = [];
    for (const path of ['/', '/page/1/', '/archive/2024/04/', '/tags/nato/', '/stories/2024-05-bridge-opens/']) {
      checked.push(
        ...selectAll(page(path), (element, ancestors) => {
          const inCard = ancestors.some((outer) => hasClass(outer, 'card'));
          const inCoverage = ancestors.some((outer) => hasClass(outer, 'coverage'));
          return (
            (inCard && (element.tagName === 'h3' || hasClass(element, 'summary'))) ||
            (inCoverage && element.tagName === 'article')
          );
        }),
      );
    }
    const article = page('/articles/2024/04/gefyra/');
    checked.push(
      ...selectAll(article, (element, ancestors) => {
        const parent = ancestors.at(-1);
        const inNeighbours = ancestors.some((outer) => hasClass(outer, 'neighbours'));
        const inMore = ancestors.some((outer) => hasClass(outer, 'more'));
        return (
          (inNeighbours &&
            element.tagName === 'span' &&
            parent?.tagName === 'a' &&
            parent.children.at(-1) === element) ||
          (inMore && element.tagName === 'a' && parent?.tagName === 'li')
        );
      }),
    );
    expect(checked.length).toBeGreaterThan(20);
    const wrong = checked.filter((element) => {
      const lang = element.properties['lang'];
      return typeof lang !== 'string' || element.properties['dir'] !== textDirection(lang);
    });
    expect(wrong.map((element) => element.properties)).toEqual([]);
    const arabicCard = selectAll(page('/'), (element) => element.tagName === 'h3').find(
      (element) => element.properties['lang'] === 'ar',
    );
    expect(arabicCard?.properties['dir']).toBe('rtl');
  });

  it('offers the articles’ languages in the search form, the site’s first', () => {
    const options = selectAll(
      page('/search/'),
      (element, ancestors) =>
        element.tagName === 'option' && ancestors.some((outer) => outer.properties['name'] === 'lang'),
    );
    expect(options.map((option) => option.properties['value'])).toEqual(
      locale === 'el' ? ['', 'ar', 'en'] : ['', 'el', 'en'],
    );
  });
});
