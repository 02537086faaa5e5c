import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Pagination from '@/components/Pagination.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

function render(props: { current?: number; newer?: string; older?: string }): Promise<string> {
  return container.renderToString(Pagination, { props });
}

describe('Pagination', () => {
  it('renders nothing for a listing of one page', async () => {
    expect((await render({})).trim()).toBe('');
  });

  it('on the head links only to older items and shows no number', async () => {
    const html = await render({ older: '/page/2/' });
    expect(html).toContain('aria-label="Pages"');
    expect(html).not.toContain('Page ');
    expect(html).toMatch(/<a href="\/page\/2\/" rel="next"[^>]*>Older/);
    expect(html).not.toContain('rel="prev"');
  });

  it('in the middle links both ways and names the page', async () => {
    const html = await render({ current: 2, newer: '/', older: '/page/1/' });
    expect(html).toContain('Page 2<');
    expect(html).toMatch(/<a href="\/" rel="prev"[^>]*>.*Newer<\/a>/);
    expect(html).toMatch(/<a href="\/page\/1\/" rel="next"[^>]*>Older/);
  });

  it('on page 1, the oldest, links only to newer items', async () => {
    const html = await render({ current: 1, newer: '/page/2/' });
    expect(html).toContain('Page 1<');
    expect(html).toMatch(/<a href="\/page\/2\/" rel="prev"/);
    expect(html).not.toContain('rel="next"');
  });

  it('hides the arrows from assistive technology', async () => {
    const html = await render({ current: 2, newer: '/', older: '/page/1/' });
    expect(html).toMatch(/<span aria-hidden="true"[^>]*><span class="arrow"[^>]*>←<\/span> <\/span>Newer/);
    expect(html).toMatch(/Older<span aria-hidden="true"[^>]*> <span class="arrow"[^>]*>→<\/span><\/span>/);
  });
});
