import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import BaseLayout from '@/layouts/BaseLayout.astro';

// siteConfig.reader.enabled turns the whole reader layer off (docs/reader.md): no script, no settings, no dialog.
const reader = vi.hoisted(() => ({ enabled: true }));
vi.mock('@/site.config', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/site.config')>();
  return {
    siteConfig: {
      ...original.siteConfig,
      get reader() {
        return { ...original.siteConfig.reader, enabled: reader.enabled };
      },
    },
  };
});

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (props: Record<string, unknown> = {}) =>
  container.renderToString(BaseLayout, { props, slots: { default: '<p>Hi</p>' } });

describe('the reader layer switch', () => {
  it('on: the module script in <head>, the settings hidden until the script shows them, the shortcuts dialog', async () => {
    reader.enabled = true;
    const html = await render();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toMatch(/<script type="module" src="[^"]*ReaderScript[^"]*"><\/script>/);
    expect(html).toMatch(/<section[^>]*aria-label="Reading settings"[^>]*\shidden[\s>]/);
    expect(html).toMatch(/data-worker="\/sw\.js"/);
    expect(html).toContain('<dialog class="key-help"');
    expect(html).not.toMatch(/\son[a-z]+=/);
    expect(html).not.toContain('data-reader-page');
    expect(await render({ article: { publishedTime: '2024-04-19', section: 'x', tags: [] } })).toContain(
      'data-reader-page="article"',
    );
  });

  it('off: no script, no settings, no dialog, no worker', async () => {
    reader.enabled = false;
    const html = await render({ article: { publishedTime: '2024-04-19', section: 'x', tags: [] } });
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(html).not.toContain('Reading settings');
    expect(html).not.toContain('<dialog');
    expect(html).not.toContain('sw.js');
    expect(html).not.toContain('data-reader-page');
  });
});
