import slugifyLib from '@sindresorhus/slugify';

// slugify is slow enough to add up over a build (docs/performance.md#how-it-stays-fast); tags and folder names repeat
// across thousands of articles, so answers are kept (up to a bound, so a huge site cannot grow the cache without
// limit).
const slugCache = new Map<string, string>();
const SLUG_CACHE_LIMIT = 50_000;

/** Turns one piece of text into a URL slug: lower case ASCII letters, digits and single hyphens. */
export function slugify(text: string): string {
  // A slug is its own slug (lower case ASCII passes through transliteration unchanged): most file and folder names are.
  if (isSlug(text)) return text;
  const cached = slugCache.get(text);
  if (cached !== undefined) return cached;
  // Transliteration keeps Greek, Cyrillic and accented names readable instead of dropping them.
  const slug = slugifyLib(text, { decamelize: false, separator: '-' });
  if (slugCache.size >= SLUG_CACHE_LIMIT) slugCache.clear();
  slugCache.set(text, slug);
  return slug;
}

/** Whether a string is already a slug, so that it maps to itself. */
export function isSlug(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text);
}

/**
 * The article id for a path under `content/articles/` (`2024/04/Rasmussen NATO.md` gives `2024/04/rasmussen-nato`),
 * or `undefined` when a segment has no letter or digit to keep.
 */
export function articleIdFromPath(relativePath: string): string | undefined {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.md$/i, '');
  const segments = withoutExtension.split('/').map(slugify);
  return segments.every((segment) => segment.length > 0) ? segments.join('/') : undefined;
}
