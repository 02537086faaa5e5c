/** One page of a paginated listing. */
export interface Page<T> {
  /** The items on this page. */
  readonly items: readonly T[];
  /** This page's number, starting at 1. */
  readonly number: number;
  /** How many pages the listing has (at least 1, so an empty listing still has its first page). */
  readonly total: number;
  /** The number of the page with newer items, when there is one. */
  readonly newer: number | undefined;
  /** The number of the page with older items, when there is one. */
  readonly older: number | undefined;
}

/** Splits a listing into pages of `pageSize` items; an empty listing gives one empty page. */
export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be a whole number of at least 1, not ${pageSize}.`);
  }
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, index) => ({
    items: items.slice(index * pageSize, (index + 1) * pageSize),
    number: index + 1,
    total,
    newer: index > 0 ? index : undefined,
    older: index + 1 < total ? index + 2 : undefined,
  }));
}
