import slugifyLib from '@sindresorhus/slugify';

/** Turns one piece of text into a URL slug: lower case ASCII letters, digits and single hyphens. */
export function slugify(text: string): string {
  // Transliteration keeps Greek, Cyrillic and accented names readable instead of dropping them.
  return slugifyLib(text, { decamelize: false, separator: '-' });
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
