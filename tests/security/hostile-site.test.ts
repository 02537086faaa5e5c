import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString as hastToString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSafetyProblems, parseHtml, textOf } from '../markdown/helpers';
import { type BuildResult, htmlFiles } from '../support/build';
import { hostileTexts } from './frontmatter-vectors';
import { bodyVectors, buildHostileSite, frontMatterBody, frontMatterPage, vectorPage } from './hostile-site-content';
import { textAround } from './markdown-vectors';
import {
  cspDirectives,
  cspOf,
  elements,
  innerHtmlOfClass,
  jsonLdBlocks,
  metaContent,
  pageProblems,
  parsePage,
} from './site-checks';

// The hostile site (hostile-site-content.ts), built once and read as HTML files. tests/e2e/hostile-site.test.ts
// builds it again and loads every page in Chromium.

let build: BuildResult;
let pages: string[];

beforeAll(async () => {
  build = await buildHostileSite();
  pages = build.code === 0 ? htmlFiles(build.outDir) : [];
});

const read = (page: string) => readFileSync(join(build.outDir, page), 'utf8');

// The policy astro.config.mjs ships (security.csp), directive by directive. script-src and style-src also list the
// hashes of the page's own inline scripts and styles, which Astro adds.
const fixedDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'https:', 'http:'],
  'font-src': ["'self'"],
  'manifest-src': ["'self'"],
};
const hash = /^'sha256-[A-Za-z0-9+/]{43}='$/;

describe('a site built from hostile content', () => {
  it('builds', () => {
    expect(build.code, build.output).toBe(0);
    // 165 vector articles, 9 front-matter ones, the BOM one, and the site's own pages.
    expect(bodyVectors).toHaveLength(165);
    expect(hostileTexts).toHaveLength(9);
    expect(pages.length).toBeGreaterThan(bodyVectors.length + hostileTexts.length);
  });

  it('ships the same Content-Security-Policy on every page: nothing loosened, nothing added', () => {
    expect(pages.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const page of pages) {
      const csp = cspOf(parsePage(read(page)));
      if (csp === undefined) {
        problems.push(`${page}: no Content-Security-Policy <meta>`);
        continue;
      }
      const directives = cspDirectives(csp);
      const names = directives.map(([name]) => name);
      const expectedNames = [...Object.keys(fixedDirectives), 'script-src', 'style-src'];
      if (JSON.stringify([...names].sort()) !== JSON.stringify(expectedNames.sort()))
        problems.push(`${page}: directives ${names.join(', ')}`);
      for (const [name, sources] of directives) {
        const fixed = fixedDirectives[name];
        const [first = '', second = '', ...hashes] = sources;
        const ok =
          fixed !== undefined
            ? JSON.stringify(sources) === JSON.stringify(fixed)
            : name === 'script-src'
              ? first === "'self'" && second === "'wasm-unsafe-eval'" && hashes.every((source) => hash.test(source))
              : name === 'style-src' && first === "'self'" && [second, ...hashes].every((source) => hash.test(source));
        if (!ok) problems.push(`${page}: ${name} ${sources.join(' ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no inline handler, no unhashed inline script or style and only well-formed JSON-LD on every page', () => {
    expect(pages.length).toBeGreaterThan(100);
    const problems = pages.flatMap((page) => pageProblems(read(page)).map((problem) => `${page}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('renders every body vector safely inside the article, and keeps the text around it', () => {
    const problems: string[] = [];
    for (const { vector, index } of bodyVectors) {
      const page = vectorPage(index);
      const prose = innerHtmlOfClass(parsePage(read(page)), 'prose');
      if (prose === undefined) {
        problems.push(`${page}: article body missing`);
        continue;
      }
      problems.push(
        ...findSafetyProblems(prose, { hiddenText: vector.hidden ?? [] }).map(
          (problem) => `${page} (${vector.origin}): ${problem}`,
        ),
      );
      const text = textOf(parseHtml(prose));
      const { before, after } = textAround(index);
      if (!text.includes(before)) problems.push(`${page}: "${before}" is gone`);
      // An unclosed <script>, <select>, <plaintext>, ... takes the rest of the body with it.
      if (text.includes(after) === Boolean(vector.swallowsRest))
        problems.push(`${page}: "${after}" is ${vector.swallowsRest ? 'still there' : 'gone'}`);
    }
    expect(problems).toEqual([]);
  });

  it('accepts a BOM and CRLF line endings', () => {
    const tree = parsePage(read('articles/bom-crlf/index.html'));
    expect(hastToString(elements(tree, (node) => node.tagName === 'h1')[0] ?? tree)).toBe('BOM and CRLF');
    expect(innerHtmlOfClass(tree, 'prose')).toContain('Windows line endings.');
  });

  it.each(hostileTexts.map((vector, index) => [vector.origin, vector, index] as const))(
    'shows %s exactly as written in text, <title>, meta tags and JSON-LD, never as markup, and keeps the body',
    (_name, vector, index) => {
      const tree = parsePage(read(frontMatterPage(index)));
      const text = vector.text.trim();
      expect(hastToString(elements(tree, (node) => node.tagName === 'h1')[0] ?? tree)).toBe(text);
      expect(hastToString(elements(tree, (node) => node.tagName === 'title')[0] ?? tree)).toContain(text);
      expect(metaContent(tree, 'description')).toBe(text);
      expect(metaContent(tree, 'og:title')).toBe(text);
      expect(metaContent(tree, 'twitter:title')).toBe(text);
      const headlines = jsonLdBlocks(tree).map((block) => (block as { headline?: unknown }).headline);
      expect(headlines).toContain(text);
      const alts = elements(tree, (node) => node.tagName === 'img' && node.properties['alt'] === text);
      expect(alts.length, 'lead image alt').toBeGreaterThan(0);
      expect(innerHtmlOfClass(tree, 'prose')).toContain(frontMatterBody);
    },
  );

  it('keeps a quote in sourceUrl percent-encoded in the link to the original', () => {
    const tree = parsePage(read(frontMatterPage(0)));
    const links = elements(
      tree,
      (node) => node.tagName === 'a' && String(node.properties['href'] ?? '').startsWith('https://example.org/a'),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(String(link.properties['href'])).not.toMatch(/["<>]/);
  });
});
