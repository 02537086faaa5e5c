import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import LeadImage from '@/components/LeadImage.astro';
import SiteHeader from '@/components/SiteHeader.astro';
import BaseLayout from '@/layouts/BaseLayout.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('BaseLayout', () => {
  it('uses the site title alone when the page has none, and the site description', async () => {
    const html = await container.renderToString(BaseLayout, { props: {}, slots: { default: '<p>Hi</p>' } });
    expect(html).toContain('<title>Broadsheet</title>');
    expect(html).toMatch(/<meta name="description" content="News from the outlets/);
    expect(html).toMatch(/<html lang="en-GB"/);
    expect(html).not.toContain('name="robots"');
  });

  it('puts the page title first, and passes language, description, robots and canonical through', async () => {
    const html = await container.renderToString(BaseLayout, {
      props: {
        title: 'Sources',
        description: 'All "outlets"',
        lang: 'el',
        robots: 'noindex',
        canonical: 'https://example.org/a',
      },
      slots: { default: '<p>Hi</p>' },
    });
    expect(html).toContain('<title>Sources · Broadsheet</title>');
    expect(html).toContain('<meta name="description" content="All &quot;outlets&quot;">');
    expect(html).toMatch(/<html lang="el"/);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/a">');
  });

  it('has the skip link as the first focusable element, and the landmarks', async () => {
    const html = await container.renderToString(BaseLayout, { props: {}, slots: { default: '<p>Body</p>' } });
    const body = html.slice(html.indexOf('<body'));
    expect(body.match(/<a [^>]*>/)?.[0]).toMatch(/class="skip-link" href="#main"/);
    expect(body).toContain('>Skip to content</a>');
    expect(body).toMatch(/<header[^>]*>/);
    expect(body).toMatch(/<nav aria-label="Main"/);
    expect(body).toMatch(/<main id="main"[^>]*><p>Body<\/p><\/main>/);
    expect(body).toMatch(/<footer[^>]*>.*belong to\s+their original publishers/s);
  });
});

describe('SiteHeader', () => {
  it('marks only the current section', async () => {
    const html = await container.renderToString(SiteHeader, { props: { current: 'sources' } });
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(html).toMatch(/<a href="\/sources\/" aria-current="page"[^>]*>Sources<\/a>/);
  });

  it('marks nothing on pages outside the sections', async () => {
    expect(await container.renderToString(SiteHeader, { props: {} })).not.toContain('aria-current');
  });
});

describe('LeadImage', () => {
  it('shows a remote image as it is, with its alt text and credit', async () => {
    const html = await container.renderToString(LeadImage, {
      props: { image: { src: 'https://images.example/a.jpg', alt: 'A harbour "at" dawn', credit: 'Photo: A. Person' } },
    });
    expect(html).toMatch(/<img src="https:\/\/images\.example\/a\.jpg" alt="A harbour &quot;at&quot; dawn"/);
    expect(html).toMatch(/<figcaption[^>]*>Photo: A\. Person<\/figcaption>/);
  });

  it('has no caption without a credit', async () => {
    const html = await container.renderToString(LeadImage, {
      props: { image: { src: 'https://images.example/a.jpg', alt: 'A harbour', credit: undefined } },
    });
    expect(html).not.toContain('figcaption');
  });
});
