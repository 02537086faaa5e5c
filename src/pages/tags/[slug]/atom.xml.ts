import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { feedResponse, tagFeedPaths } from '@/lib/feeds/site-feeds';

/** Each topic's newest articles, as Atom: /tags/<slug>/atom.xml (a static segment, so it wins over [...page]). */
export const getStaticPaths = tagFeedPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;
export const GET: APIRoute<Props> = ({ props }) => feedResponse(props.scope, 'atom');
