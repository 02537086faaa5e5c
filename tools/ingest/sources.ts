import { slugify } from '../../src/lib/slug';

/** A source that exists in the content folder. */
export interface KnownSource {
  /** The source id: the file name without `.yaml`. */
  readonly id: string;
  /** The outlet's name. */
  readonly name: string;
  /** Its home page. */
  readonly url: string;
  /** The default language of its articles. */
  readonly language?: string | undefined;
  /** Its one-line description (often the tagline a scrape repeats). */
  readonly description?: string | undefined;
  /** How `npm run fetch` takes articles from it; absent for a source without a `feed`. */
  readonly intake?: SourceIntake | undefined;
}

/** A source's intake settings, from its `feed`, `fullText`, `feedTags` and `feedLimit` fields. */
export interface SourceIntake {
  /** The feed's address. */
  readonly feed: string;
  /** Whether each new item's page is fetched for the whole story. */
  readonly fullText: boolean;
  /** Topics every article from the feed gets. */
  readonly tags: readonly string[];
  /** The most new articles one run takes, when the source sets it. */
  readonly limit: number | undefined;
}

/** What a page says about the outlet that published it. */
export interface OutletClues {
  /** The outlet's name (`og:site_name`, the publisher in JSON-LD, a scrape's header line). */
  readonly name?: string | undefined;
  /** Any URL of the page or the outlet (`--url`, canonical link, `og:url`). */
  readonly url?: string | undefined;
}

/** A host name compared the way people name sites: lower case, without a leading `www.`. */
export function hostKey(url: string): string | undefined {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    return hostname
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

function nameKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The known source a page belongs to: the one whose home page has the page's host (or a parent of it, so
 * `edition.cnn.com` is `cnn.com`), else the one with the same name (case, spacing and a leading "The" ignored).
 */
export function matchSource(sources: readonly KnownSource[], clues: OutletClues): KnownSource | undefined {
  const host = clues.url ? hostKey(clues.url) : undefined;
  if (host) {
    const byHost = sources
      .map((source) => ({ source, sourceHost: hostKey(source.url) }))
      .filter(({ sourceHost }) => sourceHost && (host === sourceHost || host.endsWith(`.${sourceHost}`)))
      .sort((a, b) => (b.sourceHost?.length ?? 0) - (a.sourceHost?.length ?? 0));
    if (byHost[0]) return byHost[0].source;
  }
  if (clues.name) {
    const wanted = nameKey(clues.name);
    if (wanted) return sources.find((source) => nameKey(source.name) === wanted);
  }
  return undefined;
}

/** A source file the importer proposes for an outlet it does not know yet. */
export interface NewSource {
  /** The id, from the outlet's name. */
  readonly id: string;
  /** The outlet's name. */
  readonly name: string;
  /** The outlet's home page: the page's origin. */
  readonly url: string;
  /** The page's language, when it gives one. */
  readonly language?: string | undefined;
}

/**
 * A new source for an outlet with a name and a web address, or `undefined` when either is missing (then the user
 * has to say which source it is).
 */
export function proposeSource(clues: OutletClues, language?: string): NewSource | undefined {
  if (!clues.name || !clues.url || !hostKey(clues.url)) return undefined;
  const id = slugify(clues.name);
  if (!id) return undefined;
  const { origin } = new URL(clues.url);
  return { id, name: clues.name.trim(), url: `${origin}/`, ...(language && { language }) };
}
