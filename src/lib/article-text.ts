import type { Root } from 'hast';
import { excerptFromHtml, excerptFromTree } from '@/lib/excerpt';
import { searchableLead, searchableLeadFromTree } from '@/lib/search/search-text';

// Listings need a summary for articles without a standfirst, and article pages give Pagefind the lead of the body.
// Both are plain text taken from the sanitized body. The Markdown pipeline computes them from the tree it already
// has (rehypeArticleText) and Astro stores them with the rendered entry, so a build neither parses article HTML again
// nor redoes it for unchanged articles. Entries rendered without that step (tests that make entries by hand) fall
// back to reading the HTML.

/** The key under the rendered entry's plugin front matter (Astro's `remarkPluginFrontmatter`). */
export const ARTICLE_TEXT_KEY = 'broadsheetText';

/** Plain text taken from an article's sanitized body. */
export interface ArticleText {
  /** The first paragraph, shortened: the summary when the article has no standfirst. */
  readonly excerpt: string;
  /** The first words of the body, for the search index. */
  readonly searchLead: string;
}

/** The article text of a sanitized tree. */
export function articleTextFromTree(tree: Root): ArticleText {
  return { excerpt: excerptFromTree(tree), searchLead: searchableLeadFromTree(tree) };
}

/** What a rendered collection entry carries: its HTML, and metadata that holds the plugin front matter. */
export interface RenderedBody {
  /** The rendered HTML. */
  readonly html: string;
  /** Astro's render metadata; `frontmatter` is the plugin front matter. */
  readonly metadata?: Readonly<Record<string, unknown>> | undefined;
}

/** What the pipeline stored under ARTICLE_TEXT_KEY in a plugin front matter, if anything. */
function storedText(frontmatter: unknown): Record<string, unknown> | undefined {
  if (typeof frontmatter !== 'object' || frontmatter === null) return undefined;
  const value = (frontmatter as Record<string, unknown>)[ARTICLE_TEXT_KEY];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/**
 * The article text of a rendered entry: what the pipeline stored, else read from its HTML. Each part is read on its
 * own: Astro's content store keeps only the excerpt (listingFrontmatter), and the search lead comes with the rest of
 * the rendered entry from its body file (integrations/fast-build/article-bodies.ts).
 */
export function articleText(rendered: RenderedBody | undefined): ArticleText {
  const stored = storedText(rendered?.metadata?.['frontmatter']);
  const html = rendered?.html ?? '';
  return {
    excerpt: typeof stored?.['excerpt'] === 'string' ? stored['excerpt'] : excerptFromHtml(html),
    searchLead: typeof stored?.['searchLead'] === 'string' ? stored['searchLead'] : searchableLead(html),
  };
}

/**
 * What Astro's content store keeps of an entry's plugin front matter: only the excerpt listings show. The rest (the
 * search lead, Astro's copy of the front matter, which the entry's data already holds) stays in the body file.
 */
export function listingFrontmatter(frontmatter: unknown): Record<string, unknown> {
  const stored = storedText(frontmatter);
  return typeof stored?.['excerpt'] === 'string' ? { [ARTICLE_TEXT_KEY]: { excerpt: stored['excerpt'] } } : {};
}
