import type { APIRoute } from 'astro';
import { sourcesOpml } from '@/lib/feeds/site-feeds';

/** /sources.opml: every source's RSS feed, for importing into a feed reader in one go. */
export const GET: APIRoute = async () =>
  new Response(await sourcesOpml(), { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
