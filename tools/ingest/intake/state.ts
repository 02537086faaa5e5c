// What intake remembers between runs: the feed ids it has taken and each feed's validators and back-off. It lives in
// the content folder and is committed with the articles, so a scheduled job on a fresh runner starts where the last
// one ended.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { ImportError } from '../errors';

/** The state file's name inside the content folder. */
export const STATE_FILE = 'intake-state.json';

/**
 * Feed ids kept per source. A feed lists its latest items only, so an id older than the newest thousand can no longer
 * come back; keeping more would only grow the file.
 */
export const MAX_SEEN_IDS = 1000;

const feedStateSchema = z.strictObject({
  /** The feed address this state belongs to: a changed `feed` starts afresh. */
  feed: z.string(),
  /** The last 200's `ETag`, sent back as `If-None-Match`. */
  etag: z.string().optional(),
  /** The last 200's `Last-Modified`, sent back as `If-Modified-Since`. */
  lastModified: z.string().optional(),
  /** A `Retry-After` in force: the feed is not asked again before this instant (ISO 8601). */
  retryAfter: z.string().optional(),
  /** Feed ids taken (or found already in the content folder), each with the day it was first seen. */
  seen: z.record(z.string(), z.string()).default({}),
});

const stateSchema = z.strictObject({
  version: z.literal(1),
  /** Per source id. */
  sources: z.record(z.string(), feedStateSchema).default({}),
});

/** One source's remembered state. */
export type FeedState = z.output<typeof feedStateSchema>;
/** The whole file. */
export type IntakeState = z.output<typeof stateSchema>;

/** The state of a content folder that has never been fetched. */
export function emptyState(): IntakeState {
  return { version: 1, sources: {} };
}

/** Reads the state file; a missing file is an empty state, a damaged one an ImportError naming the fix. */
export function readState(contentDir: string): IntakeState {
  const path = join(contentDir, STATE_FILE);
  if (!existsSync(path)) return emptyState();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ImportError(
      `${STATE_FILE} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Restore it from git, or delete it to start afresh (already imported articles are still recognised by their sourceUrl).`,
    );
  }
  const result = stateSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ImportError(
      `${STATE_FILE}: ${issue?.path.join('.') || 'the file'}: ${issue?.message}. Restore it from git, or delete it to start afresh.`,
    );
  }
  return result.data;
}

/** The state for one source, reset when its feed address changed. */
export function feedState(state: IntakeState, sourceId: string, feed: string): FeedState {
  const known = state.sources[sourceId];
  return known && known.feed === feed ? known : { feed, seen: {} };
}

/** Records ids as seen on `day`, keeping the newest MAX_SEEN_IDS (by day, then id, so the file is deterministic). */
export function withSeen(state: FeedState, ids: readonly string[], day: string): FeedState {
  const seen = { ...state.seen };
  for (const id of ids) seen[id] ??= day;
  const kept = Object.entries(seen)
    .sort(([a, dayA], [b, dayB]) => (dayA === dayB ? (a < b ? -1 : a > b ? 1 : 0) : dayA < dayB ? 1 : -1))
    .slice(0, MAX_SEEN_IDS);
  return { ...state, seen: Object.fromEntries(kept) };
}

function sortedKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The file's text: keys sorted and one entry a line, so a run's change reads well in a pull request. */
export function renderState(state: IntakeState): string {
  const sources = Object.fromEntries(
    Object.entries(sortedKeys(state.sources)).map(([id, source]) => [
      id,
      {
        feed: source.feed,
        ...(source.etag !== undefined && { etag: source.etag }),
        ...(source.lastModified !== undefined && { lastModified: source.lastModified }),
        ...(source.retryAfter !== undefined && { retryAfter: source.retryAfter }),
        seen: sortedKeys(source.seen),
      },
    ]),
  );
  return `${JSON.stringify({ version: state.version, sources }, null, 2)}\n`;
}

/** Writes the state whole: a temporary file renamed over the old one, so a killed run leaves the old or the new. */
export function writeState(contentDir: string, state: IntakeState): void {
  const path = join(contentDir, STATE_FILE);
  const temporary = join(contentDir, `_${STATE_FILE}.${process.pid}.tmp`);
  writeFileSync(temporary, renderState(state));
  renameSync(temporary, path);
}
