import { describe, expect, it } from 'vitest';
import { excerptFromHtml, shorten } from '@/lib/excerpt';

describe('excerptFromHtml', () => {
  it('takes the plain text of the first non-empty paragraph, decoding entities', () => {
    expect(excerptFromHtml('<h2>Head</h2><p></p><p>First &amp; <em>best</em>.</p><p>Second.</p>')).toBe(
      'First & best.',
    );
  });
  it('looks inside a lead quote', () => {
    expect(excerptFromHtml('<blockquote><p>Quoted.</p></blockquote><p>After.</p>')).toBe('Quoted.');
  });
  it('returns an empty string when there is no paragraph', () => {
    expect(excerptFromHtml('<ul><li>x</li></ul>')).toBe('');
  });
});

describe('shorten', () => {
  it('cuts at a word boundary and adds an ellipsis', () => {
    expect(shorten('one two three four', 12)).toBe('one two…');
    expect(shorten('  short  text ', 50)).toBe('short text');
  });
});
