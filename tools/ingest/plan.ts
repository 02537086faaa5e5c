import { compareContentDates, parseContentDate, writtenDay } from '../../src/lib/content-date';
import { MAX_SUMMARY_LENGTH } from '../../src/lib/schemas';
import { articleIdFromPath, slugify } from '../../src/lib/slug';
import {
  type ImportedFrontMatter,
  renderArticleFile,
  renderSourceFile,
  validateArticleFile,
  validateSourceFile,
} from './article-file';
import type { ContentSnapshot, ExistingArticle } from './content-snapshot';
import { detectCredits } from './credits';
import type { ArticleDraft } from './draft';
import { ImportError } from './errors';
import { type ArticleIndex, duplicateKey, indexedArticle } from './seen-index';
import { hostKey, type KnownSource, matchSource, proposeSource } from './sources';
import { detectTopics } from './topics';
import { cleanSourceUrl } from './web-url';

/** What the user said on the command line that shapes every imported article. */
export interface ImportChoices {
  /** `--source`: the id of the outlet, instead of matching or creating one. Must exist. */
  readonly source?: string | undefined;
  /** `--url`: the original article's address. */
  readonly url?: string | undefined;
  /** `--date`: the publication date, for pages that give none. */
  readonly date?: string | undefined;
  /** `--tags`: the topics, instead of detecting the site's existing topics. */
  readonly tags?: readonly string[] | undefined;
  /** `--via`: ids of outlets the source credits, instead of detecting credits in the text. */
  readonly via?: readonly string[] | undefined;
  /** Topics added to the detected (or given) ones: a source's `feedTags` for intake. */
  readonly extraTags?: readonly string[] | undefined;
  /** `--draft`: write the article as a draft (`draft: true`), shown in `npm run dev` only. */
  readonly draft?: boolean | undefined;
}

/** The article is already in the content folder (same address, or same source, title and day): nothing to write. */
export class DuplicateArticleError extends ImportError {
  constructor(message: string) {
    super(message);
    this.name = 'DuplicateArticleError';
  }
}

/** One file the import will create, relative to the content folder. */
export interface PlannedFile {
  /** `articles/YYYY/MM/<slug>.md` or `sources/<id>.yaml`. */
  readonly path: string;
  /** The file's full text. */
  readonly contents: string;
}

/** A binary file an import creates beside its article (a downloaded image), relative to the content folder. */
export interface PlannedAsset {
  /** `articles/YYYY/MM/<slug>/<hash>.<ext>`. */
  readonly path: string;
  /** The file's bytes. */
  readonly contents: Uint8Array;
}

/** The files one import creates, and what the user should know about them. */
export interface ArticlePlan {
  /** The files, the new source (if any) first. */
  readonly files: readonly PlannedFile[];
  /** Images downloaded for the article, written before its files so the article never points at a missing file. */
  readonly assets: readonly PlannedAsset[];
  /** Warnings and decisions worth reading (a detected credit, a new source). */
  readonly notes: readonly string[];
  /** The article as later imports in the same run must see it (for duplicates). */
  readonly article: ExistingArticle;
  /** The article's source, which may be new. */
  readonly source: KnownSource;
}

/** A slug of at most 80 characters, cut at a hyphen, so file names stay readable. */
export function articleSlug(title: string): string {
  const slug = slugify(title);
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 81);
  return cut.slice(0, cut.lastIndexOf('-') > 40 ? cut.lastIndexOf('-') : 80).replace(/-+$/, '');
}

