import type { ContentDate } from '../../src/lib/content-date';

/** What the importer read from one saved page or scrape, before it is matched to the content folder. */
export interface ArticleDraft {
  /** The headline. */
  readonly title: string | undefined;
  /** When it was published. */
  readonly date: ContentDate | undefined;
  /** When it was last updated. */
  readonly updated: ContentDate | undefined;
  /** The byline's names. */
  readonly authors: readonly string[];
  /** The standfirst. */
  readonly summary: string | undefined;
  /** The lead image, only when it is an `https:` URL with alt text. */
  readonly image: { readonly src: string; readonly alt: string; readonly credit?: string | undefined } | undefined;
  /** The page's language. */
  readonly lang: string | undefined;
  /** The article's address as the page gives it. */
  readonly url: string | undefined;
  /** The outlet's name as the page gives it. */
  readonly outletName: string | undefined;
  /** The story as Markdown. */
  readonly body: string;
  /** Things the user should know (a paywall teaser, a dropped lead image). */
  readonly notes: readonly string[];
}
