// `npm run lighthouse`: Lighthouse (from npm) in the system's headless Chromium against the built demo site served on
// a loopback port, for the front page, an article and a source page. Prints the four category scores, LCP, CLS and TBT,
// what keeps any score under 100, and the gzipped HTML and CSS each page type needs to render. Figures, not a test.
//
//   npm run lighthouse                        builds the demo content into a temporary folder, then measures it
//   npm run lighthouse -- --site DIR          measures an existing build (at BASE_PATH=/)
//   npm run lighthouse -- --preset desktop    Lighthouse's desktop settings instead of its default (a throttled phone)
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { chromiumArgs, chromiumMissing, chromiumPath } from './browser';
import { buildDemoSite } from './build-site';
import { pageWeight } from './page-weight';
import { serveSite } from './serve-site';

const measured = [
  { name: 'front page', path: '/' },
  { name: 'article', path: '/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/' },
  { name: 'source page', path: '/sources/athens-news/' },
];
const pageTypes = [
  ...measured,
  { name: 'source list', path: '/sources/' },
  { name: 'topic list', path: '/tags/' },
  { name: 'topic page', path: '/tags/nato/' },
  { name: 'search', path: '/search/' },
  { name: 'feeds page', path: '/feeds/' },
  { name: '404 page', path: '/404.html' },
];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const { values } = parseArgs({ options: { site: { type: 'string' }, preset: { type: 'string', default: 'mobile' } } });
const missing = chromiumMissing();
if (missing) {
  console.error(missing);
  process.exit(1);
}
const site = values.site ? resolve(values.site) : buildDemoSite();
const server = await serveSite(site);
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: ['--headless', ...chromiumArgs],
});
const rows: string[][] = [];
const shortfalls: string[] = [];

/** What in a category did not score full marks: its audits that count and fell short. */
function shortOf(lhr: Result, category: (typeof categories)[number]): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
    .map((audit) => `${audit?.id} (${Math.round((audit?.score ?? 0) * 100)}): ${audit?.displayValue ?? audit?.title}`);
}

try {
  console.log(
    `Lighthouse ${values.preset === 'desktop' ? 'desktop' : 'default (mobile, simulated throttling)'} on ${site}\n`,
  );
  for (const page of measured) {
    const result = await lighthouse(
      server.url(page.path),
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] },
      values.preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
    const { lhr } = result;
    const score = (category: (typeof categories)[number]) =>
      String(Math.round((lhr.categories[category]?.score ?? 0) * 100));
    const metric = (id: string, digits = 0) => (lhr.audits[id]?.numericValue ?? Number.NaN).toFixed(digits);
    rows.push([
      page.name,
      ...categories.map(score),
      `${metric('largest-contentful-paint')} ms`,
      metric('cumulative-layout-shift', 3),
      `${metric('total-blocking-time')} ms`,
    ]);
    for (const category of categories)
      for (const audit of shortOf(lhr, category)) shortfalls.push(`${page.name}, ${category}: ${audit}`);
  }
} finally {
  chrome.kill();
  await server.close();
}

const table = (header: string[], body: string[][]) => {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column]?.length ?? 0)));
  for (const row of [header, ...body])
    console.log(
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join('  '),
    );
};
table(['page', 'performance', 'accessibility', 'best-practices', 'seo', 'LCP', 'CLS', 'TBT'], rows);
console.log(
  shortfalls.length === 0
    ? '\nEvery category scored 100.'
    : `\nBelow 100 because of:\n${shortfalls.map((line) => `  ${line}`).join('\n')}`,
);

console.log('\nHTML and CSS to render each page type (gzip, node:zlib default level):');
table(
  ['page', 'HTML', 'CSS', 'total gzip'],
  pageTypes.map(({ name, path }) => {
    const weight = pageWeight(site, path);
    return [
      name,
      `${weight.html.gzip} B`,
      `${weight.stylesheets.reduce((sum, sheet) => sum + sheet.gzip, 0)} B`,
      `${weight.totalGzip} B`,
    ];
  }),
);
if (!values.site) rmSync(site, { recursive: true, force: true });
