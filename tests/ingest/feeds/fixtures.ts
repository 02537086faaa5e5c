// Reads the fixture feeds shared by the feed reader's tests (tests/ingest/fixtures/feeds/README.md lists them).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '../../../tools/ingest/feeds/parse-feed';
import { FeedError, type ParsedFeed } from '../../../tools/ingest/feeds/types';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/feeds');

/** A fixture's bytes, exactly as committed. */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(path.join(FIXTURES, name));
}

/** A fixture parsed as if fetched from `url`. */
export function parseFixture(name: string, url: string, contentType?: string): ParsedFeed {
  return parseFeed(fixtureBytes(name), { url, contentType });
}

/** The FeedError that parsing `bytes` throws; fails the test when it throws something else or nothing. */
export function feedErrorOf(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError, but the feed was read');
}

/** Text as bytes. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
