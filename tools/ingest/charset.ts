import { ImportError } from './errors';

/** The kind of file being decoded: HTML may declare its charset in a `<meta>` tag, plain text cannot. */
export type InputKind = 'html' | 'text';

/** Text decoded from a saved file, and the charset it was read with. */
export interface DecodedInput {
  /** The file's text, without a byte order mark. */
  readonly text: string;
  /** The WHATWG name of the charset used (`utf-8`, `windows-1252`, `iso-8859-7`, ...). */
  readonly charset: string;
  /** Where the charset came from. */
  readonly detectedBy: 'bom' | 'meta' | 'option' | 'default';
}

// A browser's prescan reads 1,024 bytes; saved pages often carry long comments or inline scripts before the <meta>,
// so the importer looks further, but never past the end of <head>.
const META_SCAN_BYTES = 64 * 1024;

/** The charset label a page declares in `<meta charset>` or `<meta http-equiv="Content-Type">`, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // latin1 maps every byte to one code unit, so ASCII markup can be searched before the real charset is known.
  const head = Buffer.from(bytes.subarray(0, META_SCAN_BYTES)).toString('latin1');
  const end = head.search(/<\/head\s*>|<body[\s>]/i);
  const scanned = end === -1 ? head : head.slice(0, end);
  for (const tag of scanned.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(tag);
    if (direct?.[1]) return direct[1].toLowerCase();
  }
  return undefined;
}

function byteOrderMark(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/** A TextDecoder for a charset label that throws on bytes the charset does not define, or `undefined` if unknown. */
function strictDecoder(label: string): TextDecoder | undefined {
  try {
    const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
    // WHATWG maps some labels (iso-2022-kr, hz-gb-2312) to a decoder that only ever yields an error.
    return decoder.encoding === 'replacement' ? undefined : decoder;
  } catch {
    return undefined;
  }
}

/**
 * Decodes a saved page or scrape to text. The charset comes from `--charset`, else a byte order mark, else (HTML)
 * `<meta charset>` or `<meta http-equiv>`, else UTF-8; bytes that the charset cannot read are an error, never
 * replacement characters in the article.
 */
export function decodeInput(bytes: Uint8Array, kind: InputKind, forced?: string): DecodedInput {
  const bom = byteOrderMark(bytes);
  let label: string;
  let detectedBy: DecodedInput['detectedBy'];
  if (forced) {
    label = forced;
    detectedBy = 'option';
  } else if (bom) {
    label = bom.charset;
    detectedBy = 'bom';
  } else {
    const declared = kind === 'html' ? declaredCharset(bytes) : undefined;
    // The HTML standard reads a UTF-16 declaration in <meta> as UTF-8: a page that could be read as ASCII is not UTF-16.
    label = declared && !/^utf-?16/.test(declared) ? declared : 'utf-8';
    detectedBy = declared ? 'meta' : 'default';
  }
  const decoder = strictDecoder(label);
  if (!decoder) {
    const where = detectedBy === 'option' ? 'the --charset option names' : 'the page declares';
    throw new ImportError(
      `${where} the charset "${label}", which the importer cannot read. Save the page again as UTF-8, or pass --charset with one of utf-8, windows-1252, iso-8859-7, iso-8859-1.`,
    );
  }
  const body = bom && detectedBy === 'bom' ? bytes.subarray(bom.length) : bytes;
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    const reason =
      detectedBy === 'default'
        ? 'it is not valid UTF-8 and does not say which charset it uses'
        : `it contains bytes that are not valid ${decoder.encoding}`;
    throw new ImportError(
      `the file cannot be read as text: ${reason}. Pass --charset with the right one (for example windows-1252 or iso-8859-7).`,
    );
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) {
    throw new ImportError('the file contains NUL bytes: it looks like a binary file, not a saved page or text.');
  }
  return { text, charset: decoder.encoding, detectedBy };
}
