// Measures the importer on generated pages: time and memory against page size, and the nesting depth at which the
// HTML-to-Markdown steps fail when no cap stops them. The caps in tools/ingest/read-input.ts and
// tools/ingest/html-clean.ts come from these figures.
//
//   npm run bench:import

import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readHtmlPage } from '../tools/ingest';
// Internal steps, not the public surface: the depth measurement runs them without the nesting cap on purpose.
import { cleanPage } from '../tools/ingest/html-clean';
import { storyToMarkdown } from '../tools/ingest/html-to-markdown';

const paragraph = (index: number) =>
  `<p>Paragraph ${index} of the story, with a <a href="https://example.com/${index}">link</a> and enough words to read as article text for the extraction step.</p>`;

function page(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const html = paragraph(index);
    parts.push(html);
    size += html.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big page</title><meta property="article:published_time" content="2024-01-01"><meta property="og:url" content="https://example.com/big"></head><body><article><h1>Big page</h1>${parts.join('')}</article></body></html>`;
}

/** A page shaped like a saved news page: a 15 KiB story in a page padded with inline scripts and styles. */
function savedPage(bytes: number): string {
  const story = Array.from({ length: 100 }, (_, index) => paragraph(index)).join('');
  const padding = `<script>${'var x = "inline bundle";'.repeat(Math.max(0, (bytes - story.length) / 24 / 2))}</script><style>${'.a{color:red}'.repeat(Math.max(0, (bytes - story.length) / 13 / 2))}</style>`;
  return page(0).replace('<article>', `${padding}<article>${story}`);
}

function measure(label: string, html: string): void {
  const start = performance.now();
  readHtmlPage(html);
  const elapsed = performance.now() - start;
  const size = `${(html.length / 1024 / 1024).toFixed(1)} MiB`;
  console.log(
    `${label.padEnd(24)} | ${size.padStart(8)} | ${(elapsed / 1000).toFixed(2).padStart(7)} s | ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB heap`,
  );
}

console.log('page                     |     size |    time | memory');
readHtmlPage(savedPage(10_000));
for (const megabytes of [0.5, 1, 2, 5]) measure('saved page, 15 KiB story', savedPage(megabytes * 1024 * 1024));
for (const megabytes of [0.1, 0.5, 1, 2, 5]) measure('all of it story text', page(megabytes * 1024 * 1024));

/** Runs the extraction and conversion without the nesting cap; returns the failure, if any. */
function uncappedImport(depth: number): string {
  const html = `<!doctype html><html><body><article>${paragraph(0).repeat(5)}${'<blockquote>'.repeat(depth)}<p>${'deep text '.repeat(30)}</p>${'</blockquote>'.repeat(depth)}</article></body></html>`;
  const { document } = parseHTML(html);
  try {
    cleanPage(document as unknown as Document);
    const story = new Readability(document as unknown as Document).parse();
    storyToMarkdown(story?.content ?? '');
    return 'ok';
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message.slice(0, 60)}` : String(error);
  }
}

console.log('\nnested blockquotes | uncapped result');
for (const depth of [100, 500, 1000, 2000, 4000, 8000]) {
  console.log(`${String(depth).padStart(18)} | ${uncappedImport(depth)}`);
}
