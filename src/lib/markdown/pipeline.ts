import path from 'node:path';
import type { RehypePlugins, RemarkPlugins, RemarkRehype } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { rehypeArticleText } from '@/lib/markdown/rehype-article-text';
import { rehypeBaseLinks } from '@/lib/markdown/rehype-base-links';
import { rehypeFragmentLinks } from '@/lib/markdown/rehype-fragment-links';
import { rehypeHeadingSlugs } from '@/lib/markdown/rehype-heading-slugs';
import { rehypeHtmlImagePolicy } from '@/lib/markdown/rehype-html-image-policy';
import { rehypeLinkPolicy } from '@/lib/markdown/rehype-link-policy';
import { rehypeRestoreTaskCheckboxes } from '@/lib/markdown/rehype-restore-task-checkboxes';
import { rehypeStashTaskCheckboxes } from '@/lib/markdown/rehype-stash-task-checkboxes';
import { rehypeUnprefixIds } from '@/lib/markdown/rehype-unprefix-ids';
import { remarkImagePolicy } from '@/lib/markdown/remark-image-policy';
import { remarkSmartypants } from '@/lib/markdown/remark-smartypants';
import { articleSanitizeSchema } from '@/lib/markdown/sanitize-schema';
import { readSourceLanguages } from '@/lib/markdown/source-languages';

/** Settings of the article Markdown pipeline. */
export interface MarkdownPipelineOptions {
  /** Absolute path of the content folder; relative images must stay inside it. */
  readonly contentDir: string;
  /** The base path the site is served under (`/` when left out); root-relative links in articles get it. */
  readonly base?: string | undefined;
  /**
   * A revision of the code that reads and renders content (`sourceRevision`). It changes nothing in the output; it is
   * in the options so that Astro, which hashes them, drops rendered entries and cached pages when that code changes.
   */
  readonly revision?: string | undefined;
  /**
   * The site's locale, the language of articles whose front matter and source name none; typographic quotes follow
   * each article's language (quotes.ts). astro.config.mjs passes `siteConfig.locale`; left out, it is `en`. Taken as
   * an option rather than imported, so that editing the site's settings does not re-render every body.
   */
  readonly locale?: string | undefined;
}

/** What `unified()` from @astrojs/markdown-remark takes: plugins and remark-rehype options. */
export interface MarkdownOptions {
  /** Remark plugins; Astro runs them after GFM, before it collects images. */
  remarkPlugins: RemarkPlugins;
  /** Rehype plugins; Astro runs them before its image, heading-id and final rehype-raw steps. */
  rehypePlugins: RehypePlugins;
  /** Options for remark-rehype. */
  remarkRehype: RemarkRehype;
  /** Astro's own SmartyPants step: off, because the first remark plugin does the same faster (remark-smartypants.ts). */
  smartypants: false;
}

/** Options for `unified()` from @astrojs/markdown-remark: the whole article Markdown pipeline. */
export function createMarkdownOptions(options: MarkdownPipelineOptions): MarkdownOptions {
  const { contentDir, base = '/', revision, locale = 'en' } = options;
  if (!path.isAbsolute(contentDir)) {
    throw new Error(`createMarkdownOptions: contentDir must be an absolute path, got ${JSON.stringify(contentDir)}.`);
  }
  const imageOptions = { contentDir: path.resolve(contentDir) };
  // The sources' languages are data in the options, which Astro hashes: a source's new language re-renders bodies.
  const languages = { locale, sourceLanguages: readSourceLanguages(imageOptions.contentDir) };
  return {
    // SmartyPants first, where Astro's own step ran: right after GFM; its quotes follow each article's language.
    remarkPlugins: [
      [remarkSmartypants, languages],
      [remarkImagePolicy, imageOptions],
    ],
    // Order matters: everything before rehype-sanitize sees untrusted HTML; only trusted steps follow it.
    rehypePlugins: [
      // Raw HTML arrives as `raw` nodes, which sanitize would drop whole; parse it into elements first.
      rehypeRaw,
      [rehypeHtmlImagePolicy, imageOptions],
      [rehypeLinkPolicy, imageOptions],
      rehypeUnprefixIds,
      rehypeHeadingSlugs,
      rehypeStashTaskCheckboxes,
      [rehypeSanitize, articleSanitizeSchema],
      rehypeRestoreTaskCheckboxes,
      rehypeFragmentLinks,
      [rehypeBaseLinks, { base, contentDir: imageOptions.contentDir }],
      [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
      // Summary and search text, read once from the sanitized tree and stored with the entry.
      [rehypeArticleText, { revision }],
    ],
    // Footnote ids come out bare (`fn-1`); sanitize then adds the one `user-content-` prefix.
    remarkRehype: { clobberPrefix: '' },
    smartypants: false,
  };
}
