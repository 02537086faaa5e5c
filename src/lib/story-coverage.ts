import type { Article, Source } from '@/lib/content';
import type { StoryIndex } from '@/lib/stories';

// How pages show stories (src/lib/stories groups them): each article in a story carries a small reference to it, and
// listings show a story once. Pure functions of the articles and the story index.

/** What an article page or a listing card shows of the story an article is in. */
export interface StoryRef {
  /** The story id; its page is `/stories/<id>/`. */
  readonly id: string;
  /** How many articles the story has. */
  readonly size: number;
  /** The outlets that covered it, each once, in the order they first reported it. */
  readonly outlets: readonly Source[];
}

/** A story as its page shows it. */
export interface StoryView {
  /** The story id. */
  readonly id: string;
  /** Its articles, earliest first. */
  readonly articles: readonly Article[];
}

/** The outlets among `outlets` other than `source`, in order. */
export function otherOutlets(ref: StoryRef, source: Source): Source[] {
  return ref.outlets.filter((outlet) => outlet.id !== source.id);
}

/**
 * Every story's reference, by story id, from the index and the articles it names. The outlets come in the order of
 * their first article, so "first reported by" is always the first outlet.
 */
export function storyRefs(index: StoryIndex, byId: ReadonlyMap<string, Article>): Map<string, StoryRef> {
  const refs = new Map<string, StoryRef>();
  for (const story of index.stories) {
    const outlets = new Map<string, Source>();
    for (const id of story.articleIds) {
      const source = byId.get(id)?.source;
      if (source && !outlets.has(source.id)) outlets.set(source.id, source);
    }
    refs.set(story.id, { id: story.id, size: story.articleIds.length, outlets: [...outlets.values()] });
  }
  return refs;
}

/**
 * A listing with each story shown once, at the place of its newest article (the listing is newest first): the front
 * page and the source and topic pages show what is new, and the story's page is one link away for the rest.
 */
export function collapseStories(articles: readonly Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((article) => {
    if (!article.story) return true;
    if (seen.has(article.story.id)) return false;
    seen.add(article.story.id);
    return true;
  });
}
