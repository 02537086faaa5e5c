import { describe, expect, it } from 'vitest';
import { assertSafe, parseHtml, renderError, renderHtml, textOf } from '../markdown/helpers';
import { bodyWithVector, markdownVectors, textAround } from './markdown-vectors';

// Every body vector through the site's real Markdown processor, alone and between two harmless paragraphs. The
// vectors that render are also built into a real site by hostile-site.test.ts and loaded in Chromium by
// tests/e2e/hostile-site.test.ts.

const rendered = markdownVectors.filter((vector) => !vector.rejected);
const rejected = markdownVectors.filter((vector) => vector.rejected);
const named = (vectors: readonly (typeof markdownVectors)[number][]) =>
  vectors.map((vector) => [`${vector.corpus}: ${vector.origin}`, vector] as const);

describe('attack corpus: article bodies through the real Markdown pipeline', () => {
  it('has 174 vectors, 165 that render and 9 that are refused, each from a named corpus entry and each distinct', () => {
    expect(markdownVectors).toHaveLength(174);
    expect(rendered).toHaveLength(165);
    expect(rejected).toHaveLength(9);
    expect(new Set(markdownVectors.map((vector) => vector.markdown)).size).toBe(markdownVectors.length);
    for (const vector of markdownVectors) expect(vector.origin.length).toBeGreaterThan(3);
    // The vectors that take the rest of the body with them (an unclosed <script>, <select>, <plaintext>, ...).
    expect(rendered.filter((vector) => vector.swallowsRest)).toHaveLength(8);
  });

  it.each(named(rendered))('%s renders safely', async (_name, vector) => {
    assertSafe(await renderHtml(vector.markdown), { hiddenText: vector.hidden ?? [] });
  });

  it.each(named(rendered))('%s renders safely between two paragraphs, which stay', async (_name, vector) => {
    const index = markdownVectors.indexOf(vector);
    const html = await renderHtml(bodyWithVector(vector, index));
    assertSafe(html, { hiddenText: vector.hidden ?? [] });
    const text = textOf(parseHtml(html));
    const { before, after } = textAround(index);
    expect(text).toContain(before);
    if (vector.swallowsRest) expect(text).not.toContain(after);
    else expect(text).toContain(after);
  });

  it.each(named(rejected))('%s is refused, naming the file', async (_name, vector) => {
    expect(await renderError(vector.markdown)).toMatch(
      /content\/articles\/2024\/04\/story\.md:\d+:\d+: (image|HTML <img> src|link) "/,
    );
  });
});
