import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtPageFile,
  pageIndexing,
  type RememberedPage,
  readHead,
  readPageIndexingMemory,
  rememberedPageIndexing,
  writePageIndexingMemory,
} from '@/lib/sitemap';
import { temporaryFolder } from '../support/build';

const url = 'https://news.example/news/articles/a/';

describe('pageIndexing', () => {
  it('takes a page without robots or canonical tags as indexable', () => {
    expect(pageIndexing('<head><title>x</title></head>', url)).toEqual({ indexable: true, lastmod: undefined });
  });
  it('takes a self canonical as indexable and reads lastmod from article:modified_time', () => {
    const head = `<head><link rel="canonical" href="${url}"><meta property="article:modified_time" content="2024-04-19T00:00:00+03:00"></head>`;
    expect(pageIndexing(head, url)).toEqual({ indexable: true, lastmod: '2024-04-19T00:00:00+03:00' });
  });
  it('leaves out noindex pages and pages whose canonical address is elsewhere', () => {
    expect(pageIndexing('<head><meta name="robots" content="noindex"></head>', url).indexable).toBe(false);
    expect(pageIndexing('<head><meta name="ROBOTS" content="none"></head>', url).indexable).toBe(false);
    expect(pageIndexing('<head><link rel="canonical" href="https://outlet.example/a"></head>', url).indexable).toBe(
      false,
    );
  });
  it('reads the tags around inlined styles and scripts, and not lookalikes inside them', () => {
    const head = `<head><style>a::after{content:"<meta name=robots content=noindex>"}</style><script type="application/ld+json">{"x":"\\u003cmeta name=robots content=noindex>"}</script>
      <SCRIPT>let s = '<link rel=canonical href=https://elsewhere.example/>';</SCRIPT ><meta name="robots" content="noindex"></head>`;
    expect(pageIndexing(head, url).indexable).toBe(false);
    expect(pageIndexing(head.replace('<meta name="robots" content="noindex">', ''), url).indexable).toBe(true);
  });
  it('reads attribute values with character references, and rel and names in any case', () => {
    const self = url.replace('/a/', '/a%26b/');
    expect(
      pageIndexing(`<head><LINK REL="Canonical" HREF="${self.replace('%26', '%26')}"></head>`, self).indexable,
    ).toBe(true);
    expect(
      pageIndexing('<head><link rel="alternate canonical" href="https://outlet.example/?a=1&amp;b=2"></head>', url)
        .indexable,
    ).toBe(false);
    expect(
      pageIndexing('<head><meta property="article:modified_time" content="2024-04-19T00:00:00&#43;03:00"></head>', url)
        .lastmod,
    ).toBe('2024-04-19T00:00:00+03:00');
  });
});

describe('builtPageFile', () => {
  it('maps page URLs under the base to their index.html files', () => {
    expect(builtPageFile('/out', url, 'https://news.example/news/')).toBe(join('/out', 'articles/a/index.html'));
    expect(builtPageFile('/out', 'https://news.example/news/', 'https://news.example/news/')).toBe(
      join('/out', 'index.html'),
    );
  });
  it('ignores feeds, other origins and paths outside the base', () => {
    expect(builtPageFile('/out', 'https://news.example/news/rss.xml', 'https://news.example/news/')).toBeUndefined();
    expect(builtPageFile('/out', 'https://other.example/news/a/', 'https://news.example/news/')).toBeUndefined();
    expect(builtPageFile('/out', 'https://news.example/elsewhere/', 'https://news.example/news/')).toBeUndefined();
  });
});

describe('readHead', () => {
  it('reads a page up to the end of its head, across read chunks and multi-byte characters', () => {
    const file = join(temporaryFolder('head'), 'index.html');
    const filler = 'ά'.repeat(20_000);
    writeFileSync(
      file,
      `<html><head><title>${filler}</title><meta name="robots" content="noindex"></head><body>${'x'.repeat(50_000)}</body></html>`,
    );
    const head = readHead(file);
    expect(head.endsWith('<meta name="robots" content="noindex"></head>')).toBe(true);
    expect(head).toContain(filler);
  });
});

describe('rememberedPageIndexing', () => {
  const head = (lastmod: string) =>
    `<html><head><meta property="article:modified_time" content="${lastmod}"></head><body></body></html>`;

  it('reads a page once, answers from memory while its file is unchanged, and reads it again once it is written', () => {
    const dir = temporaryFolder('sitemap-memory');
    const file = join(dir, 'index.html');
    writeFileSync(file, head('2024-01-01T00:00:00Z'));
    const first: Record<string, RememberedPage> = {};
    expect(rememberedPageIndexing(file, url, {}, first)).toEqual({ indexable: true, lastmod: '2024-01-01T00:00:00Z' });
    const memoryFile = join(dir, 'cache/memory.json');
    writePageIndexingMemory(memoryFile, first);
    const remembered = readPageIndexingMemory(memoryFile);
    expect(remembered).toEqual(first);

    // The memory is what answers for an unchanged file: an entry that disagrees with the page shows it.
    const planted = { [url]: [first[url]![0], false, null] as const };
    expect(rememberedPageIndexing(file, url, planted, {})).toEqual({ indexable: false, lastmod: undefined });

    // A rewrite (same length, a later time) is read again, and remembered with its new stamp.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    writeFileSync(file, head('2024-02-02T00:00:00Z'));
    const second: Record<string, RememberedPage> = {};
    expect(rememberedPageIndexing(file, url, planted, second)).toEqual({
      indexable: true,
      lastmod: '2024-02-02T00:00:00Z',
    });
    expect(second[url]?.[0]).not.toBe(first[url]?.[0]);
  });

  it('starts empty without a memory file, with a broken one, or with one written by other code', () => {
    const dir = temporaryFolder('sitemap-memory');
    expect(readPageIndexingMemory(join(dir, 'none.json'))).toEqual({});
    writeFileSync(join(dir, 'broken.json'), '{"code":');
    expect(readPageIndexingMemory(join(dir, 'broken.json'))).toEqual({});
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ code: 'other', pages: { [url]: ['1:2:3', true, null] } }));
    expect(readPageIndexingMemory(join(dir, 'other.json'))).toEqual({});
  });
});
