// Limits keep one hostile or broken file from exhausting the build: every real article is far below them.

/** The largest content file accepted, in bytes (1 MiB; a long feature is about 50 KB). */
export const MAX_FILE_BYTES = 1_048_576;
/** The largest front matter accepted, in bytes (16 KiB; the demo article's is under 200 bytes). */
export const MAX_FRONTMATTER_BYTES = 16_384;

/** A problem with a file's bytes, found before it is read as text. */
export interface RawFileProblem {
  /** Short rule id. */
  readonly rule: 'file-too-large' | 'invalid-utf8';
  /** The 1-based line of the problem, when known. */
  readonly line?: number | undefined;
  /** What is wrong. */
  readonly reason: string;
  /** How to fix it. */
  readonly fix: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a content file's bytes as UTF-8, or returns why it cannot be read. Astro's loader would replace bad bytes
 * with U+FFFD and publish the damage; a byte-order mark is kept here and removed by the front-matter reader.
 */
export function decodeContentFile(bytes: Uint8Array): { readonly text: string } | { readonly problem: RawFileProblem } {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return {
      problem: {
        rule: 'file-too-large',
        reason: `the file is ${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(MAX_FILE_BYTES)}.`,
        fix: 'Split it into several articles, or remove pasted data (images belong in separate files).',
      },
    };
  }
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    return {
      problem: {
        rule: 'invalid-utf8',
        line: lineOfFirstInvalidByte(bytes),
        reason: 'the file is not valid UTF-8 text.',
        fix: 'Save it as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252).',
      },
    };
  }
}

/** Why a front matter block is too large, or undefined when it is within the limit. */
export function findFrontmatterSizeProblem(
  rawData: string,
): { readonly reason: string; readonly fix: string } | undefined {
  const size = Buffer.byteLength(rawData, 'utf8');
  if (size <= MAX_FRONTMATTER_BYTES) return undefined;
  return {
    reason: `the front matter is ${formatBytes(size)}; the limit is ${formatBytes(MAX_FRONTMATTER_BYTES)}.`,
    fix: 'Keep only the documented fields; the article text belongs in the body, after the closing ---.',
  };
}

/** A byte count as authors read it: `1.5 MB`, `16 KB`, `512 bytes` (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_048_576) return `${trimZero(bytes / 1_048_576)} MB`;
  if (bytes >= 1024) return `${trimZero(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function trimZero(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

// Decodes ever longer prefixes would be quadratic; instead find the first byte that breaks the UTF-8 pattern.
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0 || index + length > bytes.length) return line;
    try {
      strictUtf8.decode(bytes.subarray(index, index + length));
    } catch {
      return line;
    }
    if (byte === 0x0a) line += 1;
    index += length;
  }
  return line;
}
