import path from 'node:path';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { forEachElement } from '@/lib/markdown/each-element';
import { markdownFilePath } from '@/lib/markdown/image-source';
import { userContentPrefix } from '@/lib/markdown/sanitize-schema';
import { articleIdFromPath } from '@/lib/slug';
import { articlePath, rebaseRootRelative } from '@/lib/urls';

/** Options of rehype-base-links. */
export interface BaseLinksOptions {
  /** The base path the site is served under, such as `/` or `/news/`. */
  readonly base: string;
  /** Absolute path of the content folder; articles live in its `articles/` folder. */
  readonly contentDir: string;
}

const linkAttributes = ['href', 'src'] as const;

// Links are resolved against the page on a made-up origin, only to see which page they reach.
const pageOrigin = 'https://article.invalid';

/**
 * Rehype plugin (trusted, after sanitize): makes links between articles work under any base path. A root-relative
 * link (`/articles/x/`) gets the base (`/news/articles/x/`); a relative link to another article's Markdown file
 * (`../04/story.md#quote`) becomes that article's page (`/news/articles/2024/04/story/#quote`). A fragment on a link to
 * another article gets the `user-content-` prefix its ids carry (`#quote` becomes `#user-content-quote`).
 */
export function rehypeBaseLinks(options: BaseLinksOptions) {
  const articlesDir = path.join(path.resolve(options.contentDir), 'articles');
  return (tree: Root, file: VFile): undefined => {
    const filePath = markdownFilePath(file);
    const id = filePath === undefined ? undefined : articleIdFor(filePath, articlesDir);
    const pageUrl = new URL(id === undefined ? '/' : articlePath('/', id), pageOrigin);
    forEachElement(tree, (node) => {
      for (const attribute of linkAttributes) {
        const value = node.properties[attribute];
        if (typeof value !== 'string') continue;
        const articleLink =
          filePath === undefined ? undefined : markdownArticleLink(value, filePath, articlesDir, options.base);
        const rewritten = articleLink ?? rebaseRootRelative(options.base, value);
        node.properties[attribute] =
          attribute === 'href' && reachesOtherArticle(value, articleLink, pageUrl)
            ? prefixFragment(rewritten)
            : rewritten;
      }
    });
    return undefined;
  };
}

/** Whether a link leads to an article page other than this one (`/articles/...`, `../x/`, `x.md`). */
function reachesOtherArticle(value: string, articleLink: string | undefined, pageUrl: URL): boolean {
  if (articleLink !== undefined) return true;
  if (value.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(value) || value.startsWith('//')) return false;
  let target: URL;
  try {
    target = new URL(value, pageUrl);
  } catch {
    return false;
  }
  return (
    target.origin === pageOrigin && target.pathname.startsWith('/articles/') && target.pathname !== pageUrl.pathname
  );
}

/** Adds the `user-content-` prefix to a URL's fragment, unless it has it or is empty or `#top`. */
function prefixFragment(url: string): string {
  const at = url.indexOf('#');
  if (at === -1) return url;
  const fragment = url.slice(at + 1);
  if (fragment === '' || /^top$/i.test(fragment) || fragment.startsWith(userContentPrefix)) return url;
  return `${url.slice(0, at + 1)}${userContentPrefix}${fragment}`;
}

/** The id of the article in a Markdown file, or undefined when the file is not under the articles folder. */
function articleIdFor(filePath: string, articlesDir: string): string | undefined {
  const relative = path.relative(articlesDir, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return articleIdFromPath(relative.split(path.sep).join('/'));
}

/** The page URL for a relative link to an article's `.md` file, or undefined when the link is something else. */
function markdownArticleLink(url: string, filePath: string, articlesDir: string, base: string): string | undefined {
  const match = /^([^?#]+\.md)([?#].*)?$/i.exec(url);
  if (!match?.[1] || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  const id = articleIdFor(path.resolve(path.dirname(filePath), decoded), articlesDir);
  return id === undefined ? undefined : `${articlePath(base, id)}${match[2] ?? ''}`;
}
