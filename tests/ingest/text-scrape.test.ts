import { describe, expect, it } from 'vitest';
import {
  dropBoilerplate,
  mendScrapeGlitches,
  paragraphsToMarkdown,
  readTextScrape,
  scrapeBlocks,
} from '../../tools/ingest/text-scrape';

const paragraph = (n: number) =>
  `Paragraph ${n} is a full sentence of article text, long enough to be read as body text rather than as a header line of the scrape.`;

describe('mendScrapeGlitches', () => {
  it('puts back the space a scraper lost between a reporting verb and "that"', () => {
    expect(mendScrapeGlitches('The Guardian notesthat, according to him')).toBe(
      'The Guardian notes that, according to him',
    );
    expect(mendScrapeGlitches('The ministry saysthat the projects')).toBe('The ministry says that the projects');
  });

  it('leaves real words and other text alone', () => {
    const text = 'Thatcher said that the bathhouse notes that... NATO. membership stays as the source wrote it.';
    expect(mendScrapeGlitches(text)).toBe(text);
    expect(mendScrapeGlitches('He wrote "Thatcher" twice')).toBe('He wrote "Thatcher" twice');
  });
});

describe('scrapeBlocks', () => {
  it('makes one block per line and joins a hard-wrapped paragraph', () => {
    const text =
      'Headline\n\nThis paragraph was wrapped by the scraper at some width that looked right\nto it, and goes on here.\nNext line.';
    expect(scrapeBlocks(text)).toEqual([
      'Headline',
      'This paragraph was wrapped by the scraper at some width that looked right to it, and goes on here.',
      'Next line.',
    ]);
  });

  it('normalises non-breaking and zero-width spaces', () => {
    expect(scrapeBlocks('A\u00a0B\u200b C')).toEqual(['A B C']);
  });
});

describe('dropBoilerplate', () => {
  it('cuts everything from "Source link", "Share this:" or "Related" after the article starts', () => {
    const blocks = [
      'Headline',
      paragraph(1),
      'Advertisement',
      paragraph(2),
      'Share this:',
      'Click to share on Twitter (Opens in new window)',
      'Related',
      paragraph(3),
    ];
    expect(dropBoilerplate(blocks)).toEqual(['Headline', paragraph(1), paragraph(2)]);
    expect(dropBoilerplate(['Headline', paragraph(1), 'Source link', 'Verified by MonsterInsights'])).toEqual([
      'Headline',
      paragraph(1),
    ]);
  });
});

describe('readTextScrape', () => {
  it('reads date line, outlet, tagline, headline and paragraphs', () => {
    const scrape = readTextScrape(
      [
        'April 19, 2024',
        '',
        'Athens News',
        '',
        'News in English from Greece',
        '',
        'A headline',
        '',
        paragraph(1),
        '',
        paragraph(2),
        '',
        'Source link',
      ].join('\n'),
      { knownOutletNames: ['Athens News'] },
    );
    expect(scrape).toEqual({
      title: 'A headline',
      date: { iso: '2024-04-19', dateOnly: true },
      outletName: 'Athens News',
      tagline: 'News in English from Greece',
      authors: [],
      paragraphs: [paragraph(1), paragraph(2)],
    });
  });

  it('reads a byline and a date under the headline', () => {
    const scrape = readTextScrape(
      [
        'Reuters',
        'A headline',
        'By Ann Smith and Bo Lee',
        'Published on 5 November 2024',
        paragraph(1),
        paragraph(2),
      ].join('\n'),
    );
    expect(scrape).toMatchObject({
      title: 'A headline',
      outletName: 'Reuters',
      authors: ['Ann Smith', 'Bo Lee'],
      date: { iso: '2024-11-05' },
    });
  });

  it('rejects text that is not an article', () => {
    expect(() => readTextScrape('name,price\napples,3\npears,4\n')).toThrow(/no article text found/);
    expect(() => readTextScrape(`Headline\n${'x'.repeat(50)} is short.`)).toThrow(/no article text found|too little/);
    expect(() => readTextScrape(`${paragraph(1)}\n${paragraph(2)}`)).toThrow(/no headline found/);
  });
});

describe('paragraphsToMarkdown', () => {
  it('escapes what Markdown would read as syntax, so the text renders as it was', () => {
    expect(paragraphsToMarkdown(['# not a heading', '1. not a list', '<script>alert(1)</script> and *stars*'])).toBe(
      '\\# not a heading\n\n1\\. not a list\n\n\\<script>alert(1)\\</script> and \\*stars\\*',
    );
  });
});
