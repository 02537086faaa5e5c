import type { APIRoute } from 'astro';
import { robotsTxt } from '@/lib/seo';
import { absoluteUrl, sitemapIndexPath } from '@/lib/urls';
import { siteConfig } from '@/site.config';

/** /robots.txt: crawling allowed, and the sitemap's address under the base path. */
export const GET: APIRoute = () =>
  new Response(robotsTxt(absoluteUrl(siteConfig.url, sitemapIndexPath(import.meta.env.BASE_URL))), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
