import type { APIRoute } from 'astro';
import { getSiteContent } from '@/lib/content';
import { readerBuildId } from '@/lib/reader/build-id';
import { retiringWorkerSource, serviceWorkerSource } from '@/lib/reader/service-worker';
import { workerConfig } from '@/lib/reader/worker-config';
import { siteConfig } from '@/site.config';

/**
 * /sw.js: the offline-reading service worker (docs/reader.md), at the base path so its scope is the site. With the
 * reader layer off, a worker that removes an earlier build's worker and caches.
 */
export const GET: APIRoute = async () => {
  const headers = { 'Content-Type': 'text/javascript; charset=utf-8' };
  if (!siteConfig.reader.enabled) return new Response(retiringWorkerSource(), { headers });
  const { articles } = await getSiteContent();
  const config = workerConfig({
    base: import.meta.env.BASE_URL,
    build: readerBuildId({ articles, reader: siteConfig.reader }, process.cwd()),
    siteTitle: siteConfig.title,
    settings: siteConfig.reader,
    articleIds: articles.map((article) => article.id),
  });
  return new Response(serviceWorkerSource(config), { headers });
};
