import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Pagination from '@/components/Pagination.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

function render(props: { current: number; total: number; newer?: string; older?: string }): Promise<string> {
  return container.renderToString(Pagination, { props });
}

describe('Pagination', () => {
  it('renders nothing for a listing of one page', async () => {
    expect((await render({ current: 1, total: 1 })).trim()).toBe('');
  });

  it('on the first page links only to older items', async () => {
    const html = await render({ current: 1, total: 3, older: '/page/2/' });
    expect(html).toContain('aria-label="Pages"');
    expect(html).toContain('Page 1 of 3');
    expect(html).toMatch(/<a href="\/page\/2\/" rel="next"[^>]*>Older/);
    expect(html).not.toContain('rel="prev"');
  });

  it('in the middle links both ways', async () => {
    const html = await render({ current: 2, total: 3, newer: '/', older: '/page/3/' });
    expect(html).toContain('Page 2 of 3');
    expect(html).toMatch(/<a href="\/" rel="prev"[^>]*>.*Newer<\/a>/);
    expect(html).toMatch(/<a href="\/page\/3\/" rel="next"[^>]*>Older/);
  });

  it('on the last page links only to newer items', async () => {
    const html = await render({ current: 3, total: 3, newer: '/page/2/' });
    expect(html).toContain('Page 3 of 3');
    expect(html).toMatch(/<a href="\/page\/2\/" rel="prev"/);
    expect(html).not.toContain('rel="next"');
  });

  it('hides the arrows from assistive technology', async () => {
    const html = await render({ current: 2, total: 3, newer: '/', older: '/page/3/' });
    expect(html).toMatch(/<span aria-hidden="true"[^>]*><span class="arrow"[^>]*>←<\/span> <\/span>Newer/);
    expect(html).toMatch(/Older<span aria-hidden="true"[^>]*> <span class="arrow"[^>]*>→<\/span><\/span>/);
  });
});
