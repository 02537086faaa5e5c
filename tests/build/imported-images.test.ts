// Images the importer downloads are optimised by Astro like any local image: the built article serves its own copies
// (under /_astro/, with sizes), and no image on the page is loaded from the outlet's server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { localiseImages } from '../../tools/ingest/images/localise';
import { writePlannedFiles } from '../../tools/ingest/write-files';
import { ARTICLE_PATH, planWith, sampleImage } from '../ingest/image-samples';
import {
  astroBuildInto,
  type BuildResult,
  projectOutputFolder,
  readPage,
  temporaryFolder,
  writeFiles,
} from '../support/build';

const LEAD = {
  src: 'https://cdn.islandtimes.example/ferry.jpg',
  alt: 'The ferry Ariadne at the quay',
  credit: 'Maria Papadaki',
};
const BODY_URL = 'https://cdn.islandtimes.example/quay.png';
const BODY_ALT = 'Passengers waiting on the quay';

let build: BuildResult;
let written: string;

beforeAll(async () => {
  const images: Record<string, Uint8Array> = {
    [LEAD.src]: await sampleImage('jpeg', 1200, 800, { r: 30, g: 80, b: 140 }),
    [BODY_URL]: await sampleImage('png', 800, 500, { r: 200, g: 180, b: 40 }),
  };
  const plan = await localiseImages(
    planWith(
      `The strike ended on Thursday morning, and the first ferries left Piraeus shortly after eight.\n\n![${BODY_ALT}](${BODY_URL})\n\nThousands of travellers had waited in the port for three days.`,
      LEAD,
    ),
    {
      remote: false,
      download: async (url) => {
        const bytes = images[url];
        if (!bytes) throw new Error(`${url} is not one of this test's images`);
        return bytes;
      },
    },
  );
  const content = temporaryFolder('imported-images');
  // planWith's article credits Reuters (via), which the content folder must know.
  writeFiles(content, { 'sources/reuters.yaml': "name: 'Reuters'\nurl: 'https://www.reuters.com/'\n" });
  writePlannedFiles(content, [...plan.assets, ...plan.files]);
  written = plan.files.find((file) => file.path === ARTICLE_PATH)?.contents ?? '';
  for (const asset of plan.assets) expect(existsSync(join(content, asset.path))).toBe(true);
  build = await astroBuildInto(content, projectOutputFolder());
});

/** Every `<img>` of a built page. */
function images(html: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html), 'element', (node) => {
    if (node.tagName === 'img') found.push(node);
  });
  return found;
}

const attribute = (element: Element, name: string) => {
  const value = element.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined ? undefined : String(value);
};

describe('an imported article with downloaded images builds with optimised local images', () => {
  it('the article file points at its images relatively, and the site builds', () => {
    expect(written).toMatch(/\n {2}src: '\.\/ferry-strike-ends\/[0-9a-f]{16}\.jpg'\n/);
    expect(written).toMatch(new RegExp(`!\\[${BODY_ALT}\\]\\(\\./ferry-strike-ends/[0-9a-f]{16}\\.png\\)`));
    expect(build.output).not.toMatch(/\berror\b/i);
    expect(build.code).toBe(0);
  });

  it("shows the lead and the body image as Astro's optimised copies under /_astro/, with width and height", () => {
    const html = readPage(build.outDir, '/articles/2024/05/ferry-strike-ends/');
    const shown = images(html);
    for (const [alt, width, height] of [
      [LEAD.alt, 1200, 800],
      [BODY_ALT, 800, 500],
    ] as const) {
      const image = shown.find((element) => attribute(element, 'alt') === alt);
      expect(image, `no <img alt="${alt}">`).toBeDefined();
      if (!image) continue;
      // Converted to WebP (the downloads were JPEG and PNG): Astro's image service processed them.
      expect(attribute(image, 'src')).toMatch(/^\/_astro\/[^/]+\.webp$/);
      expect(Number(attribute(image, 'width'))).toBe(width);
      expect(Number(attribute(image, 'height'))).toBe(height);
      // Responsive: a srcset of local copies, the widest one the image's own width (astro.config.mjs, image.layout).
      const srcset = (attribute(image, 'srcSet') ?? '').split(',').map((candidate) => candidate.trim());
      for (const candidate of srcset) expect(candidate).toMatch(/^\/_astro\/\S+ \d+w$/);
      expect(srcset.at(-1)).toMatch(new RegExp(` ${width}w$`));
    }
  });

  it('loads no image from another host', () => {
    const html = readPage(build.outDir, '/articles/2024/05/ferry-strike-ends/');
    expect(html).not.toContain('cdn.islandtimes.example');
    const sources = images(html).flatMap((image) => [
      attribute(image, 'src') ?? '',
      ...(attribute(image, 'srcSet') ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''),
    ]);
    expect(sources.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    for (const source of sources.filter(Boolean)) expect(source).toMatch(/^\/(?!\/)/);
  });
});
