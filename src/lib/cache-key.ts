import { createHash } from 'node:crypto';

// Astro's incremental builds (experimental.incrementalBuild) copy a page from the last build instead of rendering it
// again when its route's code is unchanged and the `cacheKey` its getStaticPaths entry gives is the same. A key must
// therefore change whenever anything the page shows changes. Each route builds its key from exactly the data it
// renders, through this one function, so no page can show something its key leaves out.

/** A collection entry as Astro gives it: its content digest stands for its front matter and body. */
interface DigestedEntry {
  readonly collection: string;
  readonly id: string;
  readonly digest: string;
}

function isDigestedEntry(value: object): value is DigestedEntry {
  const candidate = value as Partial<DigestedEntry>;
  return (
    typeof candidate.collection === 'string' && typeof candidate.id === 'string' && typeof candidate.digest === 'string'
  );
}

/**
 * A cacheKey for a page that shows `shown`: a SHA-256 of its JSON. A collection entry counts as its collection, id
 * and content digest (the digest changes with any byte of the file), which keeps keys small: no article body is
 * serialised. Object keys are not sorted: the same code builds the same objects in the same order, and a change of
 * code changes the route's dependency hash anyway. (Sorting every object's keys was a cost paid for every page:
 * docs/performance.md#how-it-stays-fast.)
 */
export function pageCacheKey(shown: unknown): string {
  const json = JSON.stringify(shown, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    if (isDigestedEntry(value)) return `${value.collection}/${value.id}@${value.digest}`;
    if (value instanceof Map) return [...value.entries()];
    return value;
  });
  return createHash('sha256')
    .update(json ?? 'undefined')
    .digest('base64url');
}
