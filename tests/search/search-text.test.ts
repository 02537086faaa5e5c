import { describe, expect, it } from 'vitest';
import { ARTICLE_TEXT_KEY } from '@/lib/article-text';
import { searchableLead } from '@/lib/search/search-text';
import { renderMarkdown } from '../markdown/helpers';

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

  it('holds the first 200 words of a long body, across paragraphs, as the pipeline stores it', async () => {
    // 300 words, w1 to w300, in ten paragraphs of thirty.
    const paragraphs = Array.from({ length: 10 }, (_, paragraph) =>
      Array.from({ length: 30 }, (_, word) => `w${paragraph * 30 + word + 1}`).join(' '),
    );
    const { metadata } = await renderMarkdown(paragraphs.join('\n\n'));
    const lead = (metadata.frontmatter[ARTICLE_TEXT_KEY] as { searchLead: string }).searchLead;
    const words = lead.split(' ');
    expect(words).toHaveLength(200);
    expect(words.slice(0, 3)).toEqual(['w1', 'w2', 'w3']);
    expect(words.slice(-2)).toEqual(['w199', 'w200']);
    expect(words).toContain('w150');
    expect(words).not.toContain('w201');
    expect(words).not.toContain('w250');
  });
});
