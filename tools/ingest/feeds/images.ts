// The lead image of an item, from whichever of the several ways feeds attach pictures the item uses.
import type { MediaNs } from 'feedsmith';
import { htmlToPlainText, httpUrl } from './text';
import type { FeedItem } from './types';

/** A picture a feed attaches to an item, before its address is checked. */
export interface ImageCandidate {
  readonly url: string | undefined;
  readonly alt?: string | undefined;
}

function isImage(medium: string | undefined, type: string | undefined): boolean {
  return medium?.trim().toLowerCase() === 'image' || /^\s*image\//i.test(type ?? '');
}

/** `media:content` (also inside `media:group`) whose medium is image or whose type is image/*, with its description. */
export function mediaContentImages(media: MediaNs.ItemOrFeed | undefined): ImageCandidate[] {
  if (!media) return [];
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((group) => group.contents ?? [])];
  return contents
    .filter((content) => isImage(content.medium, content.type))
    .map((content) => ({
      url: content.url,
      alt: content.description?.value ?? content.title?.value ?? media.description?.value ?? media.title?.value,
    }));
}

/** `media:thumbnail` of the item, its groups and its contents: a smaller picture, used only when there is no other. */
export function mediaThumbnails(media: MediaNs.ItemOrFeed | undefined): ImageCandidate[] {
  if (!media) return [];
  const holders = [media, ...(media.groups ?? []), ...(media.contents ?? [])];
  return holders.flatMap((holder) =>
    (holder.thumbnails ?? []).map((thumbnail) => ({ url: thumbnail.url, alt: media.description?.value })),
  );
}

/** Attachments (RSS `enclosure`, Atom `link rel="enclosure"`) whose type is image/*. */
export function imageAttachments(
  attachments: readonly { readonly url: string | undefined; readonly type: string | undefined }[],
): ImageCandidate[] {
  return attachments.filter((attachment) => isImage(undefined, attachment.type)).map(({ url }) => ({ url }));
}

/** The first candidate with an http(s) address, resolved against `base`; the alt text as plain text. */
export function pickImage(candidates: readonly ImageCandidate[], base: string | undefined): FeedItem['image'] {
  for (const candidate of candidates) {
    const src = httpUrl(candidate.url, base);
    if (src) return { src, alt: htmlToPlainText(candidate.alt) };
  }
  return undefined;
}
