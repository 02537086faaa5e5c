import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interfaceLanguage } from '@/lib/i18n';
import { launchChromium } from '../../tools/browser';
import { generateContent } from '../../tools/generate-content';
import { type ServedSite, serveSite } from '../../tools/serve-site';
import { astroBuild, projectRoot, temporaryFolder, writeFiles } from '../support/build';
import { browserTestsSkipped, requireChromium } from '../support/chromium';
import { axeViolations } from './support/axe';
import { demo } from './support/fixture-site';
import { documentWidths } from './support/layout';
import { PageGuard } from './support/page-guard';

// The Greek and the Arabic site in headless Chromium: the demo content, 37 generated articles (so the front page has
// a numbered page 1: 40 articles), a Greek article and an Arabic one, each with a quotation and a table, built with
// BROADSHEET_LOCALE=el and =ar. On each: axe (WCAG 2.2 A/AA), no sideways scrolling at 320 px, Tab through the header
// in the reading direction, and the header, pagination, blockquotes, tables and attribution mirrored in right-to-left
// text (the Arabic site, and the Arabic article in the Greek site). Screenshots for people go to screenshots/.

const greek = { path: '/articles/2024/04/vouli-psifise/', lang: 'el', dir: 'ltr', source: 'kathimerini' } as const;
const arabic = { path: '/articles/2024/04/al-barlaman-sawwat/', lang: 'ar', dir: 'rtl', source: 'al-ahram' } as const;
const english = { path: demo.path, lang: 'en', dir: 'ltr', source: 'athens-news' } as const;
const articles = [english, greek, arabic] as const;

const files = {
  'sources/kathimerini.yaml': 'name: Καθημερινή\nurl: https://www.kathimerini.gr/\nlanguage: el\ncountry: GR\n',
  'sources/al-ahram.yaml': 'name: الأهرام\nurl: https://gate.ahram.org.eg/\nlanguage: ar\ncountry: EG\n',
  'articles/2024/04/vouli-psifise.md': [
    '---',
    "title: 'Η Βουλή ψήφισε τον νέο νόμο για τα λιμάνια'",
    'date: 2024-04-19T10:00:00+03:00',
    'source: kathimerini',
    'sourceUrl: https://www.kathimerini.gr/politics/vouli/',
    'tags: [vouli]',
    '---',
    '',
    `Ο υπουργός είπε "σ' αγαπώ, Πειραιά" και ευχαρίστησε τους βουλευτές.`,
    '',
    '> Τα λιμάνια είναι η πόρτα της χώρας προς τον κόσμο.',
    '',
    '| Κόμμα | Ψήφοι |',
    '| --- | --- |',
    '| Υπέρ του νομοσχεδίου | 158 |',
    '| Κατά του νομοσχεδίου | 142 |',
    '',
  ].join('\n'),
  'articles/2024/04/al-barlaman-sawwat.md': [
    '---',
    "title: 'البرلمان يصوّت على قانون الموانئ الجديد'",
    'date: 2024-04-19T11:00:00+03:00',
    'source: al-ahram',
    'sourceUrl: https://gate.ahram.org.eg/News/1.aspx',
    'tags: [mawani]',
    '---',
    '',
    'قال الوزير إن القانون *خطوة مهمة* للاقتصاد، وشكر النواب على "دعمهم".',
    '',
    '> الموانئ هي باب البلاد إلى العالم.',
    '',
    '| الحزب | الأصوات |',
    '| --- | --- |',
    '| مع مشروع القانون | 158 |',
    '| ضد مشروع القانون | 142 |',
    '',
  ].join('\n'),
};

/** The pages checked in each site. */
const pages = [
  { name: 'front page', path: '/' },
  { name: 'English article', path: english.path },
  { name: 'Greek article', path: greek.path },
  { name: 'Arabic article', path: arabic.path },
  { name: 'search', path: '/search/?q=Rasmussen' },
  { name: 'source page', path: `/sources/${arabic.source}/` },
  { name: 'archive day', path: '/archive/2024/04/19/' },
] as const;

const sites = [
  { locale: 'el', dir: 'ltr' },
  { locale: 'ar', dir: 'rtl' },
] as const;
type Locale = (typeof sites)[number]['locale'];

const screenshots = join(projectRoot, 'screenshots');

/** The fixture content: the demo's, generated articles older than it, and the Greek and Arabic articles. */
function fixtureContent(): string {
  const contentDir = join(temporaryFolder('e2e-languages'), 'content');
  generateContent(contentDir, { articles: 37, sources: 2, words: [40, 90] });
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  writeFiles(contentDir, files);
  return contentDir;
}

/** A box on the page, in CSS pixels. */
interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

