// npm run import downloading an article's images from a real HTTPS server on 127.0.0.1, through the real HTTP client.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitMarkdown } from '../../src/lib/frontmatter';
import { projectRoot, temporaryFolder } from '../support/build';
import { type LocalServer, routes, startServer, TEST_CA, TEST_CA_FILE } from '../support/local-server';
import { contentFolder, importQuietly, readTree } from './helpers';
import { SAMPLE_SVG, sampleImage } from './image-samples';

const ARTICLE = 'articles/2024/05/harbour-ferries-sail-again.md';
const FOLDER = 'articles/2024/05/harbour-ferries-sail-again';
const LOOPBACK = { BROADSHEET_FETCH_ALLOW_LOOPBACK: '1' };
// Rejects when the command exits with anything but 0.
const runFile = promisify(execFile);

let server: LocalServer;
let lead: Uint8Array;
let quay: Uint8Array;
let savedPage: string;

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const imageRequests = () => server.requests.filter((request) => request.path.startsWith('/img/'));

/** A saved page from the test server: a lead figure, a PNG, an SVG, a tracking pixel and a missing image. */
function pageFrom(origin: string): string {
  const paragraph = (text: string) =>
    `<p>${text} The harbour master said the timetable would be back to normal by the weekend, with extra sailings.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta property="og:site_name" content="Harbour Post">
<meta property="og:url" content="${origin}/news/harbour-ferries">
<meta property="article:published_time" content="2024-05-03">
<title>Harbour ferries sail again</title></head>
<body><article><header><h1>Harbour ferries sail again</h1>
<figure><img src="/img/lead.jpg" alt="Ferries leaving the harbour"><figcaption>Photo: Harbour Post</figcaption></figure></header>
<div class="story">
${paragraph('Ferries left the harbour on Friday for the first time in a week.')}
<figure><img src="/img/quay.png" alt="Passengers on the quay"><figcaption>Passengers waited since dawn.</figcaption></figure>
${paragraph('The route map was redrawn for the summer.')}
<p><img src="/img/route.svg" alt="The new route map"></p>
${paragraph('Operators thanked travellers for their patience.')}
<p><img src="/img/dot.gif" alt=""></p>
${paragraph('The union said talks would continue.')}
<p><img src="/img/missing.jpg" alt="The union's negotiators"></p>
${paragraph('A further meeting is planned for June.')}
</div></article></body></html>`;
}

beforeAll(async () => {
  lead = await sampleImage('jpeg', 64, 48);
  quay = await sampleImage('png', 48, 32, { r: 20, g: 90, b: 160 });
  const pixel = await sampleImage('gif', 1, 1);
  server = await startServer(
    routes({
      '/img/lead.jpg': { headers: { 'content-type': 'image/jpeg' }, body: lead },
      '/img/quay.png': { headers: { 'content-type': 'image/png' }, body: quay },
      // Served as a PNG: the importer must look at the bytes, not trust the header.
      '/img/route.svg': { headers: { 'content-type': 'image/png' }, body: SAMPLE_SVG },
      '/img/dot.gif': { headers: { 'content-type': 'image/gif' }, body: pixel },
    }),
    { tls: true },
  );
  savedPage = join(temporaryFolder('import-images'), 'harbour-ferries.html');
  writeFileSync(savedPage, pageFrom(server.origin));
});

afterAll(async () => {
  await server.close();
});

/** The importer in this process with the real HTTP client, trusting the test certificate. */
const importWithImages = (args: readonly string[]) =>
  importQuietly(args, LOOPBACK, { http: { ca: TEST_CA, hostPauseMs: 0 } });

