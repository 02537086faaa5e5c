import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString as hastToString } from 'hast-util-to-string';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/browser';
import { type StaticServer, serveStatic } from '../../tools/static-server';
import { findSafetyProblems } from '../markdown/helpers';
import { astroBuild, type BuildResult, htmlFiles, temporaryFolder, writeFiles } from '../support/build';
import { hostileTexts } from './frontmatter-vectors';
import { markdownVectors } from './markdown-vectors';
import { elements, innerHtmlOfClass, jsonLdBlocks, metaContent, pageProblems, parsePage } from './site-checks';

// One real site holds every body vector that renders (one article each) and every hostile front-matter text (in the
// title, summary, byline, tags, image alt and credit, and a source's name), built once and then read twice: as HTML
// files, and as pages loaded in Chromium with listeners for dialogs, errors, CSP violations and navigation.

const yamlString = (text: string) => JSON.stringify(text);
const bodyVectors = markdownVectors.filter((vector) => !vector.rejected);
const files: Record<string, string> = {
  'sources/athens-news.yaml': 'name: Athens News\nurl: https://www.athensnews.gr/\nindexing: index\n',
  'sources/hostile.yaml': `name: ${yamlString(hostileTexts[0]?.text ?? '')}\nurl: 'https://hostile.example/?q="><script>alert(1)</script>'\ndescription: ${yamlString(hostileTexts[2]?.text ?? '')}\n`,
  // A byte-order mark and CRLF line endings are accepted.
  'articles/bom-crlf.md':
    '\uFEFF---\r\ntitle: BOM and CRLF\r\ndate: 2024-04-18\r\nsource: athens-news\r\n---\r\n\r\nWindows line endings.\r\n',
};
bodyVectors.forEach((vector, index) => {
  files[`articles/v/v-${String(index).padStart(3, '0')}.md`] =
    `---\ntitle: ${yamlString(`Vector ${index}: ${vector.origin}`)}\ndate: 2024-04-19\nsource: athens-news\n---\n\n${vector.markdown}\n\nEnd of vector.\n`;
});
hostileTexts.forEach((vector, index) => {
  const text = yamlString(vector.text);
  files[`articles/fm/fm-${index}.md`] = [
    '---',
    `title: ${text}`,
    'date: 2024-04-20T10:00:00+03:00',
    `source: ${index % 2 === 0 ? 'hostile' : 'athens-news'}`,
    `sourceUrl: 'https://example.org/a?q="><script>alert(${index})</script>&x=''y'`,
    `author: [${text}]`,
    `summary: ${text}`,
    `tags: [${text}, safe]`,
    `image: { src: 'https://images.example/a.png', alt: ${text}, credit: ${text} }`,
    '---',
    '',
    'A plain body.',
    '',
  ].join('\n');
});

let build: BuildResult;
let pages: string[];

beforeAll(async () => {
  const contentDir = temporaryFolder('hostile');
  writeFiles(contentDir, files);
  build = await astroBuild(contentDir, temporaryFolder('hostile-out'));
  pages = build.code === 0 ? htmlFiles(build.outDir) : [];
});

const read = (page: string) => readFileSync(join(build.outDir, page), 'utf8');

describe('a site built from hostile content', () => {
  it('builds', () => {
    expect(build.code, build.output).toBe(0);
    expect(pages.length).toBeGreaterThan(bodyVectors.length + hostileTexts.length);
  });

  it('has a CSP without unsafe-inline, no inline handler, no unhashed inline script and only well-formed JSON-LD on every page', () => {
    const problems = pages.flatMap((page) => pageProblems(read(page)).map((problem) => `${page}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('renders every body vector safely inside the article', () => {
    const problems: string[] = [];
    bodyVectors.forEach((vector, index) => {
      const page = `articles/v/v-${String(index).padStart(3, '0')}/index.html`;
      const prose = innerHtmlOfClass(parsePage(read(page)), 'prose');
      // An unclosed <script>, <plaintext> or <xmp> swallows the rest of the body, so the closing line may be gone.
      if (prose === undefined) problems.push(`${page}: article body missing`);
      else
        problems.push(
          ...findSafetyProblems(prose, { hiddenText: vector.hidden ?? [] }).map(
            (problem) => `${page} (${vector.origin}): ${problem}`,
          ),
        );
    });
    expect(problems).toEqual([]);
  });

  it('accepts a BOM and CRLF line endings', () => {
    const tree = parsePage(read('articles/bom-crlf/index.html'));
    expect(hastToString(elements(tree, (node) => node.tagName === 'h1')[0] ?? tree)).toBe('BOM and CRLF');
  });

  it('shows front-matter text exactly as written in text, <title>, meta tags and JSON-LD, never as markup', () => {
    hostileTexts.forEach((vector, index) => {
      const html = read(`articles/fm-${index}/index.html`.replace('fm-', 'fm/fm-'));
      const tree = parsePage(html);
      const text = vector.text.trim();
      expect(hastToString(elements(tree, (node) => node.tagName === 'h1')[0] ?? tree)).toBe(text);
      expect(hastToString(elements(tree, (node) => node.tagName === 'title')[0] ?? tree)).toContain(text);
      expect(metaContent(tree, 'description')).toBe(text);
      for (const key of ['og:title', 'twitter:title']) {
        const content = metaContent(tree, key);
        if (content !== undefined) expect(content, key).toBe(text);
      }
      const headlines = jsonLdBlocks(tree).map((block) => (block as { headline?: unknown }).headline);
      if (headlines.length > 0) expect(headlines).toContain(text);
      const alts = elements(tree, (node) => node.tagName === 'img' && node.properties['alt'] === text);
      expect(alts.length, 'lead image alt').toBeGreaterThan(0);
    });
  });

  it('keeps a quote in sourceUrl percent-encoded in the link to the original', () => {
    const tree = parsePage(read('articles/fm/fm-0/index.html'));
    const links = elements(
      tree,
      (node) => node.tagName === 'a' && String(node.properties['href'] ?? '').startsWith('https://example.org/a'),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(String(link.properties['href'])).not.toMatch(/["<>]/);
  });
});

describe('the hostile site in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    if (build.code !== 0) return;
    server = await serveStatic(build.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens no dialog, logs no error, violates no CSP rule and does not navigate away on any page', async () => {
    expect(build.code).toBe(0);
    const context = await browser.newContext();
    const problems: string[] = [];
    let current = '';
    await context.exposeBinding('reportCspViolation', (_source, detail: string) =>
      problems.push(`${current}: CSP violation ${detail}`),
    );
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportCspViolation: (detail: string) => void }).reportCspViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    // Nothing leaves the loopback server: remote images and links in the vectors are refused, not fetched.
    await context.route('**/*', (route) =>
      route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      problems.push(`${current}: dialog "${dialog.message()}"`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(`${current}: page error ${error.message}`));
    page.on('console', (message) => {
      // Refused remote images and missing local files are network noise; a script or CSP error is not.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(`${current}: console error ${message.text()}`);
    });
    page.on('popup', (popup) => problems.push(`${current}: popup ${popup.url()}`));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url() !== current)
        problems.push(`${current}: navigated to ${frame.url()}`);
    });
    for (const file of pages) {
      current = `${server.origin}/${file.replace(/index\.html$/, '')}`;
      await page.goto(current, { waitUntil: 'load' });
      await page.mouse.move(200, 200);
      await page.keyboard.press('Tab');
    }
    await page.waitForTimeout(200);
    await context.close();
    expect(problems).toEqual([]);
  });
});
