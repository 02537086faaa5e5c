import { normalizeTag } from '../../src/lib/tags';
import { escapeRegExp } from './regexp';

function mentions(text: string, label: string): number[] {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(label).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return [...text.matchAll(pattern)].map((match) => match.index);
}

/**
 * Topics the site already has that an article is about: a known tag counts when it appears as a whole word in the
 * headline, or at least twice in the body. A passing mention is not a topic. Returned in the order they first appear
 * (headline first), spelled as the site already spells them.
 */
export function detectTopics(title: string, body: string, knownTags: readonly string[]): string[] {
  const seen = new Set<string>();
  const found: { label: string; position: number }[] = [];
  for (const tag of knownTags) {
    const { slug, label } = normalizeTag(tag);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    const inTitle = mentions(title, label);
    const inBody = mentions(body, label);
    if (inTitle.length > 0) found.push({ label, position: inTitle[0] ?? 0 });
    else if (inBody.length >= 2) found.push({ label, position: title.length + 1 + (inBody[0] ?? 0) });
  }
  return found.sort((a, b) => a.position - b.position || (a.label < b.label ? -1 : 1)).map(({ label }) => label);
}
