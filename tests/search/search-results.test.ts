import { describe, expect, it } from 'vitest';
import { interfaceLanguage } from '@/lib/i18n';
import {
  excerptPieces,
  formatCalendarDay,
  resultsAnnouncement,
  searchedSpanSentence,
  searchPageText,
  toResultView,
} from '@/lib/search/search-results';

const english = searchPageText(interfaceLanguage('en-GB'));

describe('excerptPieces', () => {
  it('splits an excerpt into text and marked words', () => {
    expect(excerptPieces('Anders Fogh <mark>Rasmussen</mark> believes')).toEqual([
      { text: 'Anders Fogh ', marked: false },
      { text: 'Rasmussen', marked: true },
      { text: ' believes', marked: false },
    ]);
  });
  it('turns escaped markup back into plain text, which is never parsed as HTML', () => {
    // Pagefind escapes `<` and `>` in page text; `&` comes through as it is.
    expect(excerptPieces('a &lt;script&gt;alert(1)&lt;/script&gt; & <mark>&lt;b&gt;</mark>')).toEqual([
      { text: 'a <script>alert(1)</script> & ', marked: false },
      { text: '<b>', marked: true },
    ]);
  });
  it('keeps any tag other than mark as text', () => {
    expect(excerptPieces('<img src=x onerror=alert(1)>')).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
    ]);
  });
  it('gives nothing for an empty excerpt', () => {
    expect(excerptPieces('')).toEqual([]);
  });
});

describe('toResultView', () => {
  it('takes the headline, source and date from the metadata', () => {
    const view = toResultView({
      url: '/articles/2024/04/rasmussen/',
      excerpt: '<mark>NATO</mark> members',
      meta: { title: 'Rasmussen', source: 'Athens News', date: '19 April 2024', datetime: '2024-04-19' },
    });
    expect(view).toEqual({
      url: '/articles/2024/04/rasmussen/',
      title: 'Rasmussen',
      source: 'Athens News',
      date: '19 April 2024',
      datetime: '2024-04-19',
      excerpt: [
        { text: 'NATO', marked: true },
        { text: ' members', marked: false },
      ],
    });
  });
  it('shows the URL when a page has no headline', () => {
    expect(toResultView({ url: '/articles/x/', excerpt: '', meta: {} }).title).toBe('/articles/x/');
  });
});

describe('resultsAnnouncement', () => {
  it('counts the results and repeats the search', () => {
    expect(resultsAnnouncement(0, 'zebra', [], english)).toBe('No articles match “zebra”.');
    expect(resultsAnnouncement(1, 'Rasmussen', [], english)).toBe('1 article matches “Rasmussen”.');
    expect(resultsAnnouncement(12345, 'nato', ['source: Athens News', 'topic: Ukraine'], english)).toBe(
      '12,345 articles match “nato” (source: Athens News, topic: Ukraine).',
    );
    expect(resultsAnnouncement(3, '', ['topic: Poland'], english)).toBe('3 articles match (topic: Poland).');
  });

  it('speaks the interface language, with its plural forms', () => {
    const greek = searchPageText(interfaceLanguage('el'));
    expect(resultsAnnouncement(2, 'νατο', ['πηγή: Καθημερινή'], greek)).toBe(
      '2 άρθρα ταιριάζουν με «νατο» (πηγή: Καθημερινή).',
    );
    const arabic = searchPageText(interfaceLanguage('ar'));
    expect(resultsAnnouncement(2, 'الناتو', [], arabic)).toBe('مقالان مطابقان لعبارة «الناتو».');
    expect(resultsAnnouncement(11, '', ['المصدر: أ', 'الموضوع: ب'], arabic)).toBe(
      '11 مقالًا مطابقًا (المصدر: أ، الموضوع: ب).',
    );
  });
});

describe('searchedSpanSentence', () => {
  const first = { year: 2026, month: 1, day: 1 };
  const last = { year: 2026, month: 6, day: 30 };
  const before = { year: 2026, month: 7, day: 1 };

  it('says nothing when the newest step was the whole index', () => {
    expect(searchedSpanSentence({ first, last, olderRemain: false }, english)).toBe('');
  });
  it('says since when for the newest step while older ones remain', () => {
    expect(searchedSpanSentence({ first, last, olderRemain: true }, english)).toBe(
      'Searched articles since 1 January 2026.',
    );
  });
  it('gives the span of an older step, or its last day for the oldest', () => {
    expect(searchedSpanSentence({ first, last, before, olderRemain: true }, english)).toBe(
      'Searched articles from 1 January 2026 to 30 June 2026.',
    );
    expect(searchedSpanSentence({ first, last, before, olderRemain: false }, english)).toBe(
      'Searched articles up to 30 June 2026.',
    );
  });
  it('gives the day asked for when the step has no dated bundle (the undated articles)', () => {
    expect(searchedSpanSentence({ before, olderRemain: false }, english)).toBe('Searched articles before 1 July 2026.');
  });
  it('speaks the interface language', () => {
    const greek = searchPageText(interfaceLanguage('el'));
    expect(searchedSpanSentence({ first, last, before, olderRemain: true }, greek)).toBe(
      'Αναζητήθηκαν τα άρθρα από τις 1 Ιανουαρίου 2026 έως τις 30 Ιουνίου 2026.',
    );
    const arabic = searchPageText(interfaceLanguage('ar'));
    expect(searchedSpanSentence({ first, last, olderRemain: true }, arabic)).toMatch(/^جرى البحث في المقالات منذ /);
  });
});

describe('formatCalendarDay', () => {
  it('writes the calendar day itself, whatever the time zone of the machine', () => {
    expect(formatCalendarDay({ year: 2026, month: 7, day: 1 }, 'en-GB')).toBe('1 July 2026');
    expect(formatCalendarDay({ year: 2026, month: 12, day: 31 }, 'en-GB')).toBe('31 December 2026');
    expect(formatCalendarDay({ year: 99, month: 3, day: 1 }, 'en-GB')).toBe('1 March 99');
  });
});
