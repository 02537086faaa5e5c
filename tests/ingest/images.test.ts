import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { splitMarkdown } from '../../src/lib/frontmatter';
import { ImportError } from '../../tools/ingest/errors';
import { splitArticleParts, withLeadImageSource } from '../../tools/ingest/images/front-matter-image';
import { imageMediaType, inspectImage, MAX_IMAGE_BYTES } from '../../tools/ingest/images/inspect';
import { localiseImages } from '../../tools/ingest/images/localise';
import { findBodyImages } from '../../tools/ingest/images/markdown-images';
import type { ImageDownloader } from '../../tools/ingest/images/types';
import { ARTICLE_PATH, planWith, pngClaiming, SAMPLE_SVG, sampleImage } from './image-samples';

const LEAD = {
  src: 'https://cdn.islandtimes.example/lead.jpg',
  alt: 'The ferry at the quay',
  credit: 'Maria Papadaki',
};

/** A downloader serving fixed bytes by URL (anything else fails as a 404 would), counting its calls. */
function serving(table: Readonly<Record<string, Uint8Array | Error>>): ImageDownloader & { calls: string[] } {
  const calls: string[] = [];
  const download = async (url: string) => {
    calls.push(url);
    const entry = table[url];
    if (entry instanceof Error) throw entry;
    if (!entry) throw new Error(`${url} answered 404 Not Found.`);
    return entry;
  };
  return Object.assign(download, { calls });
}

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

function article(plan: Awaited<ReturnType<typeof localiseImages>>) {
  const file = plan.files.find((planned) => planned.path === ARTICLE_PATH);
  if (!file) throw new Error('the plan has no article');
  return { contents: file.contents, ...splitMarkdown(file.contents) };
}

describe('inspectImage: what a download is, from its bytes', () => {
  it.each([
    ['png', 'png', 'image/png'],
    ['jpeg', 'jpg', 'image/jpeg'],
    ['webp', 'webp', 'image/webp'],
    ['gif', 'gif', 'image/gif'],
    ['avif', 'avif', 'image/avif'],
  ] as const)(
    'copies %s as .%s (%s), with its size and the first 16 hex digits of its SHA-256',
    async (format, ext, type) => {
      const bytes = await sampleImage(format, 40, 30);
      expect(await inspectImage(bytes)).toEqual({
        kind: 'picture',
        ext,
        mediaType: type,
        width: 40,
        height: 30,
        hash: hashOf(bytes),
      });
    },
  );

  it('refuses SVG, which can carry scripts, even though it is an image', async () => {
    const inspected = await inspectImage(SAMPLE_SVG);
    expect(inspected).toEqual({ kind: 'refused', reason: expect.stringMatching(/^it is an SVG image/) });
  });

  it('refuses other files (a PDF, HTML) and names their type when it is known', async () => {
    expect(await inspectImage(new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj'))).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('application/pdf'),
    });
    expect(await inspectImage(new TextEncoder().encode('<!doctype html><title>Not found</title>'))).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('not an image file the importer recognises'),
    });
  });

  it('refuses a decompression bomb by the pixels its header claims, before decoding it', async () => {
    expect(await inspectImage(await pngClaiming(100_000, 100_000))).toEqual({
      kind: 'refused',
      reason: 'it has more than 50,000,000 pixels.',
    });
  });

  it('refuses an image whose header is fine but whose pixels are not there (Astro would fail on it)', async () => {
    expect(await inspectImage(await pngClaiming(3000, 2000))).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/^its PNG data cannot be read/),
    });
  });

  it('refuses more than 5 MiB', async () => {
    expect(await inspectImage(new Uint8Array(MAX_IMAGE_BYTES + 1))).toMatchObject({
      kind: 'refused',
      reason: 'it is 5,242,881 bytes, and the importer copies images up to 5 MiB.',
    });
  });

  it('calls images of at most 2×2 pixels tracking pixels, and 3×1 a picture', async () => {
    expect(await inspectImage(await sampleImage('gif', 1, 1))).toEqual({ kind: 'pixel', width: 1, height: 1 });
    expect(await inspectImage(await sampleImage('png', 2, 2))).toEqual({ kind: 'pixel', width: 2, height: 2 });
    expect(await inspectImage(await sampleImage('png', 3, 1))).toMatchObject({ kind: 'picture' });
  });

  it('gives the media type of the files it names', () => {
    expect(imageMediaType('articles/2024/05/a/0123456789abcdef.jpg')).toBe('image/jpeg');
    expect(imageMediaType('articles/2024/05/a/0123456789abcdef.avif')).toBe('image/avif');
    expect(imageMediaType('articles/2024/05/a.md')).toBeUndefined();
  });
});

