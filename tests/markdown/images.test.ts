import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleDisplayPath,
  articleFile,
  contentDir,
  elementsByTag,
  renderError,
  renderHtml,
  renderMarkdown,
} from './helpers';

const useInstead = 'Use an https: URL or a path inside content/.';

/** The image placeholders Astro's rehypeImages leaves for local images, decoded (the parser lower-cases the attribute name). */
function astroImagePlaceholders(html: string): unknown[] {
  return elementsByTag(html, 'img').map((img) => JSON.parse(String(img.properties['__astro_image_'])));
}

describe('images that are allowed', () => {
  it('keeps an https image as it is, with its alt text', async () => {
    const { code, metadata } = await renderMarkdown('![A chart of prices](https://images.example/chart.png "Prices")');
    expect(code).toBe('<p><img src="https://images.example/chart.png" alt="A chart of prices" title="Prices"></p>');
    // No `image.domains` are configured, so Astro leaves remote images alone.
    expect(metadata.remoteImagePaths).toEqual([]);
  });

  it('keeps an http image', async () => {
    expect(await renderHtml('![x](http://images.example/a.png)')).toBe(
      '<p><img src="http://images.example/a.png" alt="x"></p>',
    );
  });

  it('hands a relative image inside the content folder to Astro as a local image', async () => {
    const { code, metadata } = await renderMarkdown('![Chart](./chart.png) ![Logo](../../shared/logo.png)');
    expect(metadata.localImagePaths).toEqual(['./chart.png', '../../shared/logo.png']);
    // Astro's rehypeImages swaps the attributes for a placeholder that the content layer later resolves into an optimised image.
    expect(astroImagePlaceholders(code)).toEqual([
      { src: './chart.png', alt: 'Chart', index: 0 },
      { src: '../../shared/logo.png', alt: 'Logo', index: 0 },
    ]);
  });

  it('accepts a path that climbs to the content root but not past it', async () => {
    const { metadata } = await renderMarkdown('![x](../../../shared/x.png)');
    expect(path.resolve(contentDir, path.dirname(articleFile), '../../../shared/x.png')).toBe(
      path.join(contentDir, 'shared/x.png'),
    );
    expect(metadata.localImagePaths).toEqual(['../../../shared/x.png']);
  });

  it('accepts reference-style images and paths with spaces', async () => {
    const { metadata } = await renderMarkdown('![a][logo] ![b](<my photo.png>)\n\n[logo]: ./logo.png');
    expect(metadata.localImagePaths).toEqual(['./logo.png', 'my photo.png']);
  });

  it('keeps a raw HTML <img> inside the folder as plain HTML; Astro does not process it', async () => {
    const { code, metadata } = await renderMarkdown('<img src="./photo.png" alt="Photo">');
    expect(code).toBe('<img src="./photo.png" alt="Photo">');
    expect(metadata.localImagePaths).toEqual([]);
  });

  it('reads a file path given as a plain path as well as a file URL', async () => {
    const pathString = path.join(contentDir, articleFile);
    const { metadata } = await renderMarkdown('![x](./x.png)', { pathString });
    expect(metadata.localImagePaths).toEqual(['./x.png']);
    const message = await renderError('![x](../../../../secret.png)', { pathString });
    expect(message).toContain(`${articleDisplayPath}:1:1: image "../../../../secret.png" leaves the content folder.`);
  });
});

interface RejectedImage {
  readonly name: string;
  readonly markdown: string;
  readonly url: string;
  /** The part of the message that names the rule and the fix. */
  readonly says: string;
}

