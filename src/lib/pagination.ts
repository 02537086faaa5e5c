/**
 * One page of a listing that grows at its newest end (the front page, a source, a topic): either its head, at the
 * listing's own address, or a numbered page counted from the oldest item.
 */
export interface StablePage<T> {
  /** The items on this page, newest first. */
  readonly items: readonly T[];
  /** This page's number, 1 holding the oldest items; undefined for the head. */
  readonly number: number | undefined;
  /** The page with newer items: a number, `'head'` for the listing's own address, or undefined on the head. */
  readonly newer: number | 'head' | undefined;
  /** The number of the page with older items, when there is one. */
  readonly older: number | undefined;
}

/**
 * Splits a newest-first listing into pages numbered from its oldest item, so that a page keeps its items as newer
 * ones arrive: an added article changes the head and, once in `pageSize` additions, closes one more numbered page,
 * instead of moving every item of every page along (at 100,000 articles, thousands of pages re-rendered per article).
 *
 * The head holds every item not on a full numbered page, `pageSize` to `2 × pageSize − 1` of them (fewer only when the
 * listing is that short); pages `1..C` hold `pageSize` items each. Returns the head first, then pages C down to 1. An
 * empty listing gives an empty head.
 */
export function paginateFromOldest<T>(items: readonly T[], pageSize: number): StablePage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be a whole number of at least 1, not ${pageSize}.`);
  }
  const closed = Math.max(0, Math.floor(items.length / pageSize) - 1);
  const headSize = items.length - closed * pageSize;
  const head: StablePage<T> = {
    items: items.slice(0, headSize),
    number: undefined,
    newer: undefined,
    older: closed > 0 ? closed : undefined,
  };
  const numbered = Array.from({ length: closed }, (_, index): StablePage<T> => {
    const number = closed - index;
    const start = headSize + index * pageSize;
    return {
      items: items.slice(start, start + pageSize),
      number,
      newer: number === closed ? 'head' : number + 1,
      older: number > 1 ? number - 1 : undefined,
    };
  });
  return [head, ...numbered];
}
