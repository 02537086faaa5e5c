import { slugify } from '@/lib/slug';

/** A tag as Broadsheet files it: tags whose keys match are one topic. */
export interface NormalizedTag {
  /** The URL segment of the topic's page, `/tags/<slug>/`, and the identity of the topic. */
  readonly slug: string;
  /** The spelling shown to readers. */
  readonly label: string;
}

/**
 * Normalises a tag as written so that `NATO`, `nato` and ` Nato ` are one topic. The slug is the identity: two
 * spellings that would share a page are one topic rather than two topics fighting over one URL.
 */
export function normalizeTag(tag: string): NormalizedTag {
  const label = tag.trim().replace(/\s+/g, ' ');
  return { slug: slugify(label), label };
}