describe('npm run import downloads the images of the article', () => {
  it('writes the images beside the article and points to them; refuses SVG, drops the pixel, keeps the 404', async () => {
    const content = contentFolder();
    const seen = imageRequests().length;
    const run = await importWithImages([savedPage, '--content', content]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Each image asked for once.
    expect(
      imageRequests()
        .slice(seen)
        .map((request) => request.path)
        .sort(),
    ).toEqual(['/img/dot.gif', '/img/lead.jpg', '/img/missing.jpg', '/img/quay.png', '/img/route.svg']);

    const leadName = `${hashOf(lead)}.jpg`;
    const quayName = `${hashOf(quay)}.png`;
    expect(readdirSync(join(content, FOLDER)).sort()).toEqual([leadName, quayName].sort());
    expect(new Uint8Array(readFileSync(join(content, FOLDER, leadName)))).toEqual(lead);
    expect(new Uint8Array(readFileSync(join(content, FOLDER, quayName)))).toEqual(quay);

    const { data, body } = splitMarkdown(readTree(content)[ARTICLE] ?? '');
    expect(data['image']).toEqual({
      src: `./harbour-ferries-sail-again/${leadName}`,
      alt: 'Ferries leaving the harbour',
      credit: 'Harbour Post',
    });
    expect(body).toContain(`![Passengers on the quay](./harbour-ferries-sail-again/${quayName})`);
    expect(body).toContain(`![The new route map](${server.origin}/img/route.svg)`);
    expect(body).toContain(`![The union's negotiators](${server.origin}/img/missing.jpg)`);
    expect(body).not.toContain('dot.gif');
    expect(body).not.toMatch(/\n{3,}/);

    expect(run.stdout).toContain(
      `note: ${savedPage}: kept the remote image ${server.origin}/img/route.svg: it is an SVG image, which can carry scripts`,
    );
    expect(run.stdout).toContain(
      `note: ${savedPage}: kept the remote image ${server.origin}/img/missing.jpg: the server answered 404 Not Found.`,
    );
    expect(run.stdout).toContain(
      `removed the image ${server.origin}/img/dot.gif from the text: it is 1×1 pixels, a tracking pixel`,
    );
    // The images are written first, so the article never points at a file that is not there yet.
    const wrote = run.stdout.split('\n').filter((line) => line.startsWith('Wrote '));
    expect(wrote.at(-1)).toMatch(/harbour-ferries-sail-again\.md$/);
    expect(wrote.filter((line) => line.includes(`${FOLDER}/`))).toHaveLength(2);
  });

  it('--remote-images downloads nothing and keeps every address', async () => {
    const content = contentFolder();
    const seen = server.requests.length;
    const run = await importWithImages([savedPage, '--content', content, '--remote-images']);
    expect(run.code).toBe(0);
    expect(server.requests.length).toBe(seen);
    const { data, body } = splitMarkdown(readTree(content)[ARTICLE] ?? '');
    expect(data['image']).toMatchObject({ src: `${server.origin}/img/lead.jpg` });
    expect(body).toContain(`(${server.origin}/img/quay.png)`);
    expect(body).toContain(`(${server.origin}/img/dot.gif)`);
    expect(Object.keys(readTree(content)).some((path) => path.startsWith(`${FOLDER}/`))).toBe(false);
  });

  it('--dry-run names each image with its size and type instead of printing its bytes, and writes nothing', async () => {
    const content = contentFolder();
    const before = readTree(content);
    const run = await importWithImages([savedPage, '--content', content, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Would write ${join(content, FOLDER, `${hashOf(quay)}.png`)} (${quay.byteLength} bytes, image/png)`,
    );
    expect(run.stdout).toContain(
      `Would write ${join(content, FOLDER, `${hashOf(lead)}.jpg`)} (${lead.byteLength} bytes, image/jpeg)`,
    );
    expect(run.stdout).toContain('Dry run: 4 file(s) would be written; nothing was written.');
    expect(readTree(content)).toEqual(before);
  });

  it('the real command does the same, trusting the test server through NODE_EXTRA_CA_CERTS', async () => {
    const content = contentFolder();
    const { INIT_CWD: _npmCwd, ...environment } = process.env;
    // Asynchronously: the test server runs in this process, and a synchronous spawn would leave it unable to answer.
    const result = await runFile(
      process.execPath,
      [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'tools/ingest/import.ts', savedPage, '--content', content],
      { cwd: projectRoot, env: { ...environment, ...LOOPBACK, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(readdirSync(join(content, FOLDER)).sort()).toEqual([`${hashOf(lead)}.jpg`, `${hashOf(quay)}.png`].sort());
    expect(readTree(content)[ARTICLE]).toContain(`src: './harbour-ferries-sail-again/${hashOf(lead)}.jpg'`);
  });

  it('without the loopback switch, the client refuses the test server and the images stay remote', async () => {
    const content = contentFolder();
    const seen = server.requests.length;
    const run = await importQuietly([savedPage, '--content', content], {}, { http: { ca: TEST_CA, hostPauseMs: 0 } });
    expect(run.code).toBe(0);
    expect(server.requests.length).toBe(seen);
    expect(run.stdout).toContain(`kept the remote image ${server.origin}/img/quay.png: `);
    expect(readTree(content)[ARTICLE]).toContain(`(${server.origin}/img/quay.png)`);
  });
});
