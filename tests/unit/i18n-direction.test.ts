import { describe, expect, it } from 'vitest';
import { directionFromSubtags, textDirection } from '@/lib/i18n/direction';

describe('textDirection', () => {
  it('is rtl for languages written right to left', () => {
    for (const tag of ['ar', 'ar-EG', 'ar-u-nu-latn', 'he', 'fa', 'ur', 'yi', 'ckb', 'ps', 'dv']) {
      expect({ tag, direction: textDirection(tag) }).toEqual({ tag, direction: 'rtl' });
    }
  });

  it('is ltr for languages written left to right', () => {
    for (const tag of ['en', 'en-GB', 'el', 'de', 'zh-Hant', 'ja', 'hi', 'ru']) {
      expect({ tag, direction: textDirection(tag) }).toEqual({ tag, direction: 'ltr' });
    }
  });

  it('follows a script written in the tag', () => {
    expect(textDirection('az')).toBe('ltr');
    expect(textDirection('az-Arab')).toBe('rtl');
    expect(textDirection('pa-Arab')).toBe('rtl');
    expect(textDirection('ku-Latn')).toBe('ltr');
  });

  it('is ltr for a tag that is not BCP 47', () => {
    expect(textDirection('not a tag')).toBe('ltr');
  });
});

describe('directionFromSubtags (the fallback when Intl has no text info)', () => {
  it('agrees with Intl from the script or the language', () => {
    for (const tag of ['ar', 'he', 'fa', 'ur', 'en', 'el', 'az-Arab', 'sd']) {
      expect({ tag, direction: directionFromSubtags(tag) }).toEqual({ tag, direction: textDirection(tag) });
    }
  });
});
