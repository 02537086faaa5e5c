import { describe, expect, it } from 'vitest';
import { readHtmlPage } from '../../tools/ingest/html-page';
import { splitCaption } from '../../tools/ingest/lead-figure';

const STORY = [
  "The seamen's union ended its strike on Thursday morning after the ministry agreed to review crew numbers on the longer routes, and the first ferries left Piraeus for the Cyclades shortly after eight.",
  'Thousands of travellers had waited for three days in the port, many of them sleeping in the terminal buildings. The ministry said that the review would report by the end of the month.',
]
  .map((text) => `<p>${text}</p>`)
  .join('\n');

/**
 * A saved page whose story opens with `figure` inside its header, where Readability drops it; `head` adds metadata,
 * `before` goes between the headline and the figure.
 */
function page(figure: string, options: { head?: string; before?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta property="og:site_name" content="Island Times">
<meta property="og:url" content="https://islandtimes.example/news/ferry-strike-ends">
<meta property="article:published_time" content="2024-05-02">${options.head ?? ''}
<title>Ferry strike ends after three days</title></head>
<body><article><header><h1>Ferry strike ends after three days</h1>${options.before ?? ''}${figure}</header>
<div class="story-body">${STORY}</div></article></body></html>`;
}

const FIGURE = (alt: string, caption: string, src = '/images/2024/05/ferry-1200x800.jpg') =>
  `<figure><img src="${src}" alt="${alt}"><figcaption>${caption}</figcaption></figure>`;

describe('splitCaption: a caption and its credit', () => {
  it.each([
    ['Boats in Piraeus. Photo: AP', 'Boats in Piraeus.', 'AP'],
    ['Boats in Piraeus. Photograph: Louisa Gouliamaki/Reuters', 'Boats in Piraeus.', 'Louisa Gouliamaki/Reuters'],
    ['Η Γαύδος τον Μάιο. Φωτογραφία: Eurokinissi', 'Η Γαύδος τον Μάιο.', 'Eurokinissi'],
    ['Boats in Piraeus (Photo: AP)', 'Boats in Piraeus', 'AP'],
    ['Boats in Piraeus | Photos: AP', 'Boats in Piraeus', 'AP'],
    ['Photograph: AP', '', 'AP'],
    ['Photo opportunities at the quay', 'Photo opportunities at the quay', undefined],
    ['Tourists take a photo: the queue was long', 'Tourists take a photo: the queue was long', undefined],
  ])('%j gives %j and %j', (caption, text, credit) => {
    expect(splitCaption(caption)).toEqual({ text, credit });
  });
});

describe('the figure a story opens with becomes the lead image', () => {
  it("takes src, alt and the caption's credit, and notes the rest of the caption rather than losing it", () => {
    const draft = readHtmlPage(
      page(FIGURE('The ferry Ariadne at the quay', 'Passengers board the first sailing. Photo: Maria Papadaki')),
    );
    expect(draft.image).toEqual({
      src: 'https://islandtimes.example/images/2024/05/ferry-1200x800.jpg',
      alt: 'The ferry Ariadne at the quay',
      credit: 'Maria Papadaki',
    });
    expect(draft.notes).toContain(
      'the lead image\'s caption is not in the article: "Passengers board the first sailing." (its alt text says "The ferry Ariadne at the quay"). Add the caption to the text if it matters.',
    );
    expect(draft.body).not.toContain('ferry-1200x800');
    expect(draft.body).toMatch(/^The seamen's union/);
  });

  it('uses the caption as alt text when the image has none, with no note', () => {
    const draft = readHtmlPage(page(FIGURE('', 'Η Αριάδνη στον Πειραιά. Φωτογραφία: Eurokinissi')));
    expect(draft.image).toEqual({
      src: 'https://islandtimes.example/images/2024/05/ferry-1200x800.jpg',
      alt: 'Η Αριάδνη στον Πειραιά.',
      credit: 'Eurokinissi',
    });
    expect(draft.notes).toEqual([]);
  });

  it('is left out, with the usual note, when it has neither alt text nor a caption beyond its credit', () => {
    const draft = readHtmlPage(page(FIGURE('', 'Photograph: AP')));
    expect(draft.image).toBeUndefined();
    expect(draft.notes).toEqual([
      'left out the lead image https://islandtimes.example/images/2024/05/ferry-1200x800.jpg: the page gives it no alt text (add image: { src, alt } by hand).',
    ]);
  });

  it("adds its alt and credit to the metadata's lead image when that is the same picture in another size", () => {
    const draft = readHtmlPage(
      page(FIGURE('The ferry Ariadne at the quay', 'Photo: Maria Papadaki'), {
        head: '<meta property="og:image" content="https://islandtimes.example/images/2024/05/ferry.jpg">',
      }),
    );
    expect(draft.image).toEqual({
      src: 'https://islandtimes.example/images/2024/05/ferry.jpg',
      alt: 'The ferry Ariadne at the quay',
      credit: 'Maria Papadaki',
    });
  });

  it("keeps the metadata's own credit and alt text over the figure's", () => {
    const draft = readHtmlPage(
      page(FIGURE('A ferry', 'Photo: Maria Papadaki'), {
        head: `<meta property="og:image" content="https://islandtimes.example/images/2024/05/ferry.jpg">
<script type="application/ld+json">{"@type":"NewsArticle","image":{"@type":"ImageObject","url":"https://islandtimes.example/images/2024/05/ferry.jpg","caption":"The ferry Ariadne","creditText":"Island Times"}}</script>`,
      }),
    );
    expect(draft.image).toEqual({
      src: 'https://islandtimes.example/images/2024/05/ferry.jpg',
      alt: 'The ferry Ariadne',
      credit: 'Island Times',
    });
  });

  it('is not used when the metadata names a different picture', () => {
    const draft = readHtmlPage(
      page(FIGURE('The ferry Ariadne at the quay', 'Photo: Maria Papadaki'), {
        head: '<meta property="og:image" content="https://islandtimes.example/images/2024/05/port-map.jpg"><meta property="og:image:alt" content="A map of the port">',
      }),
    );
    expect(draft.image).toEqual({
      src: 'https://islandtimes.example/images/2024/05/port-map.jpg',
      alt: 'A map of the port',
    });
  });

  it('is not a lead figure when a paragraph of the story comes before it', () => {
    const draft = readHtmlPage(
      page(FIGURE('The ferry Ariadne at the quay', 'Photo: Maria Papadaki'), {
        before:
          '<p>The strike that stranded thousands of travellers in Piraeus for three days ended on Thursday morning.</p>',
      }),
    );
    expect(draft.image).toBeUndefined();
  });

  it('needs an https: image: an http: one is not a lead image', () => {
    const draft = readHtmlPage(page(FIGURE('The ferry', 'Photo: AP', 'http://insecure.example/ferry.jpg')));
    expect(draft.image).toBeUndefined();
  });
});
