import { describe, expect, it } from 'vitest';
import { excerptFromHtml } from '@/lib/excerpt';
import { closedWithin, readHtmlPrefix } from '@/lib/html-prefix';
import { searchableLead } from '@/lib/search/search-text';

// Both readers parse only a prefix of an article's HTML; these cases cut it in the awkward places.

const words = (count: number, prefix = 'w') => Array.from({ length: count }, (_, index) => `${prefix}${index}`).join(' ');

describe('readHtmlPrefix', () => {
  it('asks for longer prefixes until the reader is satisfied, ending with the whole document', () => {
    const html = '<p>a</p><p>b</p><p>c</p><p>d</p>';
    const seen: string[] = [];
    const result = readHtmlPrefix(html, { firstLength: 0, cutAfter: '</p>' }, ({ source, whole }) => {
      seen.push(source);
      return whole ? 'done' : undefined;
    });
    expect(result).toBe('done');
    expect(seen[0]).toBe('<p>a</p>');
    // Each prefix but the whole document is at least twice the last, so a document costs at most about two full parses.
    for (let index = 1; index < seen.length - 1; index += 1) expect(seen[index]!.length).toBeGreaterThanOrEqual(2 * seen[index - 1]!.length);
    expect(seen.at(-1)).toBe(html);
  });
  it('fails loudly when the reader returns nothing for the whole document', () => {
    expect(() => readHtmlPrefix('<p>a</p>', { firstLength: 0, cutAfter: '</p>' }, () => undefined)).toThrow(/whole document/);
  });
});

describe('closedWithin', () => {
  it('tells an element closed by its end tag from one cut off at the end of the prefix', () => {
    const closed = readHtmlPrefix('<p>abc</p>', { firstLength: 0, cutAfter: '</p>' }, ({ tree, source }) => closedWithin(tree.children[0] as never, source));
    const cut = readHtmlPrefix('<p>abc <a title="x', { firstLength: 0, cutAfter: '</p>' }, ({ tree, source }) => closedWithin(tree.children[0] as never, source));
    expect(closed).toBe(true);
    expect(cut).toBe(false);
  });
});

describe('excerptFromHtml on a prefix', () => {
  it('is not fooled by a </p> inside an attribute value', () => {
    expect(excerptFromHtml('<p>Start <a title="x</p>y" href="/a">link</a> end.</p><p>Second.</p>')).toBe('Start link end.');
  });
  it('finds the first paragraph after many empty ones and other blocks', () => {
    const html = `${'<p></p>'.repeat(100)}<ul><li><p>In a list.</p></li></ul><figure><p>Caption-like.</p></figure><p>The lead.</p>`;
    expect(excerptFromHtml(html)).toBe('The lead.');
  });
  it('gives the same summary as before for a long first paragraph', () => {
    expect(excerptFromHtml(`<p>${words(100)}</p><p>${words(10, 'x')}</p>`)).toBe(`${words(100).slice(0, 278).replace(/ \S*$/, '')}…`);
  });
});

describe('searchableLead on a prefix', () => {
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