describe('findBodyImages: the images of a Markdown body, by parsing it', () => {
  it('finds inline images where they are written, and leaves code alone', () => {
    const body = [
      'Text with ![an inline picture](https://a.example/one.png) in it.',
      '',
      '```',
      '![not an image](https://a.example/code.png)',
      '```',
      '',
      'And `![code span](https://a.example/span.png)` too.',
      '',
      '[![linked](https://a.example/two.png "A title")](https://a.example/page)',
      '',
      '| photo |',
      '| --- |',
      '| ![in a table](https://a.example/three.png) |',
    ].join('\n');
    const found = findBodyImages(body);
    expect(found.map((image) => image.url)).toEqual([
      'https://a.example/one.png',
      'https://a.example/two.png',
      'https://a.example/three.png',
    ]);
    for (const image of found) expect(body.slice(image.start, image.end)).toMatch(/^!\[.*\)$/);
    expect(found[1]).toMatchObject({ alt: 'linked', title: 'A title' });
    // The linked image is the link's only content: dropping it drops the whole paragraph, link and all.
    expect(body.slice(found[1]!.removeStart, found[1]!.removeEnd)).toBe(
      '[![linked](https://a.example/two.png "A title")](https://a.example/page)\n\n',
    );
    // An image inside a sentence goes alone.
    expect(body.slice(found[0]!.removeStart, found[0]!.removeEnd)).toBe(
      '![an inline picture](https://a.example/one.png)',
    );
  });
});

describe('the front matter of an article', () => {
  const contents = planWith('Body.', LEAD).files[1]!.contents;

  it('splits where the front matter ends, and rewrites or removes only the image block', () => {
    const parts = splitArticleParts(contents)!;
    expect(parts.header + parts.body).toBe(contents);
    expect(parts.header).toMatch(/^---\n[\s\S]*\n---\n$/);
    const moved = withLeadImageSource(parts.header, "./ferry-strike-ends/it's.png")!;
    expect(splitMarkdown(`${moved}\nBody.\n`).data['image']).toEqual({ ...LEAD, src: "./ferry-strike-ends/it's.png" });
    const removed = withLeadImageSource(parts.header, undefined)!;
    const data = splitMarkdown(`${removed}\nBody.\n`).data;
    expect(data['image']).toBeUndefined();
    expect(data['title']).toBe('Ferry strike ends');
    expect(data['via']).toEqual(['reuters']);
  });

  it('gives up rather than guessing when there is no image block', () => {
    expect(withLeadImageSource(splitArticleParts(planWith('Body.').files[1]!.contents)!.header, './x.png')).toBe(
      undefined,
    );
  });
});

