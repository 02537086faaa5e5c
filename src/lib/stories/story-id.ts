// A story's URL must survive new coverage: the id comes from the override slug, or else from the earliest article's
// id, which a later article cannot change. The article id already is slug segments joined by "/", so joining them
// with "-" gives a slug ("2024/04/rasmussen-nato" → "2024-04-rasmussen-nato"); keeping the year and month makes it
// unique among derived ids, since article ids are.

/** The story id made from its earliest article's id. */
export function derivedStoryId(earliestArticleId: string): string {
  return earliestArticleId.split('/').join('-');
}

/**
 * Gives each story its id: override slugs as written, derived ids otherwise, with `-2`, `-3`... added to a derived
 * id that an override slug already takes (in order of the earliest article, so the answer is deterministic).
 */
export function assignStoryIds(stories: readonly { override: string | undefined; earliest: string }[]): string[] {
  const taken = new Set<string>();
  for (const story of stories) if (story.override !== undefined) taken.add(story.override);
  return stories.map((story) => {
    if (story.override !== undefined) return story.override;
    const base = derivedStoryId(story.earliest);
    let id = base;
    for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`;
    taken.add(id);
    return id;
  });
}
