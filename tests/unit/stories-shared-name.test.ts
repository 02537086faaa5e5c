import { describe, expect, it } from 'vitest';
import { explainPair, groupStories, type StoryArticle } from '@/lib/stories';

const article = (id: string, source: string, title: string, lead: string): StoryArticle => ({
  id,
  title,
  lead,
  date: { iso: '2024-05-14T09:00:00+03:00', dateOnly: false },
  lang: 'en',
  source,
});

// Texts made of the same common words are not one event: two reports of one event share a name, a place, a body or
// a figure. Without this rule, generated filler chained unrelated articles into one story.
describe('the shared-name rule', () => {
  const common = 'the council met on tuesday and agreed the budget for roads schools and parks after a long debate';
  it('keeps apart two texts of common words that name nothing', () => {
    const a = article('2024/05/a', 'one', 'Council agrees budget for roads and schools', common);
    const b = article('2024/05/b', 'two', 'Budget for schools and roads agreed by council', common);
    expect(groupStories([a, b]).stories).toEqual([]);
    const explanation = explainPair(a, b, {}, [a, b]);
    expect(explanation.reasons.join(' ')).toContain('share no name, place, organisation or figure');
  });

  it('joins the same two texts once both name the place', () => {
    const a = article('2024/05/a', 'one', 'Larissa council agrees budget for roads and schools', common);
    const b = article('2024/05/b', 'two', 'Budget for schools and roads agreed by Larissa council', common);
    expect(groupStories([a, b]).stories.map((story) => story.articleIds)).toEqual([['2024/05/a', '2024/05/b']]);
  });
});
