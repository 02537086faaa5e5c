import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { ARTICLE_TEXT_KEY, articleTextFromTree } from '@/lib/article-text';

/**
 * Rehype plugin (trusted, after sanitize): stores the summary excerpt and search lead of the body in the plugin front
 * matter, which Astro keeps with the rendered entry. A new object is set rather than the given one changed: Astro
 * passes the entry's own data as that front matter. Its options carry only the pipeline's `revision`, which Astro
 * hashes with the configuration.
 */
export function rehypeArticleText(_options?: { readonly revision?: string | undefined }) {
  return (tree: Root, file: VFile): undefined => {
    file.data['astro'] ??= {};
    const astro = file.data['astro'] as { frontmatter?: Record<string, unknown> };
    astro.frontmatter = { ...astro.frontmatter, [ARTICLE_TEXT_KEY]: articleTextFromTree(tree) };
    return undefined;
  };
}
