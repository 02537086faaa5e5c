import { parseContentDate } from '@/lib/content-date';
import type { StoryArticle, StoryIndex } from './types';

// Measuring grouping against hand labels (issue 17 point 5). Pairwise figures: every pair of articles that the
// labels put in one story is a true pair; precision is the share of the pairs grouping joins that are true, recall
// the share of true pairs it joins. Pairs weigh big stories more, which is right for a reader: a wrong article in a
// big story is seen by many.

/** An article of the labelled set with its true story. */
export interface LabelledArticle extends StoryArticle {
  /** The true story label; articles with one label report one event. */
  readonly label: string;
}

/** Pairwise precision and recall of a grouping against labels. */
export interface PairwiseQuality {
  /** Pairs the labels put in one story. */
  readonly truePairs: number;
  /** Pairs the grouping put in one story. */
  readonly predictedPairs: number;
  /** Pairs in both. */
  readonly correctPairs: number;
  /** correct / predicted (1 when nothing was joined). */
  readonly precision: number;
  /** correct / true (1 when there is nothing to join). */
  readonly recall: number;
  /** Joined pairs the labels keep apart, as [earlier id, later id] sorted. */
  readonly wrongPairs: readonly (readonly [string, string])[];
  /** True pairs the grouping did not join, sorted. */
  readonly missedPairs: readonly (readonly [string, string])[];
}

/** Compares a grouping with the labels, pair by pair. */
export function pairwiseQuality(labelled: readonly LabelledArticle[], index: StoryIndex): PairwiseQuality {
  const ids = labelled.map((article) => article.id).sort();
  const labelOf = new Map(labelled.map((article) => [article.id, article.label]));
  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  const wrongPairs: [string, string][] = [];
  const missedPairs: [string, string][] = [];
  // The labelled set is small (hundreds), so every pair is checked: this is the yardstick, not the method.
  for (let i = 0; i < ids.length; i += 1) {
    for (let j = i + 1; j < ids.length; j += 1) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      const same = labelOf.get(a) === labelOf.get(b);
      const storyA = index.storyOf.get(a);
      const joined = storyA !== undefined && storyA === index.storyOf.get(b);
      if (same) truePairs += 1;
      if (joined) predictedPairs += 1;
      if (same && joined) correctPairs += 1;
      if (joined && !same) wrongPairs.push([a, b]);
      if (same && !joined) missedPairs.push([a, b]);
    }
  }
  return {
    truePairs,
    predictedPairs,
    correctPairs,
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    wrongPairs,
    missedPairs,
  };
}

/**
 * Reads one parsed labelled-set file: a list of `{ story, note?, articles: [{ id, source, date, lang, title, lead,
 * story? }] }`. Throws with the file and the entry when something is missing, so a broken fixture is easy to fix.
 */
export function parseLabelledFile(data: unknown, file: string): LabelledArticle[] {
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of stories.`);
  return data.flatMap((entry: unknown, position): LabelledArticle[] => {
    const story = entry as { story?: unknown; articles?: unknown };
    if (typeof story.story !== 'string' || !Array.isArray(story.articles)) {
      throw new Error(`${file}: entry ${position + 1} needs a story label and a list of articles.`);
    }
    const label = story.story;
    return story.articles.map((value: unknown): LabelledArticle => {
      const article = value as Record<string, unknown>;
      const field = (name: string): string => {
        const text = article[name];
        if (typeof text !== 'string' || text.trim() === '') {
          throw new Error(`${file}: an article of ${label} has no ${name}.`);
        }
        return text;
      };
      const date = parseContentDate(field('date'));
      if (typeof date === 'string') throw new Error(`${file}: ${field('id')}: date ${date}`);
      const override = article['override'];
      return {
        id: field('id'),
        source: field('source'),
        date,
        lang: field('lang'),
        title: field('title'),
        lead: field('lead'),
        label,
        ...(typeof override === 'string' ? { story: override } : {}),
      };
    });
  });
}
