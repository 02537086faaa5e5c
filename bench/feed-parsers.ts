// Compares the two feed parsers the project could use: feedsmith (the product's) and @rowanmanning/feed-parser
// (a devDependency kept for this comparison). It prints, for every fixture feed, what each reads; how each handles
// XXE, billion laughs and malformed XML; and how long each takes on a 2,000-item feed. Run: npx tsx bench/feed-parsers.ts
//
// Both libraries take strings, so both are given the same text, decoded by Broadsheet's decoder (feedsmith and
// feed-parser would both read windows-1253 bytes as mojibake if handed UTF-8). The hostile feeds run in a worker with
// a memory cap and a time limit, so a parser that expands entities cannot take the benchmark down with it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { parseFeed as rowanParse } from '@rowanmanning/feed-parser';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { decodeFeed } from '../tools/ingest/feeds/decode';
import { parseFeed as broadsheetParse } from '../tools/ingest/feeds/parse-feed';

const FIXTURES = path.resolve('tests/ingest/fixtures/feeds');

/** The good fixtures and the address each is fetched from. */
const READABLE: readonly { file: string; url: string }[] = [
  { file: 'rss2-content-encoded.xml', url: 'https://www.news.example/feed/' },
  { file: 'rss1-rdf.xml', url: 'https://science.news.example/rss' },
  { file: 'atom-html.xml', url: 'https://world.news.example/feeds/all.atom' },
  { file: 'atom-xhtml.xml', url: 'https://tech.news.example/feed.atom' },
  { file: 'json-feed-1.1.json', url: 'https://longreads.news.example/feed.json' },
  { file: 'greek-windows-1253.xml', url: 'https://voreia.news.example/rss' },
  { file: 'no-dates.xml', url: 'https://gazette.news.example/rss' },
  { file: 'duplicates.xml', url: 'https://markets.news.example/rss' },
];

/** The fixtures a parser should refuse, or read without harm. */
const HOSTILE = ['xxe.xml', 'billion-laughs.xml', 'malformed.xml', 'html-page.html', 'json-feed-wrong-types.json'];

/** What one parser got out of one item: whether each essential field is there, and the first item's title and link. */
interface Reading {
  readonly items: number;
  readonly title: number;
  readonly link: number;
  readonly date: number;
  readonly content: number;
  readonly firstTitle: string | undefined;
  readonly firstLink: string | undefined;
}

interface Essentials {
  title: unknown;
  link: unknown;
  date: unknown;
  content: unknown;
}

function present(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return typeof value === 'string' ? value.trim().length > 0 : value !== undefined && value !== null;
}

function reading(items: readonly Essentials[]): Reading {
  const count = (key: keyof Essentials) => items.filter((item) => present(item[key])).length;
  return {
    items: items.length,
    title: count('title'),
    link: count('link'),
    date: count('date'),
    content: count('content'),
    firstTitle: typeof items[0]?.title === 'string' ? items[0].title : undefined,
    firstLink: typeof items[0]?.link === 'string' ? items[0].link : undefined,
  };
}

/** feedsmith's own output, read the way its documentation shows for each format. */
function readWithFeedsmith(text: string): Reading {
  const trimmed = text.trimStart();
  const parsed = feedsmithParse(trimmed.startsWith('{') ? JSON.parse(trimmed) : trimmed);
  switch (parsed.format) {
    case 'rss':
      return reading(
        (parsed.feed.items ?? []).map((item) => ({
          title: item.title,
          link: item.link,
          date: item.pubDate ?? item.dc?.dates?.[0],
          content: item.content?.encoded ?? item.description,
        })),
      );
    case 'rdf':
      return reading(
        (parsed.feed.items ?? []).map((item) => ({
          title: item.title,
          link: item.link,
          date: item.dc?.dates?.[0],
          content: item.content?.encoded ?? item.description,
        })),
      );
    case 'atom':
      return reading(
        (parsed.feed.entries ?? []).map((entry) => ({
          title: entry.title?.value,
          link: entry.links?.[0]?.href,
          date: entry.published ?? entry.updated,
          content: entry.content?.value ?? entry.summary?.value,
        })),
      );
    case 'json':
      return reading(
        (parsed.feed.items ?? []).map((item) => ({
          title: item.title,
          link: item.url,
          date: item.date_published,
          content: item.content_html ?? item.content_text,
        })),
      );
  }
}

