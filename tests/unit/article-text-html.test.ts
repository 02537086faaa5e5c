import { describe, expect, it } from 'vitest';
import { excerptFromHtml } from '@/lib/excerpt';
import { searchableLead } from '@/lib/search/search-text';

// Reading a summary and a search lead from rendered HTML, in the awkward places: a `</p>` inside an attribute, a
// word split by an element, entities and `>` in text.

const words = (count: number, prefix = 'w') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`).join(' ');

describe('excerptFromHtml', () => {
  it('is not fooled by a </p> inside an attribute value', () => {
    expect(excerptFromHtml('<p>Start <a title="x</p>y" href="/a">link</a> end.</p><p>Second.</p>')).toBe(
      'Start link end.',
    );
  });
  it('finds the first paragraph after many empty ones and other blocks', () => {
    const html = `${'<p></p>'.repeat(100)}<ul><li><p>In a list.</p></li></ul><figure><p>Caption-like.</p></figure><p>The lead.</p>`;
    expect(excerptFromHtml(html)).toBe('The lead.');
  });
  it('gives the same summary as before for a long first paragraph', () => {
    expect(excerptFromHtml(`<p>${words(100)}</p><p>${words(10, 'x')}</p>`)).toBe(
      `${words(100).slice(0, 278).replace(/ \S*$/, '')}…`,
    );
  });
});

describe('searchableLead', () => {
  it('does not count a word cut at the end of a prefix', () => {
    // The prefix is cut after the ">" inside the title attribute, between "hello" and "world".
    const html = `<p>${words(199)} hello<a title="x > y" href="/a">world</a> after.</p>`;
    expect(searchableLead(html, 200).split(' ').at(-1)).toBe('helloworld');
  });
  it('reads past the first prefix when the lead is longer, across blocks', () => {
    const html = Array.from({ length: 40 }, (_, index) => `<p>${words(10, `p${index}-`)}</p>`).join('');
    const lead = searchableLead(html, 200).split(' ');
    expect(lead).toHaveLength(200);
    expect(lead.at(-1)).toBe('p19-9');
  });
  it('keeps a > in text and entities intact', () => {
    expect(searchableLead(`<p>a &gt; b > c &amp; d ${words(300)}</p>`, 6)).toBe('a > b > c &');
  });
});