describe('localiseImages', () => {
  it('downloads the lead image and each body image once, plans them beside the article, and points to them', async () => {
    const lead = await sampleImage('jpeg', 60, 40);
    const body = await sampleImage('png', 30, 20);
    const download = serving({ [LEAD.src]: lead, 'https://cdn.islandtimes.example/quay.png': body });
    const plan = planWith(
      [
        'The strike ended on Thursday.',
        '',
        '![Passengers at the quay](https://cdn.islandtimes.example/quay.png)',
        '',
        'The same picture again: ![again](https://cdn.islandtimes.example/quay.png) and the lead ![lead](https://cdn.islandtimes.example/lead.jpg).',
      ].join('\n'),
      LEAD,
    );
    const localised = await localiseImages(plan, { remote: false, download });
    expect(download.calls).toEqual([LEAD.src, 'https://cdn.islandtimes.example/quay.png']);
    const leadName = `${hashOf(lead)}.jpg`;
    const bodyName = `${hashOf(body)}.png`;
    expect(localised.assets).toEqual([
      { path: `articles/2024/05/ferry-strike-ends/${leadName}`, contents: lead },
      { path: `articles/2024/05/ferry-strike-ends/${bodyName}`, contents: body },
    ]);
    const { data, body: text } = article(localised);
    expect(data['image']).toEqual({ ...LEAD, src: `./ferry-strike-ends/${leadName}` });
    expect(text).toBe(
      [
        'The strike ended on Thursday.',
        '',
        `![Passengers at the quay](./ferry-strike-ends/${bodyName})`,
        '',
        `The same picture again: ![again](./ferry-strike-ends/${bodyName}) and the lead ![lead](./ferry-strike-ends/${leadName}).`,
      ].join('\n'),
    );
    expect(localised.notes).toEqual(plan.notes);
    // The other files (the new source) and the rest of the plan are as they were.
    expect(localised.files[0]).toBe(plan.files[0]);
    expect(localised.article).toBe(plan.article);
  });

  it('keeps an image that cannot be copied at its address, with a note naming it and why', async () => {
    const svg = 'https://cdn.islandtimes.example/map.svg';
    const missing = 'https://cdn.islandtimes.example/gone.jpg';
    const download = serving({ [svg]: SAMPLE_SVG });
    const plan = planWith(`A map:\n\n![The route](${svg})\n\n![Gone](${missing})`, LEAD);
    const localised = await localiseImages(plan, { remote: false, download });
    expect(localised.assets).toEqual([]);
    const { data, body } = article(localised);
    expect(data['image']).toEqual(LEAD);
    expect(body).toBe(`A map:\n\n![The route](${svg})\n\n![Gone](${missing})`);
    expect(localised.notes.slice(plan.notes.length)).toEqual([
      expect.stringMatching(
        /^kept the remote image https:\/\/cdn\.islandtimes\.example\/lead\.jpg: https:\/\/cdn\.islandtimes\.example\/lead\.jpg answered 404 Not Found\. /,
      ),
      expect.stringMatching(/^kept the remote image https:\/\/cdn\.islandtimes\.example\/map\.svg: it is an SVG image/),
      expect.stringMatching(/^kept the remote image https:\/\/cdn\.islandtimes\.example\/gone\.jpg: .*404 Not Found/),
    ]);
  });

  it('removes tracking pixels: a body pixel with its paragraph, a lead pixel with the whole image field', async () => {
    const pixel = await sampleImage('gif', 1, 1);
    const download = serving({
      [LEAD.src]: pixel,
      'https://stats.example/p.gif': pixel,
      'https://stats.example/q.gif': await sampleImage('png', 2, 2),
    });
    const plan = planWith(
      'First paragraph.\n\n![](https://stats.example/p.gif)\n\nSecond ![](https://stats.example/q.gif) paragraph.',
      LEAD,
    );
    const localised = await localiseImages(plan, { remote: false, download });
    const { data, body, contents } = article(localised);
    expect(data['image']).toBeUndefined();
    expect(contents).not.toContain('image:');
    expect(body).toBe('First paragraph.\n\nSecond  paragraph.');
    expect(localised.assets).toEqual([]);
    expect(localised.notes.slice(plan.notes.length)).toEqual([
      'left out the lead image https://cdn.islandtimes.example/lead.jpg: it is 1×1 pixels, a tracking pixel rather than a picture (add image: { src, alt } by hand if the story has one).',
      'removed the image https://stats.example/p.gif from the text: it is 1×1 pixels, a tracking pixel rather than a picture.',
      'removed the image https://stats.example/q.gif from the text: it is 2×2 pixels, a tracking pixel rather than a picture.',
    ]);
  });

  it('writes the same bytes once when two addresses serve them', async () => {
    const bytes = await sampleImage('webp');
    const download = serving({ 'https://a.example/1.webp': bytes, 'https://a.example/2.webp': bytes });
    const localised = await localiseImages(
      planWith('![one](https://a.example/1.webp)\n\n![two](https://a.example/2.webp)'),
      { remote: false, download },
    );
    expect(localised.assets.map((asset) => asset.path)).toEqual([
      `articles/2024/05/ferry-strike-ends/${hashOf(bytes)}.webp`,
    ]);
    expect(article(localised).body).toBe(
      `![one](./ferry-strike-ends/${hashOf(bytes)}.webp)\n\n![two](./ferry-strike-ends/${hashOf(bytes)}.webp)`,
    );
  });

  it('leaves images that are already local, and non-https ones the importer never writes, alone', async () => {
    const download = serving({});
    const plan = planWith('![local](./ferry-strike-ends/photo.png)\n\n![plain](http://a.example/x.png)', {
      ...LEAD,
      src: './photo.jpg',
    });
    expect(await localiseImages(plan, { remote: false, download })).toBe(plan);
    expect(download.calls).toEqual([]);
  });

  it('with remote: true, downloads nothing and returns the plan unchanged', async () => {
    const download = serving({});
    const plan = planWith('![a](https://a.example/a.png)', LEAD);
    expect(await localiseImages(plan, { remote: true, download })).toBe(plan);
    expect(download.calls).toEqual([]);
  });

  it('keeps alt text and titles that need escaping intact, and the result is a valid article', async () => {
    const bytes = await sampleImage('png');
    const download = serving({ 'https://a.example/b.png': bytes });
    const localised = await localiseImages(
      planWith('![A [bracketed] *alt* \\\\ text](https://a.example/b.png "Say \\"cheese\\"")'),
      { remote: false, download },
    );
    const images = findBodyImages(article(localised).body);
    expect(images).toEqual([
      expect.objectContaining({
        url: `./ferry-strike-ends/${hashOf(bytes)}.png`,
        alt: 'A [bracketed] alt \\ text',
        title: 'Say "cheese"',
      }),
    ]);
  });

  it('refuses, with an ImportError, a front matter whose image it cannot rewrite', async () => {
    const plan = planWith('Body.', LEAD);
    const odd = {
      ...plan,
      files: plan.files.map((file) =>
        file.path === ARTICLE_PATH
          ? {
              ...file,
              contents: file.contents
                .replace(/image:\n {2}src: /, 'image: { src: ')
                .replace(/\n {2}alt: '([^']*)'\n {2}credit: '([^']*)'/, ", alt: '$1', credit: '$2' }"),
            }
          : file,
      ),
    };
    expect(splitMarkdown(odd.files[1]!.contents).data['image']).toEqual(LEAD);
    const download = serving({ [LEAD.src]: await sampleImage('jpeg') });
    await expect(localiseImages(odd, { remote: false, download })).rejects.toThrow(ImportError);
  });
});