const rejected: readonly RejectedImage[] = [
  {
    name: 'escapes the folder',
    markdown: '![x](../../../../secret.png)',
    url: '../../../../secret.png',
    says: `leaves the content folder. ${useInstead}`,
  },
  {
    name: 'reaches for /etc',
    markdown: '![x](../../../../../../../../etc/passwd.png)',
    url: '../../../../../../../../etc/passwd.png',
    says: 'leaves the content folder.',
  },
  {
    name: 'escapes with encoded dots',
    markdown: '![x](%2e%2e/%2e%2e/%2e%2e/%2e%2e/x.png)',
    url: '%2e%2e/%2e%2e/%2e%2e/%2e%2e/x.png',
    says: 'leaves the content folder.',
  },
  {
    name: 'escapes with encoded slashes',
    markdown: '![x](..%2F..%2F..%2F..%2Fx.png)',
    url: '..%2F..%2F..%2F..%2Fx.png',
    says: 'leaves the content folder.',
  },
  {
    name: 'escapes by reference',
    markdown: '![x][r]\n\n[r]: ../../../../secret.png',
    url: '../../../../secret.png',
    says: 'leaves the content folder.',
  },
  {
    name: 'data: URL',
    markdown: '![x](data:image/png;base64,iVBORw0KGgo=)',
    url: 'data:image/png;base64,iVBORw0KGgo=',
    says: `uses the data: scheme; only http: and https: images are allowed. ${useInstead}`,
  },
  {
    name: 'javascript: URL',
    markdown: '![x](javascript:alert(1))',
    url: 'javascript:alert(1)',
    says: 'uses the javascript: scheme',
  },
  {
    name: 'JAVASCRIPT: in capitals',
    markdown: '![x](JAVASCRIPT:alert(1))',
    url: 'JAVASCRIPT:alert(1)',
    says: 'uses the javascript: scheme',
  },
  {
    name: 'file: URL',
    markdown: '![x](file:///etc/passwd.png)',
    url: 'file:///etc/passwd.png',
    says: 'uses the file: scheme',
  },
  {
    name: 'protocol-relative URL',
    markdown: '![x](//evil.example/x.png)',
    url: '//evil.example/x.png',
    says: 'is protocol-relative. Write the scheme: https://evil.example/x.png',
  },
  { name: 'absolute path', markdown: '![x](/x.png)', url: '/x.png', says: 'is an absolute path' },
  {
    name: 'malformed percent-escape',
    markdown: '![x](photo%zz.png)',
    url: 'photo%zz.png',
    says: 'has a malformed percent-escape. Write a literal % as %25',
  },
  {
    name: 'encoded backslash',
    markdown: '![x](..%5C..%5Cx.png)',
    url: '..%5C..%5Cx.png',
    says: 'contains an encoded backslash',
  },
  {
    name: 'capitalised scheme',
    markdown: '![x](HTTPS://images.example/a.png)',
    url: 'HTTPS://images.example/a.png',
    says: 'writes its scheme in capitals. Write it in lower case: https:',
  },
  {
    name: 'Vite query on a local image',
    markdown: '![x](./photo.png?raw)',
    url: './photo.png?raw',
    says: 'has a query (?) or fragment (#)',
  },
  { name: 'empty URL', markdown: '![x]()', url: '', says: 'has no URL.' },
  {
    name: 'raw <img> escaping the folder',
    markdown: '<img src="../../../../x.png">',
    url: '../../../../x.png',
    says: 'leaves the content folder.',
  },
  { name: 'raw <img> absolute path', markdown: '<img src="/x.png">', url: '/x.png', says: 'is an absolute path' },
  {
    name: 'raw <img> protocol-relative',
    markdown: '<img src="//evil.example/x.png">',
    url: '//evil.example/x.png',
    says: 'is protocol-relative',
  },
  {
    name: 'raw <img> backslashes',
    markdown: '<img src="\\\\evil.example\\x.png">',
    url: '\\\\evil.example\\x.png',
    says: 'contains a backslash',
  },
  {
    name: 'raw <img> data:',
    markdown: '<img src="data:image/png;base64,iVBORw0KGgo=">',
    url: 'data:image/png;base64,iVBORw0KGgo=',
    says: 'uses the data: scheme',
  },
  {
    name: 'raw <img> space before the scheme',
    markdown: '<img src=" https://images.example/a.png">',
    url: ' https://images.example/a.png',
    says: 'has spaces or control characters',
  },
];

describe('images that are refused', () => {
  it.each(rejected.map((image) => [image.name, image] as const))('%s', async (_name, image) => {
    const message = await renderError(image.markdown);
    const label = image.markdown.startsWith('<img') ? 'HTML <img> src' : 'image';
    expect(message).toContain(`${articleDisplayPath}:1:1: ${label} ${JSON.stringify(image.url)} ${image.says}`);
  });

  it('gives the line of the offending image', async () => {
    const message = await renderError('# Title\n\nText.\n\n![x](/x.png)');
    expect(message).toContain(`${articleDisplayPath}:5:1: image "/x.png" is an absolute path`);
  });

  it('refuses relative images in Markdown that lives outside the content folder', async () => {
    const message = await renderError('![x](./x.png)', { file: '../src/pages/about.md' });
    expect(message).toContain('src/pages/about.md:1:1: image "./x.png" leaves the content folder.');
  });
});

describe('images in Markdown without a file path', () => {
  it('keeps a relative image that stays in its folder, as plain HTML', async () => {
    const { code, metadata } = await renderMarkdown('![x](./a.png)', { noFile: true });
    expect(code).toBe('<p><img src="./a.png" alt="x"></p>');
    expect(metadata.localImagePaths).toEqual([]);
  });

  it('refuses images that climb out of the folder or are absolute', async () => {
    expect(await renderError('![x](../a.png)', { noFile: true })).toContain(
      '(Markdown without a file path):1:1: image "../a.png" climbs out of its folder',
    );
    expect(await renderError('![x](/a.png)', { noFile: true })).toContain('image "/a.png" is an absolute path');
  });
});