function shortenSummary(summary: string | undefined, title: string): string | undefined {
  const text = summary?.replace(/\s+/g, ' ').trim();
  if (!text || text.toLowerCase() === title.toLowerCase()) return undefined;
  if (text.length <= MAX_SUMMARY_LENGTH) return text;
  const cut = text.slice(0, MAX_SUMMARY_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.-]+$/, '')}…`;
}

function primaryLanguage(tag: string | undefined): string | undefined {
  return tag?.split('-')[0]?.toLowerCase();
}

function sameText(a: string | undefined, b: string | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase()
  );
}

function knownList(sources: readonly KnownSource[]): string {
  return sources.map((source) => source.id).join(', ') || 'none';
}

/** Which source an article belongs to: `--source`, a known source matched by host or name, or a new one. */
function resolveSource(
  draft: ArticleDraft,
  sourceUrl: string | undefined,
  snapshot: ContentSnapshot,
  choices: ImportChoices,
): { source: KnownSource; created?: PlannedFile; note?: string } {
  if (choices.source) {
    const chosen = snapshot.sources.find((source) => source.id === choices.source);
    if (!chosen)
      throw new ImportError(
        `--source "${choices.source}" is not a known source (known: ${knownList(snapshot.sources)}).`,
      );
    return { source: chosen };
  }
  const clues = { name: draft.outletName, url: sourceUrl ?? draft.url };
  const matched = matchSource(snapshot.sources, clues);
  if (matched) return { source: matched };
  const proposed = proposeSource(clues, draft.lang);
  if (!proposed) {
    const missing = !draft.outletName
      ? 'does not name the outlet that published it'
      : 'gives no web address for its outlet (pass --url)';
    throw new ImportError(
      `cannot tell which source published it: it ${missing}, and no known source matches. Pass --source <id> (known: ${knownList(snapshot.sources)}).`,
    );
  }
  const clash = snapshot.sources.find((source) => source.id === proposed.id);
  if (clash) {
    throw new ImportError(
      `the outlet "${proposed.name}" (${hostKey(proposed.url)}) would get the source id "${proposed.id}", but sources/${proposed.id}.yaml is ${clash.name} (${clash.url}). Pass --source <id>.`,
    );
  }
  const contents = renderSourceFile(proposed);
  validateSourceFile(contents);
  return {
    source: { id: proposed.id, name: proposed.name, url: proposed.url, language: proposed.language },
    created: { path: `sources/${proposed.id}.yaml`, contents },
    note: `new source "${proposed.id}" (${proposed.name}, ${proposed.url}): check its name and add a description and country.`,
  };
}

function findDuplicate(
  articles: ArticleIndex,
  id: string,
  sourceUrl: string | undefined,
  key: string | undefined,
): { message: string; duplicate: boolean } | undefined {
  const sameUrl = sourceUrl ? articles.pathWithUrl(sourceUrl) : undefined;
  if (sourceUrl && sameUrl) {
    return {
      message: `it is already imported: articles/${sameUrl} has the same sourceUrl (${sourceUrl}).`,
      duplicate: true,
    };
  }
  const sameKey = key ? articles.pathWithKey(key) : undefined;
  if (sameKey) {
    return {
      message: `it is already imported: articles/${sameKey} has the same source, title and date.`,
      duplicate: true,
    };
  }
  const sameId = articles.pathWithId(id);
  if (sameId) {
    return {
      message: `articles/${sameId} already has the URL /articles/${id}/ (the file would be articles/${id}.md). Rename or remove one of them.`,
      duplicate: false,
    };
  }
  return undefined;
}

/**
 * Turns a draft into the files to write: resolves the source (and proposes a new one), detects credits and topics
 * unless the user gave them, picks the path, refuses duplicates, and validates the article with the build's schema.
 * Throws an ImportError, having written nothing, on any problem.
 */
export function planArticle(draft: ArticleDraft, snapshot: ContentSnapshot, choices: ImportChoices = {}): ArticlePlan {
  const title = draft.title?.replace(/\s+/g, ' ').trim();
  if (!title) throw new ImportError('no headline found.');
  let date = draft.date;
  if (choices.date) {
    const given = parseContentDate(choices.date);
    if (typeof given === 'string') throw new ImportError(`--date ${given}`);
    date = given;
  }
  if (!date) throw new ImportError('no publication date found in it. Pass --date YYYY-MM-DD.');
  const sourceUrl = cleanSourceUrl(choices.url ?? draft.url ?? '') ?? undefined;
  const { source, created, note } = resolveSource(draft, sourceUrl, snapshot, choices);
  const knownSources = created ? [...snapshot.sources, source] : snapshot.sources;
  const knownIds = new Set(knownSources.map((known) => known.id));
  for (const id of choices.via ?? []) {
    if (!knownIds.has(id))
      throw new ImportError(`--via "${id}" is not a known source (known: ${knownList(knownSources)}).`);
  }
  const via = choices.via ?? detectCredits(draft.body, knownSources, source.id);
  const knownTags = snapshot.articles.tags();
  const chosenTags = choices.tags ?? detectTopics(title, draft.body, knownTags);
  const tags = [...new Set([...chosenTags, ...(choices.extraTags ?? [])])];
  const slug = articleSlug(title);
  if (!slug) throw new ImportError(`the headline "${title}" has no letter or digit to make a file name from.`);
  const day = writtenDay(date);
  const path = `articles/${day.slice(0, 4)}/${day.slice(5, 7)}/${slug}.md`;
  const id = articleIdFromPath(path.slice('articles/'.length)) ?? slug;
  const duplicate = findDuplicate(snapshot.articles, id, sourceUrl, duplicateKey(source.id, day, title));
  if (duplicate?.duplicate) throw new DuplicateArticleError(duplicate.message);
  if (duplicate) throw new ImportError(duplicate.message);

  const authors = [...new Set(draft.authors.map((author) => author.replace(/\s+/g, ' ').trim()))].filter(
    (author) => author.length > 0 && author.length <= 200 && !sameText(author, source.name),
  );
  const updated = draft.updated && compareContentDates(draft.updated, date) > 0 ? draft.updated : undefined;
  const lang =
    draft.lang && !created && primaryLanguage(draft.lang) !== primaryLanguage(source.language) ? draft.lang : undefined;
  const frontMatter: ImportedFrontMatter = {
    title,
    date: date.iso,
    source: source.id,
    sourceUrl,
    author: authors.length > 0 ? authors : undefined,
    summary: shortenSummary(draft.summary, title),
    via,
    tags,
    updated: updated?.iso,
    image: draft.image,
    lang,
    draft: choices.draft === true ? true : undefined,
  };
  const contents = renderArticleFile(frontMatter, draft.body);
  validateArticleFile(contents, knownIds);
  const notes = [...draft.notes];
  if (note) notes.push(note);
  if (!choices.via && via.length > 0)
    notes.push(`via [${via.join(', ')}]: the text credits ${via.length === 1 ? 'this outlet' : 'these outlets'}.`);
  if (!choices.tags && tags.length > 0)
    notes.push(`tags [${tags.join(', ')}]: topics the site already has that the article is about.`);
  return {
    files: [...(created ? [created] : []), { path, contents }],
    assets: [],
    notes,
    article: { path: path.slice('articles/'.length), id, title, date: date.iso, source: source.id, sourceUrl, tags },
    source,
  };
}

/** The snapshot as it will be once a plan is written, so the next file in the same run sees its article and source. */
export function withPlan(snapshot: ContentSnapshot, plan: ArticlePlan): ContentSnapshot {
  const hasSource = snapshot.sources.some((known) => known.id === plan.source.id);
  return {
    ...snapshot,
    sources: hasSource ? snapshot.sources : [...snapshot.sources, plan.source],
    articles: snapshot.articles.with(indexedArticle(plan.article)),
  };
}
