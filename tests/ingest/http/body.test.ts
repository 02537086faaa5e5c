// Reading bodies: codings undone in order, unknown codings refused, and a bomb stopped after reading only a little
// of what the server sent.
import { Readable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BodyTooLargeError,
  contentEncodings,
  readBody,
  UnsupportedEncodingError,
} from '../../../tools/ingest/http/body';

/** A source that hands out `data` in small chunks on demand and counts how much was taken. */
function meteredSource(data: Buffer, chunkSize = 1024) {
  const meter = { taken: 0 };
  const stream = new Readable({
    read() {
      if (meter.taken >= data.length) {
        this.push(null);
        return;
      }
      const chunk = data.subarray(meter.taken, meter.taken + chunkSize);
      meter.taken += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, meter };
}

describe('contentEncodings', () => {
  it('lists the codings in the order applied, without identity', () => {
    expect(contentEncodings(undefined)).toEqual([]);
    expect(contentEncodings('identity')).toEqual([]);
    expect(contentEncodings('GZIP')).toEqual(['gzip']);
    expect(contentEncodings('deflate, br')).toEqual(['deflate', 'br']);
    expect(contentEncodings(['gzip', 'br'])).toEqual(['gzip', 'br']);
  });
});

describe('readBody', () => {
  it('undoes two codings, the last applied first', async () => {
    const body = brotliCompressSync(gzipSync('two layers'));
    const { stream } = meteredSource(body);
    expect(Buffer.from(await readBody(stream, 'gzip, br', 1000)).toString()).toBe('two layers');
  });

  it('refuses a coding it does not read', async () => {
    const { stream } = meteredSource(Buffer.from('data'));
    await expect(readBody(stream, 'compress', 1000)).rejects.toBeInstanceOf(UnsupportedEncodingError);
    expect(stream.destroyed).toBe(true);
  });

  it('stops a gzip bomb at the cap, having read a small part of it', async () => {
    // 1 GiB of zeros in about 1 MiB: 64 gzip members of 16 MiB each, which gunzip reads one after the other.
    const bomb = Buffer.concat(Array<Buffer>(64).fill(gzipSync(Buffer.alloc(16 * 1024 * 1024))));
    const { stream, meter } = meteredSource(bomb);
    await expect(readBody(stream, 'gzip', 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    // Decompressing all of it would take every compressed byte; stopping at 1 MiB takes what the streams buffer
    // ahead (64 KiB each in Node 22), a small part of the whole.
    expect(meter.taken).toBeLessThan(bomb.length / 4);
    expect(stream.destroyed).toBe(true);
  });

  it('reads a body of exactly the cap', async () => {
    const { stream } = meteredSource(Buffer.alloc(4096, 1));
    expect((await readBody(stream, undefined, 4096)).length).toBe(4096);
  });
});
