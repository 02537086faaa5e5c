import { describe, expect, it } from 'vitest';
import { assertSafe, renderError, renderHtml } from '../markdown/helpers';
import { markdownVectors } from './markdown-vectors';

// Every body vector through the site's real Markdown processor. The same vectors are built into a real site and
// loaded in Chromium by hostile-site.test.ts.

describe('attack corpus: article bodies through the real Markdown pipeline', () => {
  it('has at least 120 vectors, each from a named corpus entry and each distinct', () => {
    expect(markdownVectors.length).toBeGreaterThanOrEqual(120);
    expect(new Set(markdownVectors.map((vector) => vector.markdown)).size).toBe(markdownVectors.length);
    for (const vector of markdownVectors) expect(vector.origin.length).toBeGreaterThan(3);
  });

  const rendered = markdownVectors.filter((vector) => !vector.rejected);
  const rejected = markdownVectors.filter((vector) => vector.rejected);

  it.each(rendered.map((vector) => [`${vector.corpus}: ${vector.origin}`, vector] as const))(
    '%s renders safely',
    async (_name, vector) => {
      assertSafe(await renderHtml(vector.markdown), { hiddenText: vector.hidden ?? [] });
    },
  );

  it.each(rejected.map((vector) => [`${vector.corpus}: ${vector.origin}`, vector] as const))(
    '%s is refused, naming the file',
    async (_name, vector) => {
      expect(await renderError(vector.markdown)).toMatch(
        /content\/articles\/2024\/04\/story\.md:\d+:\d+: (image|HTML <img> src|link) "/,
      );
    },
  );
});
