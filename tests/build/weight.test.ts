import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { otherHostCssResources, otherHostResources, pageWeight, runnableScripts } from '../../tools/page-weight';
import { astroBuild, type BuildResult, htmlFiles, projectRoot, temporaryFolder } from '../support/build';

// Page-weight budgets over a real build of the demo content. The figures: `npm run lighthouse` prints them too.

const demoPath = '/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/';
/** HTML and CSS for the first screen in the first TCP round trip: 10 segments of 1,460 bytes. */
const firstRoundTrip = 14_600;
const fontBudget = 30 * 1024;
let build: BuildResult;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(build.outDir, path)];
  });
}

beforeAll(async () => {
  const contentDir = temporaryFolder('weight');
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  build = await astroBuild(contentDir, temporaryFolder('weight-out'));
  if (build.code !== 0) throw new Error(`the demo build failed:\n${build.output}`);
});

describe('the detectors', () => {
  it('count linked stylesheets and find runnable scripts and other hosts', () => {
    const html =
      '<link rel="stylesheet" href="https://cdn.example/a.css"><script type="application/ld+json">{}</script>' +
      '<script>1</script><script type="module" src="/x.js"></script><a href="javascript:void 0" onclick="x()">x</a>' +
      '<img src="//img.example/a.png"><img src="/local.png" srcset="https://img.example/b.png 2x"><div style="background:url(https://bg.example/c.png)"></div>' +
      '<style>@import "https://fonts.example/f.css"; .x { background: url(data:image/png;base64,AA) }</style><a href="https://elsewhere.example/">a link</a>';
    expect(runnableScripts(html)).toEqual([
      '<script>',
      '<script src="/x.js">',
      '<a href="javascript:void 0">',
      '<a onClick>',
    ]);
    expect(otherHostResources(html)).toEqual([
      'https://cdn.example/a.css',
      '//img.example/a.png',
      'https://img.example/b.png',
      'https://bg.example/c.png',
      'https://fonts.example/f.css',
    ]);
    expect(
      otherHostCssResources("@font-face { src: url('https://fonts.example/x.woff2') } .a { background: url(/ok.png) }"),
    ).toEqual(['https://fonts.example/x.woff2']);
  });
});

describe('page weight of the demo site', () => {
  it(`renders the demo article with at most ${firstRoundTrip} bytes of gzipped HTML and CSS`, () => {
    const weight = pageWeight(build.outDir, demoPath);
    expect(weight.html.bytes).toBeGreaterThan(1000);
    expect(weight.totalGzip, JSON.stringify(weight)).toBeLessThanOrEqual(firstRoundTrip);
  });

  it('runs no JavaScript on any page but the reader layer’s one same-origin module, and search one more', () => {
    // The reader layer (docs/reader.md) loads one module on every page; its 5 KB budget is checked in
    // tests/e2e/reader.test.ts. Nothing else runs anywhere but on search.
    const readerModule = /^<script src="\/_astro\/ReaderScript\.[^"/]+\.js">$/;
    const pages = htmlFiles(build.outDir);
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const withScripts = pages
      .filter((page) => page !== 'search/index.html')
      .map((page) => ({ page, scripts: runnableScripts(readFileSync(join(build.outDir, page), 'utf8')) }))
      .filter(({ scripts }) => scripts.length !== 1 || !readerModule.test(scripts[0] ?? ''));
    expect(withScripts).toEqual([]);
    const searchScripts = runnableScripts(readFileSync(join(build.outDir, 'search/index.html'), 'utf8'));
    expect(searchScripts.filter((script) => !readerModule.test(script))).toEqual([
      expect.stringMatching(/^<script src="\/_astro\/[^"/]+\.js">$/),
    ]);
  });

  it('fetches nothing from another host: no external stylesheet, script, image, font or frame', () => {
    const found = [
      ...htmlFiles(build.outDir).flatMap((page) =>
        otherHostResources(readFileSync(join(build.outDir, page), 'utf8')).map((url) => `${page}: ${url}`),
      ),
      ...filesUnder(build.outDir)
        .filter((path) => path.endsWith('.css'))
        .flatMap((path) =>
          otherHostCssResources(readFileSync(join(build.outDir, path), 'utf8')).map((url) => `${path}: ${url}`),
        ),
    ];
    expect(found).toEqual([]);
  });

  it(`ships at most ${fontBudget} bytes of fonts`, () => {
    const fonts = filesUnder(build.outDir).filter((path) => /\.(woff2?|ttf|otf|eot)$/i.test(path));
    const total = fonts.reduce((sum, path) => sum + statSync(join(build.outDir, path)).size, 0);
    expect(total, fonts.join(', ')).toBeLessThanOrEqual(fontBudget);
  });
});
