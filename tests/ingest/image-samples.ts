// Real image files for the image tests, made with sharp so each is a valid file of its format.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { renderArticleFile } from '../../tools/ingest/article-file';
import type { ArticlePlan } from '../../tools/ingest/plan';

/** An image of one colour in the given format. */
export async function sampleImage(
  format: 'png' | 'jpeg' | 'webp' | 'gif' | 'avif',
  width = 40,
  height = 30,
  colour = { r: 200, g: 60, b: 20 },
): Promise<Uint8Array> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: colour } })
    .toFormat(format)
    .toBuffer();
  return new Uint8Array(buffer);
}

/** A small SVG document, which the importer must never copy. */
export const SAMPLE_SVG = new TextEncoder().encode(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><script>alert(1)</script><rect width="40" height="30"/></svg>',
);

/**
 * A PNG whose header claims `width`×`height` pixels around a tiny body: what a decompression bomb looks like to a
 * reader of its header. The header's checksum is correct, so only the size gives it away.
 */
export async function pngClaiming(width: number, height: number): Promise<Uint8Array> {
  const png = Buffer.from(await sampleImage('png', 4, 4));
  // The IHDR chunk follows the 8-byte signature: length (4), type (4), width (4), height (4), then the rest.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return new Uint8Array(png);
}

/** The path of the article `planWith` makes. */
export const ARTICLE_PATH = 'articles/2024/05/ferry-strike-ends.md';

/** A plan as planArticle makes it, for an article with this lead image and body. */
export function planWith(body: string, image?: { src: string; alt: string; credit?: string }): ArticlePlan {
  const contents = renderArticleFile(
    {
      title: 'Ferry strike ends',
      date: '2024-05-02',
      source: 'island-times',
      sourceUrl: 'https://islandtimes.example/news/ferry-strike-ends',
      via: ['reuters'],
      tags: ['shipping'],
      image,
    },
    body,
  );
  return {
    files: [
      { path: 'sources/island-times.yaml', contents: "name: 'Island Times'\nurl: 'https://islandtimes.example/'\n" },
      { path: ARTICLE_PATH, contents },
    ],
    assets: [],
    notes: ['new source "island-times"'],
    article: { path: ARTICLE_PATH.slice('articles/'.length), id: '2024/05/ferry-strike-ends', tags: ['shipping'] },
    source: { id: 'island-times', name: 'Island Times', url: 'https://islandtimes.example/' },
  };
}
