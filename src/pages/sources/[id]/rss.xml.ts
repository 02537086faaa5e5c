import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { feedResponse, sourceFeedPaths } from '@/lib/feeds/site-feeds';

/** Each source's newest articles, as RSS: /sources/<id>/rss.xml (a static segment, so it wins over [...page]). */
export const getStaticPaths = sourceFeedPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;
export const GET: APIRoute<Props> = ({ props }) => feedResponse(props.scope, 'rss');
