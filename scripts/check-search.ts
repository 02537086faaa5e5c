// Checks the search page in a real browser (headless Chromium): a search from the URL, filters, sort, the URL kept
// in step, Back, no JavaScript, and no errors under a strict Content-Security-Policy.
//
//   npm run check:search                 builds the demo content into a temporary folder, then checks it
//   npm run check:search -- --site DIR   checks an existing build
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { buildDemoSite } from './build-site';
import { serveStatic } from './static-server';

// The policy the site is meant to run under: same-origin scripts only, and WebAssembly for Pagefind.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'";
const DEMO_TITLE = 'Rasmussen: "NATO members may send troops to Ukraine"';

const { values } = parseArgs({ options: { site: { type: 'string' } } });
const site = values.site ? resolve(values.site) : buildDemoSite();
console.log(`Checking the search page of ${site}`);
const server = await serveStatic(site, { htmlHeaders: { 'content-security-policy': CSP } });
const browser = await launchChromium();
const failures: string[] = [];

function check(name: string, ok: boolean, detail = ''): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
  if (!ok) failures.push(name);
}

async function settled(page: Page): Promise<string> {
  const status = page.locator('[data-search-status]');
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-search-status]')?.textContent ?? '';
    return text !== '' && text !== 'Searching…';
  });
  return (await status.textContent()) ?? '';
}

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto(`${server.origin}/search/?q=Rasmussen`);
  let status = await settled(page);
  check('a search in the URL runs on load', status === '1 article matches “Rasmussen”.', status);
  const link = page.locator('[data-search-list] a').first();
  check('the result links the article by its headline', (await link.textContent()) === DEMO_TITLE && (await link.getAttribute('href')) === '/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/');
  const item = page.locator('[data-search-list] li').first();
  check('the result shows source and date', /Athens News/.test((await item.textContent()) ?? '') && (await item.locator('time').getAttribute('datetime')) === '2024-04-19');
  check('the excerpt marks the matched word', /^Rasmussen\W?$/.test((await item.locator('mark').first().textContent()) ?? ''));
  check('the query is in the search box', (await page.getByRole('searchbox', { name: 'Search articles' }).inputValue()) === 'Rasmussen');

  await page.getByLabel('Source').selectOption('athens-news');
  status = await settled(page);
  check('a source filter runs and lands in the URL', page.url().endsWith('/search/?q=Rasmussen&source=athens-news') && status === '1 article matches “Rasmussen” (source: Athens News).', `${page.url()} ${status}`);

  await page.getByLabel('Source').selectOption('');
  await page.getByLabel('Topic').selectOption('poland');
  status = await settled(page);
  check('a topic filter runs', status === '1 article matches “Rasmussen” (topic: poland).', status);

  await page.getByLabel('Order').selectOption('date');
  status = await settled(page);
  check('sorting by date keeps the result and lands in the URL', page.url().endsWith('&tag=poland&sort=date') && status.startsWith('1 article'), page.url());

  await page.getByRole('searchbox', { name: 'Search articles' }).fill('zeppelin');
  await page.getByRole('searchbox', { name: 'Search articles' }).press('Enter');
  status = await settled(page);
  check('submitting a new query updates the URL and the announcement', page.url().includes('q=zeppelin') && status.startsWith('No articles match “zeppelin”'), status);

  await page.goBack();
  status = await settled(page);
  check('Back restores the previous search', page.url().endsWith('sort=date') && (await page.getByRole('searchbox', { name: 'Search articles' }).inputValue()) === 'Rasmussen', page.url());

  check('no errors, warnings or CSP violations in the console', problems.length === 0, problems.join(' | '));

  const scripts: string[] = [];
  const home = await context.newPage();
  home.on('request', (request) => {
    if (['script', 'fetch', 'xhr'].includes(request.resourceType())) scripts.push(request.url());
  });
  await home.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
  await home.goto(`${server.origin}/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/`, { waitUntil: 'networkidle' });
  check('the front page and an article page load no JavaScript', scripts.length === 0, scripts.join(', '));

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`${server.origin}/search/?q=Rasmussen`);
  check('without JavaScript the page says search needs it', (await plain.locator('body').innerText()).includes('Search needs JavaScript'));
  check('and links to sources and topics', (await plain.getByRole('link', { name: 'source', exact: true }).getAttribute('href')) === '/sources/' && (await plain.getByRole('link', { name: 'topic', exact: true }).getAttribute('href')) === '/tags/');
} finally {
  await browser.close();
  await server.close();
}

console.log(failures.length === 0 ? '\nThe search page works.' : `\n${failures.length} check(s) failed.`);
process.exit(failures.length === 0 ? 0 : 1);
