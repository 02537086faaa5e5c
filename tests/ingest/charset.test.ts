import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeInput } from '../../tools/ingest/charset';
import { ImportError } from '../../tools/ingest/errors';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('declaredCharset', () => {
  it('reads <meta charset> and <meta http-equiv="Content-Type">', () => {
    expect(declaredCharset(latin1('<html><head><meta charset="Windows-1252"></head>'))).toBe('windows-1252');
    expect(declaredCharset(latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-7" />'))).toBe(
      'iso-8859-7',
    );
  });

  it('ignores a charset named in the body text, after </head>', () => {
    expect(
      declaredCharset(latin1('<head></head><body><p>&lt;meta charset="koi8-r"&gt;</p><meta charset="koi8-r"></body>')),
    ).toBeUndefined();
  });
});

describe('decodeInput', () => {
  it('turns ISO-8859-7 Greek into UTF-8 text', () => {
    const bytes = Buffer.concat([
      latin1('<meta charset="iso-8859-7"><p>'),
      Buffer.from([0xc1, 0xe8, 0xde, 0xed, 0xe1]),
      latin1('</p>'),
    ]);
    const decoded = decodeInput(bytes, 'html');
    expect(decoded.text).toContain('<p>Αθήνα</p>');
    expect(decoded).toMatchObject({ charset: 'iso-8859-7', detectedBy: 'meta' });
  });

  it('turns Windows-1252 curly quotes and the euro sign into UTF-8', () => {
    const bytes = Buffer.concat([
      latin1('<meta charset="windows-1252"><p>'),
      Buffer.from([0x93, 0x80, 0x35, 0x94]),
      latin1('</p>'),
    ]);
    expect(decodeInput(bytes, 'html').text).toContain('“€5”');
  });

  it('follows a byte order mark over the declaration, and drops the mark', () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<meta charset="iso-8859-7"><p>Αθήνα</p>'),
    ]);
    expect(decodeInput(utf8, 'html')).toMatchObject({
      text: '<meta charset="iso-8859-7"><p>Αθήνα</p>',
      detectedBy: 'bom',
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Plain text', 'utf16le')]);
    expect(decodeInput(utf16, 'text').text).toBe('Plain text');
  });

  it('reads a UTF-16 declaration in <meta> as UTF-8, as browsers do', () => {
    expect(decodeInput(Buffer.from('<meta charset="utf-16"><p>é</p>'), 'html')).toMatchObject({ charset: 'utf-8' });
  });

  it('lets --charset override detection', () => {
    expect(decodeInput(Buffer.from([0xe1, 0xe2]), 'text', 'iso-8859-7').text).toBe('αβ');
  });

  it('refuses bytes that are not UTF-8 when nothing names a charset, instead of writing replacement characters', () => {
    expect(() => decodeInput(Buffer.from([0x93, 0x61, 0x94]), 'text')).toThrow(
      /not valid UTF-8 and does not say which charset/,
    );
  });

  it('refuses a charset it cannot read, and bytes the declared charset does not define', () => {
    expect(() => decodeInput(latin1('<meta charset="x-klingon"><p>hi</p>'), 'html')).toThrow(
      /declares the charset "x-klingon"/,
    );
    expect(() => decodeInput(latin1('<meta charset="iso-2022-kr"><p>hi</p>'), 'html')).toThrow(ImportError);
    // 0xAE is not a character in ISO-8859-7.
    expect(() =>
      decodeInput(Buffer.concat([latin1('<meta charset="iso-8859-7">'), Buffer.from([0xae])]), 'html'),
    ).toThrow(/not valid iso-8859-7/);
  });

  it('refuses binary files', () => {
    expect(() => decodeInput(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), 'text', 'windows-1252')).toThrow(
      /binary file/,
    );
  });
});
