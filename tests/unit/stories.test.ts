import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContentDate } from '@/lib/content-date';
import {
  DEFAULT_GROUPING_OPTIONS,
  derivedStoryId,
  explainPair,
  groupStories,
  groupStoriesWithStats,
  type StoryArticle,
} from '@/lib/stories';
import { foldText, normaliseNumber, textTerms } from '@/lib/stories/normalise';
import { generateStoryArticles } from '../../bench/stories';
import { loadLabelledSet } from '../../bench/stories-quality';
import { firstParagraphText, readStoryArticles, runStoriesExplain } from '../../tools/stories-explain';

// Behaviour of story grouping (issue 17 points 1 and 2). Small cases are grouped together with the labelled set, so
// term weights are those of a realistic corpus rather than of two articles alone.
const background = loadLabelledSet();

function date(text: string) {
  const parsed = parseContentDate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

function article(id: string, source: string, when: string, title: string, lead: string, extra = {}): StoryArticle {
  return { id, source, date: date(when), lang: 'en', title, lead, ...extra };
}

/** A seeded shuffle (the same permutation on every run). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = items.slice();
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const sameStory = (articles: readonly StoryArticle[], a: string, b: string) => {
  const index = groupStories(articles);
  const story = index.storyOf.get(a);
  return story !== undefined && story === index.storyOf.get(b);
};

const rescue = article(
  'test/rescue-a',
  'outlet-a',
  '2024-08-02T10:00:00+03:00',
  'Coast guard rescues 442 migrants south of Gavdos',
  'A fishing boat carrying 442 people from Tobruk was found 40 nautical miles south of Gavdos and towed to Agia Galini.',
);
const rescueSameFigures = article(
  'test/rescue-b',
  'outlet-b',
  '2024-08-02T13:00:00+03:00',
  'Fishing boat with 442 people towed to Agia Galini',
  'The Hellenic coast guard escorted 442 migrants who had sailed from Tobruk after they were spotted near Gavdos.',
);

describe('normalisation', () => {
  it('folds case and accents, Greek tonos and dialytika included', () => {
    expect(foldText('Φωτιά ΣΤΗΝ Εύβοια, Ταΐζω')).toBe('φωτια στην ευβοια, ταιζω');
    expect(textTerms('ΠΥΡΚΑΓΙΆ στην Εύβοια', 'el')).toEqual(textTerms('πυρκαγιά στην ευβοια', 'el'));
    expect(textTerms('Café Zürich', 'en')).toEqual(textTerms('cafe zurich', 'en'));
  });

  it('drops English and Greek stop words and keeps the words that matter', () => {
    expect(textTerms('The strike and the ferries', 'en')).toEqual(textTerms('strike ferries', 'en'));
    expect(textTerms('Η απεργία και τα πλοία', 'el')).toEqual(textTerms('απεργία πλοία', 'el'));
  });

  it('brings inflected forms and both scripts to one stem', () => {
    expect(textTerms('wildfires evacuated', 'en')).toEqual(textTerms('wildfire evacuate', 'en'));
    expect(textTerms('απεργίες', 'el')).toEqual(textTerms('απεργία', 'el'));
    expect(textTerms('Μητσοτάκης Σαντορίνη Ξυλόκαστρο', 'el')).toEqual(
      textTerms('Mitsotakis Santorini Xylokastro', 'en'),
    );
  });

  it('keeps numbers, written one way', () => {
    expect(textTerms('Rates cut to 2.25% from 2.50%', 'en')).toEqual(['rat', 'kut', '2.25', '2.5']);
    expect(normaliseNumber('1,200')).toBe('1200');
    expect(normaliseNumber('1.200')).toBe('1200');
    expect(normaliseNumber('0,25')).toBe('0.25');
    expect(textTerms('two dead', 'en')).toEqual(textTerms('2 dead', 'en'));
    expect(textTerms('δύο νεκροί', 'el')).toEqual(textTerms('2 νεκροί', 'el'));
  });
});

describe('groupStories', () => {
  it('returns stories of two or more, sorted by id, articles in time order, and storyOf only for them', () => {
    const index = groupStories(background);
    expect(index.stories.length).toBeGreaterThan(30);
    const ids = index.stories.map((story) => story.id);
    expect(ids).toEqual(ids.slice().sort());
    expect(new Set(ids).size).toBe(ids.length);
    const byId = new Map(background.map((entry) => [entry.id, entry]));
    for (const story of index.stories) {
      expect(story.articleIds.length).toBeGreaterThanOrEqual(2);
      const times = story.articleIds.map((id) => Date.parse(byId.get(id)?.date.iso ?? ''));
      expect(times).toEqual(times.slice().sort((a, b) => a - b));
      expect(story.id).toBe(derivedStoryId(story.articleIds[0] ?? ''));
      for (const id of story.articleIds) expect(index.storyOf.get(id)).toBe(story);
    }
    const inStories = index.stories.reduce((sum, story) => sum + story.articleIds.length, 0);
    expect(index.storyOf.size).toBe(inStories);
  });

  it('gives the same stories and ids whatever the input order', () => {
    const expected = JSON.stringify(groupStories(background).stories);
    for (const seed of [1, 2, 3, 99]) {
      expect(JSON.stringify(groupStories(shuffled(background, seed)).stories)).toBe(expected);
    }
  });

  it('keeps a story id when a later article joins the story', () => {
    const before = groupStories(background);
    const ecb = before.storyOf.get('2024/06/ecb-cuts-interest-rates-for-first-time-in-five-years');
    expect(ecb?.id).toBe('2024-06-ecb-cuts-interest-rates-for-first-time-in-five-years');
    const later = article(
      '2024/06/ecb-cut-what-it-means-for-savers',
      'island-herald',
      '2024-06-07T09:00:00+03:00',
      'ECB rate cut to 3.75%: what it means for Cypriot savers',
      'The European Central Bank lowered its deposit rate to 3.75% from 4%, its first cut since 2019; Lagarde kept July open.',
    );
    const after = groupStories([...background, later]);
    const story = after.storyOf.get(later.id);
    expect(story?.id).toBe(ecb?.id);
    expect(story?.articleIds.at(-1)).toBe(later.id);
    expect(after.stories.map((entry) => entry.id)).toEqual(before.stories.map((entry) => entry.id));
  });

  it('does not join reports of one kind of event more than the window apart', () => {
    const first = article(
      'test/fire-1',
      'outlet-a',
      '2024-10-01T10:00:00+03:00',
      'Wildfire near Megara forces evacuation of Kineta',
      'Residents of Kineta and Agioi Theodoroi were told to leave as a wildfire near Megara spread towards the coast.',
    );
    const nearCopy = (id: string, when: string) =>
      article(
        id,
        'outlet-b',
        when,
        'Kineta evacuated as Megara wildfire spreads',
        'A wildfire near Megara reached Kineta, whose residents and those of Agioi Theodoroi were ordered to leave.',
      );
    expect(
      sameStory([...background, first, nearCopy('test/fire-2', '2024-10-02T09:00:00+03:00')], first.id, 'test/fire-2'),
    ).toBe(true);
    expect(
      sameStory([...background, first, nearCopy('test/fire-3', '2024-10-05T11:00:00+03:00')], first.id, 'test/fire-3'),
    ).toBe(false);
  });

  it('does not let a chain of reports creep beyond the longest story span', () => {
    const chain = Array.from({ length: 8 }, (_, day) =>
      article(
        `test/chain-${day}`,
        `outlet-${day % 3}`,
        `2024-10-${String(1 + day * 2).padStart(2, '0')}T10:00:00+03:00`,
        'Drought in Thessaly: reservoir at Smokovo falls again',
        'The Smokovo reservoir in Thessaly fell to a new low as the drought continued, the regional water authority said.',
      ),
    );
    const index = groupStories([...background, ...chain]);
    const stories = new Set(chain.map((entry) => index.storyOf.get(entry.id)).filter((story) => story !== undefined));
    expect(stories.size).toBeGreaterThanOrEqual(2);
    for (const story of stories) {
      const times = story.articleIds.map((id) => Date.parse(chain.find((entry) => entry.id === id)?.date.iso ?? ''));
      expect((Math.max(...times) - Math.min(...times)) / 3_600_000).toBeLessThanOrEqual(
        DEFAULT_GROUPING_OPTIONS.maxStoryHours,
      );
    }
  });

  it('tells two events of one kind apart by their figures', () => {
    const otherFigures = article(
      'test/rescue-c',
      'outlet-b',
      '2024-08-02T13:00:00+03:00',
      'Fishing boat with 517 people towed to Agia Galini',
      'The Hellenic coast guard escorted 517 migrants who had sailed from Tobruk after they were spotted near Gavdos.',
    );
    expect(sameStory([...background, rescue, rescueSameFigures], rescue.id, rescueSameFigures.id)).toBe(true);
    expect(sameStory([...background, rescue, otherFigures], rescue.id, otherFigures.id)).toBe(false);
  });

  it('joins Greek reports whatever their accents and case', () => {
    const accented = {
      ...article(
        'test/el-1',
        'outlet-a',
        '2024-10-03T10:00:00+03:00',
        'Φωτιά στα Μέγαρα: Εκκενώνεται η Κινέτα',
        'Μήνυμα 112 για εκκένωση της Κινέτας και των Αγίων Θεοδώρων λόγω της πυρκαγιάς στα Μέγαρα.',
      ),
      lang: 'el',
    };
    const plain = {
      ...article(
        'test/el-2',
        'outlet-b',
        '2024-10-03T11:00:00+03:00',
        'ΠΥΡΚΑΓΙΑ ΣΤΑ ΜΕΓΑΡΑ - ΣΤΗΝ ΚΙΝΕΤΑ ΤΑ ΜΕΤΩΠΑ',
        'Εκκενωση της Κινετας και των Αγιων Θεοδωρων, η φωτια στα Μεγαρα καιει ανεξελεγκτη.',
      ),
      lang: 'el',
    };
    expect(sameStory([...background, accented, plain], accented.id, plain.id)).toBe(true);
  });

  it('puts articles with one override slug in that story, and a similar article joins it', () => {
    const unrelated = article(
      'test/override-2',
      'outlet-c',
      '2024-08-04T08:00:00+03:00',
      'Museum of Chania reopens after renovation',
      'The archaeological museum of Chania reopened its doors after two years of works.',
      { story: 'gavdos-arrivals' },
    );
    const index = groupStories([...background, { ...rescue, story: 'gavdos-arrivals' }, unrelated, rescueSameFigures]);
    const story = index.storyOf.get(unrelated.id);
    expect(story?.id).toBe('gavdos-arrivals');
    expect(story?.articleIds).toEqual([rescue.id, rescueSameFigures.id, unrelated.id]);
    expect(index.stories.filter((entry) => entry.id === 'gavdos-arrivals')).toHaveLength(1);
  });

  it('never joins articles with different override slugs, and keeps story: none alone', () => {
    const different = groupStories([
      ...background,
      { ...rescue, story: 'one-story' },
      { ...rescueSameFigures, story: 'other-story' },
    ]);
    expect(different.storyOf.get(rescue.id)).toBeUndefined();
    expect(different.storyOf.get(rescueSameFigures.id)).toBeUndefined();
    const none = groupStories([...background, rescue, { ...rescueSameFigures, story: 'none' }]);
    expect(none.storyOf.get(rescueSameFigures.id)).toBeUndefined();
    const labelledNone = background.map((entry) =>
      entry.id === '2024/06/lagarde-lowers-deposit-rate-to-3-75' ? { ...entry, story: 'none' } : entry,
    );
    const index = groupStories(labelledNone);
    expect(index.storyOf.get('2024/06/lagarde-lowers-deposit-rate-to-3-75')).toBeUndefined();
    expect(index.storyOf.get('2024/06/ecb-cuts-interest-rates-for-first-time-in-five-years')).toBeDefined();
  });

  it('refuses one article id given twice', () => {
    expect(() => groupStories([rescue, rescue])).toThrow('given the article "test/rescue-a" twice');
  });
});

describe('explainPair', () => {
  it('gives the figures and says that a joined pair is in one story', () => {
    const explanation = explainPair(rescue, rescueSameFigures, {}, [...background, rescue, rescueSameFigures]);
    expect(explanation.pair.withinWindow).toBe(true);
    expect(explanation.pair.score).toBeGreaterThanOrEqual(explanation.pair.threshold);
    expect(explanation.sharedTerms).toContain('442');
    expect(explanation.candidateTerms.length).toBeGreaterThan(0);
    expect(explanation.pairJoins).toBe(true);
    expect(explanation.storyOfA).toBe(explanation.storyOfB);
    expect(explanation.reasons.at(-1)).toBe(`Both are in the story ${explanation.storyOfA}.`);
  });

  it('names the window and the override when they keep a pair apart', () => {
    const late = { ...rescueSameFigures, date: date('2024-08-09T10:00:00+03:00') };
    const apart = explainPair(rescue, late, {}, [...background, rescue, late]);
    expect(apart.pair.withinWindow).toBe(false);
    expect(apart.pairJoins).toBe(false);
    expect(apart.reasons.join(' ')).toContain('more than the 72-hour window');
    const none = explainPair(rescue, { ...rescueSameFigures, story: 'none' });
    expect(none.override).toBe('none');
    expect(none.pairJoins).toBe(false);
  });
});

describe('cost', () => {
  it('compares each article with a bounded number of others, not with every other (O(n·k))', () => {
    const small = groupStoriesWithStats(generateStoryArticles(5_000).articles).stats;
    const large = groupStoriesWithStats(generateStoryArticles(20_000).articles).stats;
    const { keyTerms, maxPostings } = DEFAULT_GROUPING_OPTIONS;
    expect(large.articles).toBe(20_000);
    expect(large.postingsScanned).toBeLessThanOrEqual(20_000 * keyTerms * maxPostings);
    expect(large.candidatePairs).toBeLessThan((20_000 * 19_999) / 2 / 100);
    // Four times the articles, about four times the comparisons: the per-article figure does not grow with n.
    expect(large.candidatePairs / 20_000).toBeLessThan((small.candidatePairs / 5_000) * 1.25);
  });

  it('finds the generated events it was given', () => {
    const { articles, eventOf } = generateStoryArticles(2_000);
    const index = groupStories(articles);
    let joined = 0;
    let correct = 0;
    for (const story of index.stories) {
      const events = story.articleIds.map((id) => eventOf.get(id));
      joined += events.length;
      correct += events.filter((event) => event === events[0]).length;
    }
    expect(joined).toBeGreaterThan(1_000);
    expect(correct / joined).toBeGreaterThan(0.9);
  });
});

describe('tools/stories-explain.ts', () => {
  it('reads a content folder as the build would and prints why two articles are one story', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stories-explain-'));
    try {
      mkdirSync(join(dir, 'sources'));
      mkdirSync(join(dir, 'articles', '2024', '08'), { recursive: true });
      writeFileSync(
        join(dir, 'sources', 'greek-daily.yaml'),
        'name: Greek Daily\nurl: https://g.example/\nlanguage: el\n',
      );
      writeFileSync(join(dir, 'sources', 'harbour-post.yaml'), 'name: Harbour Post\nurl: https://h.example/\n');
      const write = (name: string, frontMatter: string, body: string) =>
        writeFileSync(join(dir, 'articles', '2024', '08', `${name}.md`), `---\n${frontMatter}\n---\n\n${body}\n`);
      write(
        'rescue-a',
        "title: 'Coast guard rescues 442 migrants south of Gavdos'\ndate: 2024-08-02T10:00:00+03:00\nsource: harbour-post",
        '## Rescue\n\nA **fishing boat** carrying 442 people from [Tobruk](https://example.org) was found south of Gavdos and towed to Agia Galini.',
      );
      write(
        'rescue-b',
        "title: 'Διάσωση 442 μεταναστών νότια της Γαύδου'\ndate: 2024-08-02T11:00:00+03:00\nsource: greek-daily\nsummary: 'Αλιευτικό με 442 μετανάστες από το Τομπρούκ οδηγείται στην Αγία Γαλήνη.'",
        'Κείμενο.',
      );
      write('draft', "title: 'Draft'\ndate: 2024-08-02\nsource: harbour-post\ndraft: true", 'Text.');
      const articles = readStoryArticles(dir, 'en-GB');
      expect(articles.map((entry) => [entry.id, entry.lang])).toEqual([
        ['2024/08/rescue-a', 'en-GB'],
        ['2024/08/rescue-b', 'el'],
      ]);
      expect(articles[0]?.lead).toBe(
        'A fishing boat carrying 442 people from Tobruk was found south of Gavdos and towed to Agia Galini.',
      );
      const lines: string[] = [];
      const code = runStoriesExplain(['2024/08/rescue-a', '2024/08/rescue-b', '--content', dir], {}, '/', '/', (line) =>
        lines.push(line),
      );
      expect(code).toBe(0);
      expect(lines).toContain('verdict: one story (2024-08-rescue-a)');
      expect(lines.join('\n')).toMatch(/shared terms: .*442/);
      const missing: string[] = [];
      expect(
        runStoriesExplain(['2024/08/rescue-a', '2024/08/nope', '--content', dir], {}, '/', '/', (line) =>
          missing.push(line),
        ),
      ).toBe(1);
      expect(missing[0]).toContain('No article "2024/08/nope"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the first paragraph of a Markdown body as plain text', () => {
    expect(firstParagraphText('# Head\n\n![x](a.jpg)\n\n> Quoted *lead* with `code` and <b>tags</b>.\n\nSecond.')).toBe(
      'Quoted lead with code and tags.',
    );
  });
});
