import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addStoryReport } from '../../bench/workload';
import { parseContentDate } from '../../src/lib/content-date';
import { splitMarkdown } from '../../src/lib/frontmatter';
import { groupStories, type StoryArticle } from '../../src/lib/stories';
import { generateContent } from '../../tools/generate-content';
import { temporaryFolder } from '../support/build';

/** The generated articles as story grouping reads them. */
function storyArticles(dir: string): StoryArticle[] {
  const files = readdirSync(join(dir, 'articles'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'));
  return files.map((file) => {
    const { data } = splitMarkdown(readFileSync(join(dir, 'articles', file), 'utf8'));
    const raw = data['date'];
    const date = parseContentDate(raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw));
    if (typeof date === 'string') throw new Error(`${file}: ${date}`);
    return {
      id: file.replace(/\.md$/, '').split('\\').join('/'),
      title: String(data['title']),
      lead: String(data['summary'] ?? ''),
      date,
      lang: 'en',
      source: String(data['source']),
    };
  });
}

// The benchmark's stories: generated reports of one event by three outlets must be found as stories, and the
// benchmark's added report must join one, or `npm run bench -- --stories` would measure nothing.
describe('generated content with stories', () => {
  it('has the asked share of articles in three-outlet stories, and none without the option', () => {
    const withStories = temporaryFolder('generate-stories');
    generateContent(withStories, { articles: 300, sources: 12, words: [40, 60], stories: 0.2 });
    const index = groupStories(storyArticles(withStories));
    expect(index.stories.length).toBe(20);
    for (const story of index.stories) expect(story.articleIds).toHaveLength(3);

    const without = temporaryFolder('generate-plain');
    generateContent(without, { articles: 300, sources: 12, words: [40, 60] });
    expect(groupStories(storyArticles(without)).stories).toEqual([]);
  });

  it("adds the benchmark's report to the newest story", () => {
    const dir = temporaryFolder('generate-add-report');
    generateContent(dir, { articles: 300, sources: 12, words: [40, 60], stories: 0.2 });
    const added = addStoryReport(dir)
      .replace(/^articles\//, '')
      .replace(/\.md$/, '');
    const story = groupStories(storyArticles(dir)).storyOf.get(added);
    expect(story?.articleIds).toHaveLength(4);
    expect(story?.articleIds.at(-1)).toBe(added);
  });
});
