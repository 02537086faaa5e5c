import { describe, expect, it } from 'vitest';
import { searchLanguages } from '@/lib/i18n/search-languages';

describe('searchLanguages', () => {
  it('puts the site language first, then the articles’ other languages by code, named in the interface language', () => {
    expect(searchLanguages('el', ['en-GB', 'el', 'ar', 'en', 'el-CY'], 'el')).toEqual([
      { value: 'el', label: 'Ελληνικά' },
      { value: 'ar', label: 'Αραβικά' },
      { value: 'en', label: 'Αγγλικά' },
    ]);
    expect(searchLanguages('en-GB', ['el'], 'en-GB')).toEqual([
      { value: 'en', label: 'English' },
      { value: 'el', label: 'Greek' },
    ]);
  });

  it('offers one language when every article is in the site language', () => {
    expect(searchLanguages('en-GB', ['en', 'en-US'], 'en-GB')).toEqual([{ value: 'en', label: 'English' }]);
  });
});
