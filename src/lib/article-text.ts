import type { Root } from 'hast';
import { excerptFromHtml, excerptFromTree } from './excerpt';
import { searchableLeadFromTree, searchableLead } from './search/search-text';

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

function stored(rendered: RenderedBody | undefined): ArticleText | undefined {
  const frontmatter = rendered?.metadata?.['frontmatter'];
  if (typeof frontmatter !== 'object' || frontmatter === null) return undefined;
  const value = (frontmatter as Record<string, unknown>)[ARTICLE_TEXT_KEY];
  if (typeof value !== 'object' || value === null) return undefined;
  const { excerpt, searchLead } = value as Record<string, unknown>;
  return typeof excerpt === 'string' && typeof searchLead === 'string' ? { excerpt, searchLead } : undefined;
}

/** The article text of a rendered entry: what the pipeline stored, else read from its HTML. */
export function articleText(rendered: RenderedBody | undefined): ArticleText {
  const html = rendered?.html ?? '';
  return stored(rendered) ?? { excerpt: excerptFromHtml(html), searchLead: searchableLead(html) };
}
