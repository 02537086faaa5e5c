import type { HttpClient } from '../http/types';
import { MAX_IMAGE_BYTES } from './inspect';
import type { ImageDownloader } from './types';

// What the importer can use; the bytes are sniffed afterwards, so this only tells servers what is welcome.
const ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1';

/**
 * An ImageDownloader on top of intake's HTTP client, so image downloads follow the same rules as every other request
 * (no private addresses, size and time limits, pacing per host). Only a 200 gives bytes: a 304 (never asked for
 * here) or a server asking to come back later is a failure whose message says what to do.
 */
export function httpImageDownloader(client: HttpClient): ImageDownloader {
  return async (url) => {
    const result = await client.get({ url, accept: ACCEPT, maxBytes: MAX_IMAGE_BYTES });
    if (result.kind === 'ok') return result.body;
    if (result.kind === 'not-modified') {
      throw new Error(`${url} answered 304 Not Modified without the image; import the article again to retry.`);
    }
    throw new Error(
      `${url} answered ${result.status}, asking to be tried again after ${result.until.toISOString()}; import the article again then.`,
    );
  };
}
