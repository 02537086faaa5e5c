import { getImage } from 'astro:assets';
import type { LeadImage } from '@/lib/content';
import { absoluteUrl } from '@/lib/urls';

/** The width of the lead image copy made for sharing cards and feeds (Open Graph recommends 1200 pixels). */
export const SHARED_IMAGE_WIDTH = 1200;

/**
 * The absolute address of an article's lead image, for Open Graph, JSON-LD and feeds: a remote image as it is; a
 * local one as a JPEG copy at most 1200 pixels wide, which every sharing service and feed reader can show.
 */
export async function leadImageUrl(image: LeadImage, siteUrl: string): Promise<string> {
  if (typeof image.src === 'string') return image.src;
  const width = Math.min(image.src.width, SHARED_IMAGE_WIDTH);
  const copy = await getImage({ src: image.src, width, format: 'jpeg' });
  return absoluteUrl(siteUrl, copy.src);
}
