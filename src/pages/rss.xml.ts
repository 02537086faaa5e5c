import type { APIRoute } from 'astro';
import { feedResponse } from '@/lib/feeds/site-feeds';

/** The whole site's newest articles, as RSS. */
export const GET: APIRoute = () => feedResponse({ kind: 'site' }, 'rss');
