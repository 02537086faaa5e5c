// What the reader layer remembers in the reader's own browser (localStorage): the articles they opened and when they
// last visited. Pure functions over plain values, so the rules are tested without a browser; src/scripts/reader/
// reads and writes the storage.

/** How many opened articles are remembered; the oldest is forgotten first. */
export const READ_HISTORY_LIMIT = 500;

/** How long without a page view ends a visit: 30 minutes. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** When the reader was last seen, and what "new" is measured from during this visit. */
export interface VisitState {
  /** The last page view, in milliseconds since 1970. */
  readonly lastSeen: number;
  /** The last page view of the previous visit; `undefined` on a first visit, when nothing is new. */
  readonly since?: number | undefined;
}

/** The opened articles' paths from stored JSON, oldest first; anything malformed reads as an empty history. */
export function parseReadHistory(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** The history with `path` as the newest entry (moved there if it was already in it), at most `limit` long. */
export function markRead(history: readonly string[], path: string, limit = READ_HISTORY_LIMIT): string[] {
  const next = [...history.filter((item) => item !== path), path];
  return next.slice(Math.max(0, next.length - Math.max(0, limit)));
}

/** The visit state from stored JSON; `undefined` when there is none or it is malformed. */
export function parseVisitState(stored: string | null): VisitState | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Partial<Record<keyof VisitState, unknown>> | null;
    if (typeof value?.lastSeen !== 'number' || !Number.isFinite(value.lastSeen)) return undefined;
    const since = typeof value.since === 'number' && Number.isFinite(value.since) ? value.since : undefined;
    return { lastSeen: value.lastSeen, since };
  } catch {
    return undefined;
  }
}

/**
 * The state after a page view at `now`. A view more than `gap` after the last one starts a new visit, measured from
 * that last view; a view within the gap keeps the visit's baseline, so "new" marks stay put while the reader browses.
 */
export function nextVisit(previous: VisitState | undefined, now: number, gap = VISIT_GAP_MS): VisitState {
  if (!previous) return { lastSeen: now, since: undefined };
  if (now - previous.lastSeen > gap) return { lastSeen: now, since: previous.lastSeen };
  return { lastSeen: now, since: previous.since };
}

/**
 * Whether an item published at `datetime` (a `<time datetime>` value) is new since `since`. A date without a time
 * counts as midnight UTC of that day. Nothing is new on a first visit, nor when the date cannot be read.
 */
export function isNewSince(datetime: string, since: number | undefined): boolean {
  if (since === undefined) return false;
  const published = Date.parse(datetime);
  return Number.isFinite(published) && published > since;
}

/** How a listing item is marked: opened before, new since the last visit, or neither. Opened wins over new. */
export function itemMark(
  path: string,
  datetime: string | undefined,
  read: ReadonlySet<string>,
  since: number | undefined,
): 'read' | 'new' | undefined {
  if (read.has(path)) return 'read';
  if (datetime !== undefined && isNewSince(datetime, since)) return 'new';
  return undefined;
}
