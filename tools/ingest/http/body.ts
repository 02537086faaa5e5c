// Reading a response body: decompressed here (undici's `request` hands over the bytes as sent) and counted after
// decompression while it streams, so a small gzip bomb is stopped at the cap instead of filling memory.
import { pipeline, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

/** The body passed the size cap; reading stopped there. */
export class BodyTooLargeError extends Error {
  /** The cap, in bytes. */
  readonly limit: number;
  constructor(limit: number) {
    super(`the body is larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
    this.limit = limit;
  }
}

/** The server used a content coding this client does not read. */
export class UnsupportedEncodingError extends Error {
  /** The coding as named in `Content-Encoding`. */
  readonly encoding: string;
  constructor(encoding: string) {
    super(`the body is encoded as "${encoding}", which this client does not read`);
    this.name = 'UnsupportedEncodingError';
    this.encoding = encoding;
  }
}

/** The codings of a `Content-Encoding` header, in the order they were applied; `identity` is left out. */
export function contentEncodings(header: string | readonly string[] | undefined): string[] {
  return [header ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value !== '' && value !== 'identity');
}

/**
 * Reads a whole body, undoing its codings, and stops with {@link BodyTooLargeError} as soon as more than `maxBytes`
 * decompressed bytes have arrived. The zlib streams respect backpressure, so at most about one chunk past the cap
 * is ever held. The source is destroyed whenever reading stops early, which closes the connection.
 */
export async function readBody(
  body: Readable,
  encodingHeader: string | readonly string[] | undefined,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    let stream: Readable = body;
    // The last coding applied is undone first.
    for (const encoding of contentEncodings(encodingHeader).reverse()) stream = await decoded(stream, encoding);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(chunk);
    }
  } finally {
    if (!body.readableEnded && !body.destroyed) body.destroy();
  }
  return Buffer.concat(chunks, total);
}

async function decoded(source: Readable, encoding: string): Promise<Readable> {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return pipeline(source, createGunzip(), ignore);
    case 'br':
      return pipeline(source, createBrotliDecompress(), ignore);
    case 'deflate':
      return inflated(source);
    default:
      throw new UnsupportedEncodingError(encoding);
  }
}

/**
 * `deflate` is meant to be zlib-wrapped, but some servers send raw deflate; the first bytes tell which, so the first
 * chunk is read, the right inflater chosen, and the chunk replayed in front of the rest.
 */
async function inflated(source: Readable): Promise<Readable> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  if (first.done) return Readable.from([]);
  const head = first.value;
  const rest: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => iterator };
  const replay = Readable.from(
    (async function* () {
      yield head;
      yield* rest;
    })(),
    { objectMode: false },
  );
  return pipeline(replay, looksLikeZlib(head) ? createInflate() : createInflateRaw(), ignore);
}

/** A zlib header: compression method 8 (deflate) and a header checksum divisible by 31 (RFC 1950). */
function looksLikeZlib(head: Buffer): boolean {
  const [cmf = 0, flg] = head;
  if ((cmf & 0x0f) !== 8) return false;
  return flg === undefined || ((cmf << 8) | flg) % 31 === 0;
}

/** Errors reach the reader through the last stream of the pipeline, which the pipeline destroys with them. */
function ignore(): void {}
