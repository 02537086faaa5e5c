import type { ContentDate } from '@/lib/content-date';

/** What grouping reads of an article: plain data, so pages, tools and tests can all build it. */
export interface StoryArticle {
  /** The article id, e.g. `2024/04/rasmussen-nato`. */
  readonly id: string;
  /** The headline. */
  readonly title: string;
  /** The summary or first paragraph, as plain text. */
  readonly lead: string;
  /** When the source published it. */
  readonly date: ContentDate;
  /** Its language as a BCP 47 tag (`en`, `el`, `en-GB`). */
  readonly lang: string;
  /** The id of the outlet that published it. */
  readonly source: string;
  /** The front-matter override: a story slug, or `none` to keep the article alone. */
  readonly story?: string | undefined;
}

/** Several outlets' reports of one real-world event. */
export interface Story {
  /** A stable slug: the override slug, else made from the earliest article's id; unique among stories. */
  readonly id: string;
  /** Its articles in time order, earliest first (ties by id). */
  readonly articleIds: readonly string[];
}

/** Every story of a set of articles, and the story of each article that is in one. */
export interface StoryIndex {
  /** Stories with two or more articles, sorted by id. */
  readonly stories: readonly Story[];
  /** Article id to its story, only for articles in a story of two or more. */
  readonly storyOf: ReadonlyMap<string, Story>;
}

/** The value of `story` that keeps an article out of every story. */
export const NO_STORY = 'none';
