import { describe, expect, it } from 'vitest';
import { detectCredits } from '../../tools/ingest/credits';
import { hostKey, type KnownSource, matchSource, proposeSource } from '../../tools/ingest/sources';
import { detectTopics } from '../../tools/ingest/topics';

const sources: KnownSource[] = [
  { id: 'athens-news', name: 'Athens News', url: 'https://www.athensnews.gr/' },
  { id: 'the-guardian', name: 'The Guardian', url: 'https://www.theguardian.com/' },
  { id: 'cnn', name: 'CNN', url: 'https://cnn.com/' },
  { id: 'reuters', name: 'Reuters', url: 'https://www.reuters.com/' },
];

describe('matchSource', () => {
  it('matches by host, with or without www, and a subdomain to its site', () => {
    expect(matchSource(sources, { url: 'https://athensnews.gr/greece/x/' })?.id).toBe('athens-news');
    expect(matchSource(sources, { url: 'https://edition.cnn.com/2024/x' })?.id).toBe('cnn');
    expect(matchSource(sources, { url: 'https://notcnn.com/x' })).toBeUndefined();
  });

  it('matches by name, ignoring case, spacing and a leading "The"', () => {
    expect(matchSource(sources, { name: 'the  GUARDIAN' })?.id).toBe('the-guardian');
    expect(matchSource(sources, { name: 'Guardian' })?.id).toBe('the-guardian');
    expect(matchSource(sources, { name: 'Athens Newsroom' })).toBeUndefined();
  });

  it('prefers the host to the name', () => {
    expect(matchSource(sources, { name: 'Athens News', url: 'https://www.reuters.com/x' })?.id).toBe('reuters');
  });
});

describe('proposeSource', () => {
  it('proposes a source from the outlet name and the page origin', () => {
    expect(proposeSource({ name: 'Καθημερινή', url: 'https://www.kathimerini.gr/society/1/' }, 'el')).toEqual({
      id: 'kathimerini',
      name: 'Καθημερινή',
      url: 'https://www.kathimerini.gr/',
      language: 'el',
    });
  });

  it('proposes nothing without a name or a web address', () => {
    expect(proposeSource({ name: 'Somewhere Daily' })).toBeUndefined();
    expect(proposeSource({ url: 'https://somewhere.example/' })).toBeUndefined();
    expect(hostKey('javascript:alert(1)')).toBeUndefined();
  });
});

describe('detectCredits', () => {
  it("finds outlets the text credits, in order, without the article's own source", () => {
    const text =
      'The Guardian notes that the plan is late. According to Reuters, it will cost more. Athens News reported it first.';
    expect(detectCredits(text, sources, 'athens-news')).toEqual(['the-guardian', 'reuters']);
  });

  it('does not count a name without a crediting phrase', () => {
    expect(detectCredits('He once worked for Reuters and reads the Guardian daily.', sources, 'athens-news')).toEqual(
      [],
    );
  });
});

describe('detectTopics', () => {
  const known = ['nato', 'Ukraine', 'poland', 'germany', 'energy'];

  it('takes topics named in the headline or at least twice in the body, in order of appearance', () => {
    const body = 'Poland is ready. Germany hesitates. Poland will act. Energy prices rise.';
    expect(detectTopics('NATO members may send troops to Ukraine', body, known)).toEqual(['nato', 'Ukraine', 'poland']);
  });

  it('matches whole words only', () => {
    expect(detectTopics('Ukrainian grain', 'Ukrainians and ukrainian farmers.', known)).toEqual([]);
  });
});
