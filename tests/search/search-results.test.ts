import { describe, expect, it } from 'vitest';
import { interfaceLanguage } from '@/lib/i18n';
import { excerptPieces, resultsAnnouncement, searchPageText, toResultView } from '@/lib/search/search-results';

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
