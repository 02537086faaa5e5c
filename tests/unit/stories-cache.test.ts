import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseContentDate } from '@/lib/content-date';
import { groupStories, type StoryArticle, type StoryIndex } from '@/lib/stories';
import { groupStoriesCached, type StoryCache } from '@/lib/stories/cache';
import { generateStoryArticles } from '../../bench/stories';
import { loadLabelledSet } from '../../bench/stories-quality';

// A build reuses the last story grouping only when nothing grouping reads has changed, and the reused result is the
// one grouping gives. Each case counts the times grouping really ran.

const labelled: StoryArticle[] = loadLabelledSet().map(({ label: _label, ...article }) => article);
let dir: string;
let cache: StoryCache;
let runs: number;
const countingGroup: typeof groupStories = (articles, options) => {
  runs += 1;
  return groupStories(articles, options);
};
const plain = (index: StoryIndex) => ({
  stories: index.stories.map((story) => ({ id: story.id, articleIds: [...story.articleIds] })),
  storyOf: [...index.storyOf.entries()].map(([id, story]) => [id, story.id]),
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-stories-cache-'));
  cache = { file: join(dir, 'stories.json'), codeRevision: 'code-1' };
  runs = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('groupStoriesCached', () => {
  it('gives what groupStories gives, from the cache as when it grouped', () => {
    const { articles } = generateStoryArticles(600);
    const fresh = groupStories(articles);
    expect(fresh.stories.length).toBeGreaterThan(10);
    expect(plain(groupStoriesCached(articles, cache, {}, countingGroup))).toEqual(plain(fresh));
    expect(plain(groupStoriesCached(articles, cache, {}, countingGroup))).toEqual(plain(fresh));
    expect(runs).toBe(1);
    // Every article of a story maps to that story, as groupStories' storyOf does.
    const cached = groupStoriesCached(articles, cache, {}, countingGroup);
    for (const story of cached.stories) for (const id of story.articleIds) expect(cached.storyOf.get(id)).toBe(story);
  });

  it('groups again when any field grouping reads changes, or the options, or the code', () => {
    groupStoriesCached(labelled, cache, {}, countingGroup);
    const first = labelled[0] as StoryArticle;
    const day = parseContentDate('2019-01-01');
    if (typeof day === 'string') throw new Error(day);
    const changed: Partial<StoryArticle>[] = [
      { id: 'another/id' },
      { title: `${first.title}!` },
      { lead: `${first.lead} More.` },
      { date: day },
      { date: { ...first.date, dateOnly: !first.date.dateOnly } },
      { lang: 'el' },
      { source: 'another-source' },
      { story: 'a-slug' },
    ];
    for (const change of changed) {
      runs = 0;
      groupStoriesCached([{ ...first, ...change }, ...labelled.slice(1)], cache, {}, countingGroup);
      expect(runs, JSON.stringify(change)).toBe(1);
      groupStoriesCached(labelled, cache, {}, countingGroup);
    }
    runs = 0;
    groupStoriesCached(labelled.slice(1), cache, {}, countingGroup);
    groupStoriesCached(labelled, cache, { threshold: 0.5 }, countingGroup);
    groupStoriesCached(labelled, { ...cache, codeRevision: 'code-2' }, { threshold: 0.5 }, countingGroup);
    expect(runs).toBe(3);
    // A field grouping does not read (here a topic) changes nothing.
    runs = 0;
    groupStoriesCached(
      labelled.map((article) => ({ ...article, topics: ['x'] })),
      { ...cache, codeRevision: 'code-2' },
      { threshold: 0.5 },
      countingGroup,
    );
    expect(runs).toBe(0);
  });

  it('groups again over a damaged or foreign cache file, and without a cache never writes one', () => {
    writeFileSync(cache.file, '{"digest": "trunc');
    expect(plain(groupStoriesCached(labelled, cache, {}, countingGroup))).toEqual(plain(groupStories(labelled)));
    expect(runs).toBe(1);
    const written = JSON.parse(readFileSync(cache.file, 'utf8')) as { digest: string };
    writeFileSync(cache.file, JSON.stringify({ digest: written.digest, stories: 'none' }));
    groupStoriesCached(labelled, cache, {}, countingGroup);
    expect(runs).toBe(2);
    rmSync(cache.file);
    groupStoriesCached(labelled, undefined, {}, countingGroup);
    groupStoriesCached(labelled, undefined, {}, countingGroup);
    expect(runs).toBe(4);
    expect(() => readFileSync(cache.file)).toThrow();
  });
});
