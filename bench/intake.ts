// Measures `npm run fetch` on local servers: many sources, each on its own loopback address (127.0.0.2, .3, …) so the
// client's one-request-per-host rule applies as it would to real outlets. Runs the command twice: the first run takes
// every item; the second finds every feed unchanged (304). Prints wall time, peak memory of the command's process
// tree and requests made, and writes them to bench/results/ with --out.
//
//   npm run bench:intake -- [--sources 50] [--items 50] [--images] [--archive 100000] [--out bench/results/<name>.json]
//
// With --archive N the content folder first holds N generated articles (50 outlets over five years), committed in a
// git work tree with their article index (bench/intake-archive.ts), as on the intake job's runner: the runs then show
// what the archive costs.
// With --images every item has a lead image and a body image on an HTTPS image host per source (two more loopback
// addresses' worth of requests): the run then shows the cost of the pause between requests to one host.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { PeakMemory } from './process-tree';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '50' },
    items: { type: 'string', default: '50' },
    images: { type: 'boolean', default: false },
    archive: { type: 'string' },
    out: { type: 'string' },
  },
});
const sourceCount = Number(values.sources);
if (values.images && sourceCount > 100) {
  // The test certificate names the image hosts 127.0.1.2 to 127.0.1.101 only.
  throw new Error('--images works with at most 100 sources.');
}
const itemCount = Number(values.items);

const certFile = join(projectRoot, 'tests/support/tls/cert.pem');
const tls = { cert: readFileSync(certFile), key: readFileSync(join(projectRoot, 'tests/support/tls/key.pem')) };

const paragraph = (source: number, item: number, index: number) =>
  `<p>Paragraph ${index} of story ${item} from outlet ${source}: the council met on Tuesday and agreed the plan, which residents had asked for since the spring, and work starts next month.</p>`;

