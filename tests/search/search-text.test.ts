import { describe, expect, it } from 'vitest';
import { searchableLead } from '@/lib/search/search-text';

describe('searchableLead', () => {
  it('keeps words of separate blocks apart and decodes entities', () => {
    expect(searchableLead('<p>End.</p><p>Next &amp; <em>more</em></p><ul><li>one</li><li>two</li></ul>')).toBe(
      'End. Next & more one two',
    );
  });
  it('stops after the word budget', () => {
    const html = `<p>${Array.from({ length: 50 }, (_, index) => `w${index}`).join(' ')}</p>`;
    expect(searchableLead(html, 3)).toBe('w0 w1 w2');
    expect(searchableLead(html).split(' ')).toHaveLength(50);
  });
  it('keeps inline markup inside a word together', () => {
    expect(searchableLead('<p>re<strong>mark</strong>able</p>')).toBe('remarkable');
  });
});