/** @rowanmanning/feed-parser's normalised items. */
function readWithRowan(text: string): Reading {
  const feed = rowanParse(text.trimStart());
  return reading(
    feed.items.map((item) => ({
      title: item.title,
      link: item.url,
      date: item.published ?? item.updated,
      content: item.content ?? item.description,
    })),
  );
}

/** Broadsheet's parseFeed (feedsmith underneath), from the bytes. */
function readWithBroadsheet(bytes: Uint8Array, url: string): Reading {
  const feed = broadsheetParse(bytes, { url });
  return reading(
    feed.items.map((item) => ({
      title: item.title,
      link: item.url,
      date: item.published ?? item.updated,
      content: item.html ?? item.text,
    })),
  );
}

function attempt(read: () => Reading): string {
  try {
    const result = read();
    const essentials = `title ${result.title}/${result.items} link ${result.link}/${result.items} date ${result.date}/${result.items} content ${result.content}/${result.items}`;
    return `${essentials}; first title ${JSON.stringify(result.firstTitle)}; first link ${result.firstLink ?? '-'}`;
  } catch (error) {
    return `ERROR ${(error as Error).name}: ${(error as Error).message.split('\n')[0]}`;
  }
}

/** What a parser did with a hostile file, as measured inside a capped worker. */
interface HostileOutcome {
  readonly outcome: string;
  readonly outputBytes: number;
  readonly leaked: boolean;
  readonly ms: number;
}

// The worker is plain CommonJS (eval), so it needs no TypeScript loader; it reports what it saw, never the output.
const HOSTILE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
// Loaded before the clock starts, so the time is the parse alone.
const library = workerData.library === 'feedsmith' ? require('feedsmith') : require('@rowanmanning/feed-parser');
const started = performance.now();
let outcome;
let output = '';
try {
  const text = workerData.text.trimStart();
  const input = workerData.library === 'feedsmith' && text.startsWith('{') ? JSON.parse(text) : text;
  output = JSON.stringify(library.parseFeed(input));
  outcome = 'returned a feed';
} catch (error) {
  output = String(error && error.message);
  const cause = error && error.cause ? ' (cause: ' + String(error.cause.message).split('\\n')[0] + ')' : '';
  outcome = 'threw ' + (error && error.name) + ': ' + String(error && error.message).split('\\n')[0] + cause;
}
parentPort.postMessage({
  outcome,
  outputBytes: Buffer.byteLength(output),
  leaked: output.includes('root:'),
  ms: performance.now() - started,
});
`;

function runHostile(library: 'feedsmith' | 'rowan', text: string): Promise<HostileOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const worker = new Worker(HOSTILE_WORKER, {
      eval: true,
      workerData: { library, text },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ outcome: 'still running after 10 s; stopped', outputBytes: 0, leaked: false, ms: 10_000 });
    }, 10_000);
    worker.once('message', (message: HostileOutcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({
        outcome: `worker died: ${error.message}`,
        outputBytes: 0,
        leaked: false,
        ms: performance.now() - started,
      });
    });
  });
}

function broadsheetHostile(bytes: Uint8Array): HostileOutcome {
  const started = performance.now();
  try {
    const output = JSON.stringify(broadsheetParse(bytes, { url: 'https://www.news.example/' }));
    return {
      outcome: 'returned a feed',
      outputBytes: Buffer.byteLength(output),
      leaked: output.includes('root:'),
      ms: performance.now() - started,
    };
  } catch (error) {
    const message = (error as Error).message;
    return {
      outcome: `threw ${(error as Error).name}: ${message}`,
      outputBytes: Buffer.byteLength(message),
      leaked: message.includes('root:'),
      ms: performance.now() - started,
    };
  }
}

function describeHostile(result: HostileOutcome): string {
  return `${result.outcome} | output ${result.outputBytes} B | leaked /etc/passwd: ${result.leaked ? 'YES' : 'no'} | ${result.ms.toFixed(1)} ms`;
}

/** A realistic RSS 2.0 feed of `count` items, each with about 1.2 kB of article HTML. */
function largeRss(count: number): string {
  const paragraph =
    'The council met on Thursday evening to discuss the new harbour plan, which would move the container terminal two kilometres east and open the old quays to housing, parks and a ferry station. ';
  const items: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const minute = String(index % 60).padStart(2, '0');
    items.push(`<item>
  <title>Harbour plan update number ${index} &amp; what it means</title>
  <link>https://www.news.example/2024/04/19/harbour-plan-${index}/</link>
  <guid isPermaLink="false">https://www.news.example/?p=${100000 + index}</guid>
  <pubDate>Fri, 19 Apr 2024 09:${minute}:00 +0300</pubDate>
  <dc:creator>Reporter ${index % 17}</dc:creator>
  <category>City</category>
  <description><![CDATA[Update ${index} on the harbour plan.]]></description>
  <content:encoded><![CDATA[<p>${paragraph.repeat(5)}</p><p><a href="https://www.news.example/plan/${index}">Read the plan</a></p><img src="https://cdn.news.example/img/${index}.jpg" alt="Harbour">]]></content:encoded>
  <media:content url="https://cdn.news.example/img/${index}-lead.jpg" medium="image" />