function feedXml(source: number, imageOrigin: string, more = 0): string {
  const items: string[] = [];
  for (let item = 0; item < itemCount + more; item += 1) {
    const day = String(1 + (item % 28)).padStart(2, '0');
    const hour = String(item % 24).padStart(2, '0');
    const image = values.images ? `<img src="${imageOrigin}/body-${item}.png" alt="The site of story ${item}">` : '';
    const body = [0, 1, 2, 3].map((index) => paragraph(source, item, index)).join('') + image;
    items.push(
      `<item><title>Outlet ${source} story ${item}: council agrees plan</title><link>https://outlet-${source}.example/news/${item}</link><guid>outlet-${source}-${item}</guid><pubDate>${day} Nov 2026 ${hour}:00:00 +0200</pubDate>${values.images ? `<media:content url="${imageOrigin}/lead-${item}.jpg" medium="image"><media:description>Lead picture of story ${item}</media:description></media:content>` : ''}<content:encoded><![CDATA[${body}]]></content:encoded></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Outlet ${source}</title><link>https://outlet-${source}.example/</link><description>Bench</description>${items.join('')}</channel></rss>`;
}

let requests = 0;
let notModified = 0;

async function listen(
  host: string,
  secure: boolean,
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ origin: string; close: () => void }> {
  const counted = (request: IncomingMessage, response: ServerResponse) => {
    requests += 1;
    handler(request, response);
  };
  const server = secure ? createHttpsServer(tls, counted) : createHttpServer(counted);
  await new Promise<void>((done) => server.listen(0, host, done));
  const { port } = server.address() as AddressInfo;
  return { origin: `${secure ? 'https' : 'http'}://${host}:${port}`, close: () => server.close() };
}

const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#3a6ea5' } })
  .png()
  .toBuffer();
const jpeg = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#a53a3a' } })
  .jpeg()
  .toBuffer();

const contentDir = join(tmpdir(), `broadsheet-bench-intake-${process.pid}`);
const archive = values.archive === undefined ? undefined : Number(values.archive);
if (archive !== undefined) {
  const prepared = spawnSync('npx', ['tsx', 'bench/intake-archive.ts', contentDir, String(archive)], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (prepared.status !== 0) throw new Error('bench/intake-archive.ts failed');
}
mkdirSync(join(contentDir, 'sources'), { recursive: true });
mkdirSync(join(contentDir, 'articles'), { recursive: true });
const closers: (() => void)[] = [];
let moreItems: (more: number) => void = () => undefined;
for (let source = 0; source < sourceCount; source += 1) {
  // Feeds on 127.0.0.2…; image hosts (HTTPS, images must be https:) on 127.0.1.2….
  const feedHost = `127.0.0.${2 + source}`;
  const imageHost = `127.0.1.${2 + source}`;
  const images = await listen(imageHost, true, (request, response) => {
    const isPng = request.url?.endsWith('.png');
    response.writeHead(200, { 'content-type': isPng ? 'image/png' : 'image/jpeg' });
    response.end(isPng ? png : jpeg);
  });
  const current = { xml: feedXml(source, images.origin), etag: `"feed-${source}"` };
  // The runs with one new item give the first feed one more item each time.
  if (source === 0) {
    moreItems = (more) => {
      current.xml = feedXml(source, images.origin, more);
      current.etag = `"feed-${source}-${more}"`;
    };
  }
  const feed = await listen(feedHost, false, (request, response) => {
    const { xml, etag } = current;
    if (request.headers['if-none-match'] === etag) {
      notModified += 1;
      response.writeHead(304);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag });
    response.end(xml);
  });
  closers.push(images.close, feed.close);
  writeFileSync(
    join(contentDir, 'sources', `outlet-${source}.yaml`),
    `name: 'Outlet ${source}'\nurl: 'https://outlet-${source}.example/'\nlanguage: en\nfeed: '${feed.origin}/feed.xml'\nfeedLimit: ${Math.max(itemCount, 1)}\n`,
  );
}

function git(...args: string[]): void {
  const result = spawnSync('git', [
    '-C',
    contentDir,
    '-c',
    'user.name=bench',
    '-c',
    'user.email=bench@example.org',
    // No automatic `git gc` in the background: it would run beside the measured commands.
    '-c',
    'gc.auto=0',
    ...args,
  ]);
  if (result.status !== 0) throw new Error(String(result.stderr));
}

interface RunFigures {
  /** Image files in the content folder after the run. */
  readonly images: number;
  readonly seconds: number;
  readonly peakMiB: number;
  readonly requests: number;
  readonly notModified: number;
  readonly exitCode: number | null;
  readonly summary: string;
}

async function run(): Promise<RunFigures> {
  requests = 0;
  notModified = 0;
  const start = performance.now();
  const child = spawn('npx', ['tsx', 'tools/ingest/fetch.ts', '--content', contentDir], {
    cwd: projectRoot,
    env: { ...process.env, BROADSHEET_FETCH_ALLOW_LOOPBACK: '1', NODE_EXTRA_CA_CERTS: certFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const peak = new PeakMemory(child.pid ?? process.pid);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exitCode = await new Promise<number | null>((done) => child.on('close', done));
  const peakBytes = peak.stop();
  const images = readdirSync(join(contentDir, 'articles'), { recursive: true }).filter((name) =>
    /\.(?:png|jpe?g)$/.test(String(name)),
  ).length;
  return {
    images,
    seconds: Math.round((performance.now() - start) / 100) / 10,
    peakMiB: Math.round(peakBytes / 1024 / 1024),
    requests,
    notModified,
    exitCode,
    summary: output.trim().split('\n').at(-1) ?? '',
  };
}

const first = await run();
console.log(
  `first run:  ${first.seconds} s, peak ${first.peakMiB} MiB, ${first.requests} requests, ${first.images} images kept; exit ${first.exitCode}\n  ${first.summary}`,
);
const second = await run();
console.log(
  `second run: ${second.seconds} s, peak ${second.peakMiB} MiB, ${second.requests} requests (${second.notModified} answered 304); exit ${second.exitCode}\n  ${second.summary}`,
);
// With --archive, the first run's articles committed (the intake job's pull request merged), then five runs with the
// feeds unchanged: the scheduled run that finds nothing new, whose cost is what the archive could make grow.
let third: RunFigures[] | undefined;
let fourth: RunFigures[] | undefined;
if (archive !== undefined) {
  git('add', '.');
  git('commit', '-q', '-m', 'intake');
  // One run first, not counted: after the archive's writes and commits, the page cache is still settling.
  await run();
  third = [];
  for (let repeat = 0; repeat < 5; repeat += 1) third.push(await run());
  const times = third.map((figures) => figures.seconds);
  const median = [...times].sort((a, b) => a - b)[2];
  console.log(
    `after a commit, feeds unchanged, five runs: median ${median} s (${times.join(', ')} s), peak ${Math.max(...third.map((figures) => figures.peakMiB))} MiB\n  ${third[0]?.summary}`,
  );
  // Then the usual scheduled run: one feed has one new item, so the index is asked and written.
  fourth = [];
  for (let repeat = 1; repeat <= 5; repeat += 1) {
    moreItems(repeat);
    fourth.push(await run());
  }
  const oneNew = fourth.map((figures) => figures.seconds);
  console.log(
    `one new item in one feed, five runs: median ${[...oneNew].sort((a, b) => a - b)[2]} s (${oneNew.join(', ')} s), peak ${Math.max(...fourth.map((figures) => figures.peakMiB))} MiB\n  ${fourth[0]?.summary}`,
  );
}
for (const close of closers) close();

if (values.out) {
  const result = {
    date: new Date().toISOString(),
    sources: sourceCount,
    items: itemCount,
    archive: archive ?? 0,
    images: values.images,
    first,
    second,
    third,
    fourth,
  };
  writeFileSync(resolve(projectRoot, values.out), `${JSON.stringify(result, null, 2)}\n`);
}