describe.skipIf(browserTestsSkipped())('the Greek and the Arabic site in a browser', () => {
  let browser: Browser;
  const served = {} as Record<Locale, ServedSite>;
  const contexts = {} as Record<`${Locale}-${'wide' | 'narrow'}`, { context: BrowserContext; guard: PageGuard }>;

  async function open(locale: Locale, path: string, width: 'wide' | 'narrow' = 'wide'): Promise<Page> {
    const page = await contexts[`${locale}-${width}`].context.newPage();
    const response = await page.goto(served[locale].url(path));
    expect(response?.status(), path).toBe(200);
    if (path.startsWith('/search/')) {
      const searching = interfaceLanguage(locale).text.search.searching;
      await page.waitForFunction((busy) => {
        const text = document.querySelector('[role="status"]')?.textContent ?? '';
        return text !== '' && text !== busy;
      }, searching);
    }
    return page;
  }

  function problems(locale: Locale, width: 'wide' | 'narrow' = 'wide'): string[] {
    return contexts[`${locale}-${width}`].guard.take();
  }

  beforeAll(async () => {
    requireChromium();
    const contentDir = fixtureContent();
    browser = await launchChromium();
    for (const { locale } of sites) {
      const build = await astroBuild(contentDir, temporaryFolder(`e2e-languages-${locale}`), {
        BROADSHEET_LOCALE: locale,
      });
      if (build.code !== 0) throw new Error(`the ${locale} build failed:\n${build.output}`);
      served[locale] = await serveSite(build.outDir);
      for (const [width, viewport] of [
        ['wide', { width: 1280, height: 800 }],
        ['narrow', { width: 320, height: 640 }],
      ] as const) {
        const context = await browser.newContext({ viewport, locale, colorScheme: 'light' });
        contexts[`${locale}-${width}`] = { context, guard: await PageGuard.attach(context, served[locale].origin) };
      }
    }
    mkdirSync(screenshots, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    for (const site of Object.values(served)) await site.close();
  });

  describe.each(sites)('BROADSHEET_LOCALE=$locale', ({ locale, dir }) => {
    it.each(pages)('$name: in the site’s language and direction, no WCAG 2.2 A/AA violation', async ({ path }) => {
      const page = await open(locale, path);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        locale,
        dir,
      ]);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
      expect(problems(locale)).toEqual([]);
    });

    it.each(pages)('$name: nothing scrolls sideways on a 320 px screen', async ({ path }) => {
      const page = await open(locale, path, 'narrow');
      const { scrollWidth, clientWidth } = await documentWidths(page);
      expect(clientWidth).toBe(320);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await page.close();
      expect(problems(locale, 'narrow')).toEqual([]);
    });

    it('Tab goes through the header in the reading direction', async () => {
      const page = await open(locale, '/');
      const boxes: { name: string; box: Box }[] = [];
      for (let press = 0; press < 20; press += 1) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const element = document.activeElement;
          if (!element?.closest('header')) return undefined;
          const { left, right, top, bottom } = element.getBoundingClientRect();
          return { name: element.textContent?.trim() ?? '', box: { left, right, top, bottom } };
        });
        // The skip link comes first and sits over the header; the walk starts at the header's first link.
        if (stop) boxes.push(stop);
        else if (boxes.length > 0) break;
      }
      const { nav } = interfaceLanguage(locale).text;
      expect(boxes.map((stop) => stop.name)).toEqual([
        'Broadsheet',
        nav.latest,
        nav.sources,
        nav.topics,
        nav.archive,
        nav.search,
      ]);
      for (let index = 1; index < boxes.length; index += 1) {
        const previous = boxes[index - 1]?.box as Box;
        const next = boxes[index]?.box as Box;
        const below = next.top >= previous.bottom - 1;
        const onward = dir === 'rtl' ? next.right <= previous.left + 1 : next.left >= previous.right - 1;
        expect(below || onward, `${boxes[index - 1]?.name} → ${boxes[index]?.name}`).toBe(true);
      }
      await page.close();
      expect(problems(locale)).toEqual([]);
    });

    it('the header and the pagination mirror in right-to-left text', async () => {
      const page = await open(locale, '/');
      const layout = await page.evaluate(() => {
        const box = (element: Element | null | undefined) => {
          const { left, right } = element?.getBoundingClientRect() ?? { left: Number.NaN, right: Number.NaN };
          return { left, right };
        };
        const header = document.querySelector('header');
        const pagination = document.querySelector('nav.pagination');
        const older = pagination?.querySelector('a[rel="next"]');
        return {
          name: box(header?.querySelector('a')),
          navigation: box(header?.querySelector('nav')),
          pagination: box(pagination),
          older: box(older),
          arrow: older ? getComputedStyle(older.querySelector('.arrow') as Element).transform : 'no arrow',
        };
      });
      const middle = (layout.pagination.left + layout.pagination.right) / 2;
      if (dir === 'rtl') {
        expect(layout.name.left).toBeGreaterThan(layout.navigation.right);
        // Older is at the end of the line, the left in Arabic, and its arrow points that way.
        expect(layout.older.right).toBeLessThan(middle);
        expect(layout.arrow).toBe('matrix(-1, 0, 0, 1, 0, 0)');
      } else {
        expect(layout.name.right).toBeLessThan(layout.navigation.left);
        expect(layout.older.left).toBeGreaterThan(middle);
        expect(layout.arrow).toBe('none');
      }
      await page.close();
      expect(problems(locale)).toEqual([]);
    });

    it.each(articles)(
      'the $lang article: its own lang and dir; quotation, table and attribution laid out in their direction',
      async (article) => {
        const page = await open(locale, article.path);
        const layout = await page.evaluate(() => {
          const element = document.querySelector('article');
          const quote = element?.querySelector('.prose blockquote');
          const cells = [...(element?.querySelectorAll('.prose th') ?? [])];
          const attribution = element?.querySelector('.attribution');
          /** Where a block's text sits: its distance from the block's left and right edges. */
          const textInset = (block: Element | null | undefined) => {
            if (!block) return undefined;
            const range = document.createRange();
            range.selectNodeContents(block);
            const text = range.getBoundingClientRect();
            const outer = block.getBoundingClientRect();
            const style = getComputedStyle(block);
            return {
              left: text.left - outer.left - parseFloat(style.paddingLeft),
              right: outer.right - text.right - parseFloat(style.paddingRight),
            };
          };
          const quoteStyle = quote ? getComputedStyle(quote) : undefined;
          return {
            lang: element?.getAttribute('lang'),
            dir: element?.getAttribute('dir'),
            quoteBorder: quoteStyle && { left: quoteStyle.borderLeftWidth, right: quoteStyle.borderRightWidth },
            firstCellLeft: cells[0]?.getBoundingClientRect().left,
            secondCellLeft: cells[1]?.getBoundingClientRect().left,
            cellText: textInset(cells[0]),
            attributionDirection: attribution ? getComputedStyle(attribution).direction : undefined,
            attributionText: textInset(attribution?.querySelector('p')),
          };
        });
        expect([layout.lang, layout.dir]).toEqual([article.lang, article.dir]);
        // The attribution is the site's words, so it runs in the site's direction whatever the article's.
        expect(layout.attributionDirection).toBe(dir);
        const siteStart = dir === 'rtl' ? 'right' : 'left';
        expect(layout.attributionText?.[siteStart]).toBeLessThan(1);
        if (article === english) {
          await page.close();
          expect(problems(locale)).toEqual([]);
          return;
        }
        const start = article.dir === 'rtl' ? 'right' : 'left';
        const end = article.dir === 'rtl' ? 'left' : 'right';
        expect(layout.quoteBorder?.[start]).toBe('3px');
        expect(layout.quoteBorder?.[end]).toBe('0px');
        // The first column is at the start of the line and a header cell's text at the start of its cell.
        if (article.dir === 'rtl') expect(layout.firstCellLeft).toBeGreaterThan(layout.secondCellLeft ?? Infinity);
        else expect(layout.firstCellLeft).toBeLessThan(layout.secondCellLeft ?? -Infinity);
        expect(layout.cellText?.[start]).toBeLessThan(1);
        expect(layout.cellText?.[end]).toBeGreaterThan(1);
        await page.close();
        expect(problems(locale)).toEqual([]);
      },
    );

    it('writes screenshots of the front page and an article in the site’s language (light theme)', async () => {
      // A fresh profile, so that no article is marked read by the pages the other tests opened.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale,
        colorScheme: 'light',
      });
      const guard = await PageGuard.attach(context, served[locale].origin);
      const own = locale === 'ar' ? arabic : greek;
      // PNG, so that they can be looked at with tools that read no JPEG; the front page's first screen only (the rest
      // is more of the same generated articles), the article whole.
      for (const [name, path, fullPage] of [
        ['front-page', '/', false],
        ['article', own.path, true],
      ] as const) {
        const page = await context.newPage();
        expect((await page.goto(served[locale].url(path)))?.status(), path).toBe(200);
        const file = join(screenshots, `languages-${locale}-${name}-light.png`);
        const image = await page.screenshot({ path: file, fullPage, type: 'png' });
        expect(image.length).toBeGreaterThan(5000);
        await page.close();
      }
      await context.close();
      expect(guard.take()).toEqual([]);
    });
  });
});