</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Harbour Times</title><link>https://www.news.example/</link><description>News</description>
${items.join('\n')}
</channel></rss>`;
}

function timeIt(run: () => unknown, rounds: number): { median: number; min: number } {
  for (let index = 0; index < 3; index += 1) run();
  const times: number[] = [];
  for (let index = 0; index < rounds; index += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, min: times[0] ?? 0 };
}

async function main(): Promise<void> {
  console.log('# Feed parsers compared: feedsmith 3.0.1 vs @rowanmanning/feed-parser 2.1.5\n');
  console.log('## Fixture feeds (counts are items with the field present / items)\n');
  for (const { file, url } of READABLE) {
    const bytes = readFileSync(path.join(FIXTURES, file));
    const { text } = decodeFeed(bytes);
    console.log(`${file}`);
    console.log(`  feedsmith (raw):      ${attempt(() => readWithFeedsmith(text))}`);
    console.log(`  feed-parser:          ${attempt(() => readWithRowan(text))}`);
    console.log(`  broadsheet parseFeed: ${attempt(() => readWithBroadsheet(bytes, url))}`);
  }

  console.log('\n## Hostile and broken input (each library in a worker capped at 256 MB old space, 10 s)\n');
  for (const file of HOSTILE) {
    const bytes = readFileSync(path.join(FIXTURES, file));
    const { text } = decodeFeed(bytes);
    console.log(`${file}`);
    console.log(`  feedsmith (raw):      ${describeHostile(await runHostile('feedsmith', text))}`);
    console.log(`  feed-parser:          ${describeHostile(await runHostile('rowan', text))}`);
    console.log(`  broadsheet parseFeed: ${describeHostile(broadsheetHostile(bytes))}`);
  }

  const rounds = 15;
  const xml = largeRss(2000);
  const xmlBytes = new TextEncoder().encode(xml);
  console.log(
    `\n## Large feed: RSS 2.0, 2,000 items, ${(xmlBytes.length / 1024 / 1024).toFixed(2)} MB (median and fastest of ${rounds} parses after 3 warm-ups)\n`,
  );
  const check = (count: number) => (count === 2000 ? 'all 2,000 items' : `ONLY ${count} items`);
  const rows: [string, () => number][] = [
    ['feedsmith (raw)', () => readWithFeedsmith(xml).items],
    ['feed-parser', () => readWithRowan(xml).items],
    [
      'broadsheet parseFeed (decode + checks + feedsmith + mapping)',
      () => broadsheetParse(xmlBytes, { url: 'https://www.news.example/feed/' }).items.length,
    ],
  ];
  for (const [name, run] of rows) {
    const items = run();
    const { median, min } = timeIt(run, rounds);
    console.log(`  ${name}: median ${median.toFixed(1)} ms, fastest ${min.toFixed(1)} ms (${check(items)})`);
  }
}

await main();
