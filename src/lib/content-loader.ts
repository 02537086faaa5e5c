import { readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { escapePath, glob as listFiles } from 'tinyglobby';
import { checkArticleFile } from '@/lib/content-rules/article-file';
import { displayPath, listSourceIds } from '@/lib/content-rules/content-files';
import { findArticleIdProblems, findUnknownSources } from '@/lib/content-rules/cross-file';
import { articleFieldLines, type FieldLineFinder, sourceFieldLines } from '@/lib/content-rules/field-lines';
import { type ContentProblem, formatProblem } from '@/lib/content-rules/problems';
import { renderFailureProblem } from '@/lib/content-rules/render-failure';
import { findSchemaProblems } from '@/lib/content-rules/schema-problems';
import { checkSourceFile } from '@/lib/content-rules/source-file';
import { articleIdFromPath } from '@/lib/slug';

// Astro's glob() loader is the base, wrapped to close the gaps measured in Astro 7 (docs/architecture.md):
// - it reads YAML with timestamps, so a date-time's offset is lost and a missing offset cannot be told apart;
// - two files with one id overwrite each other silently, and a front-matter `slug` replaces the id;
// - a Markdown render error is only logged and the page ships empty (and a cached rebuild does not even log it);
// - an unknown source id in a reference does not fail the build.

/** What Astro passes to a loader for each file type; part of the context it does not type publicly. */
interface EntryType {
  extensions: string[];
  getEntryInfo(params: { fileUrl: URL; contents: string }): unknown;
  getRenderFunction?(config: LoaderContext['config']): Promise<(entry: RenderEntry) => Promise<unknown>>;
  [key: string]: unknown;
}

interface RenderEntry {
  id: string;
  filePath?: string;
  [key: string]: unknown;
}

type FullLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

/** A rendered entry as Astro's Markdown render function returns it and its content store keeps it. */
export interface RenderedEntry {
  /** The body HTML. */
  html: string;
  /** Headings, image paths and the plugin front matter. */
  metadata?: Record<string, unknown>;
}

function isRenderedEntry(value: unknown): value is RenderedEntry {
  return typeof value === 'object' && value !== null && typeof (value as RenderedEntry).html === 'string';
}

/** What `getEntryInfo` tells the glob loader about a Markdown file. */
export interface ArticleEntryInfo {
  /** The parsed front matter. */
  data: Record<string, unknown>;
  /** The Markdown body. */
  body: string;
  /** The front matter as written, when it was read. */
  rawData?: string;
  /** Always undefined: a front-matter `slug` never replaces the id. */
  slug: undefined;
}

/** An article file the glob loader is about to read, as an extension sees it. */
export interface ArticleFile {
  /** The id the glob loader will give it (from its path). */
  readonly id: string;
  /** Its absolute path. */
  readonly filePath: string;
  /** Its text, as Astro read it. */
  readonly contents: string;
}

/** An article file found by listing the articles folder, before anything has read it. */
export interface ListedArticle {
  /** Its path inside the articles folder, as the glob loader names it. */
  readonly entry: string;
  /** The id the glob loader will give it, or undefined when its path gives none. */
  readonly id: string | undefined;
  /** Its absolute path. */
  readonly filePath: string;
}

/**
 * Build-speed additions the articles loader can take: the fast-build layer's (src/integrations/fast-build/, see
 * docs/fast-build.md). None may change what is published, and every check of the loader runs with or without them.
 */
export interface ArticlesLoaderExtension {
  /** Runs before the glob loader, with the store as the last build left it. */
  beforeLoad?(context: LoaderContext): void;
  /** What to tell the glob loader about a file it need not read and check again, or undefined to read it. */
  unchangedEntryInfo?(context: LoaderContext, file: ArticleFile): ArticleEntryInfo | undefined;
  /**
   * Of the listed files, those (by `entry`) whose stored entries stand as they are without the file being read: the
   * glob loader is then given only the others. Not asked in `astro dev`, whose glob loader watches every file.
   */
  keptArticles?(context: LoaderContext, files: readonly ListedArticle[]): ReadonlySet<string>;
  /** What the store keeps of a rendered entry; needs Astro's Markdown render function in the context's entryTypes. */
  storedRendered?(rendered: RenderedEntry): RenderedEntry;
  /** Runs after the glob loader has loaded every file. */
  afterLoad?(context: LoaderContext): void;
}

/** A content problem found while loading, reported with the file it is in. */
export class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
  }

  /** One error for what the content rules found in a file: a `file:line: reason fix` line for each problem. */
  static of(problems: readonly ContentProblem[]): ContentError {
    return new ContentError(problems.map(formatProblem).join('\n'));
  }
}

/**
 * Finds a field's line in a loaded file by reading it again, when first asked: only problems need lines, and they
 * are rare, so the loaders keep nothing of a file's text for them.
 */
function fieldLinesOfFile(filePath: string): FieldLineFinder {
  let lines: FieldLineFinder | undefined;
  return (field) => {
    if (!lines) {
      let text = '';
      try {
        text = readFileSync(filePath, 'utf8');
      } catch {
        // A file deleted since it was loaded has no lines to give; the problem is still reported.
      }
      lines = filePath.endsWith('.md') ? articleFieldLines(text) : sourceFieldLines(text);
    }
    return lines(field);
  };
}

/**
 * Wraps Astro's schema check. When it fails, the content rules apply the same schema again to give each issue its
 * line and fix, as `npm run check:content` does; Astro's own message stands when they find nothing (Astro's image and
 * reference helpers are not theirs).
 */
function parseDataNamingFile(context: LoaderContext, projectRoot: string, what: string): LoaderContext['parseData'] {
  return async (props) => {
    try {
      return await context.parseData(props);
    } catch (error) {
      const filePath = props.filePath ? resolve(projectRoot, props.filePath) : undefined;
      const file = filePath ? displayPath(filePath, projectRoot) : props.id;
      if (filePath) {
        const kind = filePath.endsWith('.md') ? 'article' : 'source';
        const problems = findSchemaProblems(kind, props.data, file, fieldLinesOfFile(filePath));
        if (problems.length > 0) throw ContentError.of(problems);
      }
      // Astro's message bolds field names with Markdown asterisks; a terminal shows them literally.
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\*\*/g, '');
      throw new ContentError(`${file}: ${what}.\n${reason}`);
    }
  };
}

/**
 * Reads a Markdown file's front matter with Broadsheet's YAML rules and checks what needs only the file and the
 * content folder (lib/content-rules/article-file.ts). Its bytes are read again: Astro has read them with bad bytes
 * replaced by U+FFFD, which would publish the damage silently.
 */
function readArticle(contents: string, fileUrl: URL, contentDir: string, projectRoot: string): ArticleEntryInfo {
  const filePath = fileURLToPath(fileUrl);
  const file = displayPath(filePath, projectRoot);
  const checked = checkArticleFile(readFileSync(filePath), { file, filePath, contentDir, text: contents });
  if (checked.problems.length > 0 || !checked.frontMatter) throw ContentError.of(checked.problems);
  const { data, body, rawData } = checked.frontMatter;
  return { data, body, rawData, slug: undefined };
}

/** Options for the articles loader. */
export interface ArticlesLoaderOptions {
  /** The absolute path of the content folder (articles are read from its `articles/` folder). */
  contentDir: string;
  /** The fast-build layer's additions, when it is on (src/integrations/fast-build/articles-loader-extension.ts). */
  extension?: ArticlesLoaderExtension | undefined;
}

/** The article files: Markdown, names starting with `_` left out (drafts, notes). */
const ARTICLE_PATTERN = ['**/*.md', '!**/_*', '!**/_*/**'];

/**
 * Above this many files to read, the glob loader is given the whole pattern, not one pattern per file: its matcher
 * tries every pattern on every file of the folders they lead to.
 */
const MAX_FILES_BY_NAME = 200;

/** Loads `content/articles/**\/*.md` (names starting with `_` left out) with the checks described above. */
export function articlesLoader({ contentDir, extension }: ArticlesLoaderOptions): Loader {
  const base = join(contentDir, 'articles');
  let filesById = new Map<string, Set<string>>();
  // Every file given an id in this load, so that a file the glob loader was asked for and did not see is noticed.
  let identified = new Set<string>();
  const idOf = (entry: string): string => {
    identified.add(entry);
    const id = articleIdFromPath(entry) ?? `invalid-id/${entry}`;
    const files = filesById.get(id) ?? new Set<string>();
    files.add(entry);
    filesById.set(id, files);
    return id;
  };
  const globOf = (pattern: string[]) =>
    glob({
      base,
      pattern,
      // Pages use the rendered HTML, never the Markdown source; leaving it out of Astro's data store keeps the store
      // (written as one JSON string and bundled into the build) much smaller (docs/performance.md#how-it-stays-fast).
      retainBody: false,
      generateId: ({ entry }) => idOf(entry),
    });

  /**
   * Gives the glob loader only the files the extension does not keep, when it keeps any: the glob loader reads every
   * file it lists. Its store is the collection's with no keys, so that it deletes none of the kept entries; the
   * entries of files that have gone are deleted here instead, as the glob loader would.
   */
  const loadFiles = async (context: FullLoaderContext): Promise<void> => {
    const listed =
      extension?.keptArticles && !context.watcher
        ? (await listFiles(ARTICLE_PATTERN, { cwd: base, expandDirectories: false })).map((entry) => ({
            entry,
            id: articleIdFromPath(entry),
            filePath: join(base, entry),
          }))
        : undefined;
    const kept = listed ? extension?.keptArticles?.(context, listed) : undefined;
    const toRead = listed?.filter((file) => !kept?.has(file.entry)) ?? [];
    if (!kept || kept.size === 0 || toRead.length > MAX_FILES_BY_NAME) {
      await globOf(ARTICLE_PATTERN).load(context);
      return;
    }
    for (const entry of kept) idOf(entry);
    if (toRead.length > 0) {
      await globOf(toRead.map((file) => escapePath(file.entry))).load({
        ...context,
        store: { ...context.store, keys: () => [] },
      });
    }
    // A file the glob loader did not give an id (a name its pattern did not match, a file gone since the listing)
    // must not lose its article silently: the glob loader then lists and reads every file itself.
    if (toRead.some((file) => !identified.has(file.entry))) {
      await globOf(ARTICLE_PATTERN).load(context);
      return;
    }
    for (const id of context.store.keys()) if (!filesById.has(id)) context.store.delete(id);
  };
  return {
    name: 'broadsheet-articles',
    load: async (context) => {
      const { entryTypes, config, store } = context as FullLoaderContext;
      const projectRoot = fileURLToPath(config.root);
      const shown = (entry: string) => displayPath(join(base, entry), projectRoot);
      const renderFailures = new Map<string, ContentProblem>();
      filesById = new Map();
      identified = new Set();
      // `entryTypes` is Astro's, untyped (docs/fast-build.md#entry-types). Without its Markdown entry the glob loader
      // would skip every article with a warning, and with no render function the fast-build layer could not keep
      // bodies out of the store: either must stop the build, not pass unnoticed.
      const markdown = entryTypes?.get('.md');
      if (!markdown) {
        throw new ContentError(
          "Astro gave the articles loader no entry type for .md files (LoaderContext.entryTypes), so no article could be read. Astro's loader API has changed: see docs/fast-build.md.",
        );
      }
      const getRenderFunction = markdown.getRenderFunction?.bind(markdown);
      if (extension?.storedRendered && !getRenderFunction) {
        throw new ContentError(
          "Astro's .md entry type has no getRenderFunction, which the fast-build layer wraps to keep rendered articles out of the content store. Astro's loader API has changed: see docs/fast-build.md, or build with BROADSHEET_FAST_BUILD=0.",
        );
      }
      extension?.beforeLoad?.(context);

      const wrappedTypes = new Map<string, EntryType>(entryTypes);
      wrappedTypes.set('.md', {
        ...markdown,
        getEntryInfo: ({ contents, fileUrl }) => {
          const filePath = fileURLToPath(fileUrl);
          // The id the glob loader will give the file (generateId above).
          const id = articleIdFromPath(relative(base, filePath));
          const unchanged =
            id === undefined ? undefined : extension?.unchangedEntryInfo?.(context, { id, filePath, contents });
          return unchanged ?? readArticle(contents, fileUrl, contentDir, projectRoot);
        },
        ...(getRenderFunction && {
          getRenderFunction: async (astroConfig) => {
            const render = await getRenderFunction(astroConfig);
            return async (entry) => {
              try {
                const rendered = await render(entry);
                if (!isRenderedEntry(rendered) || !extension?.storedRendered) return rendered;
                return extension.storedRendered(rendered);
              } catch (error) {
                const file = entry.filePath ? displayPath(resolve(projectRoot, entry.filePath), projectRoot) : entry.id;
                renderFailures.set(entry.id, renderFailureProblem({ file, error }));
                throw error;
              }
            };
          },
        }),
      });

      await loadFiles({
        ...context,
        entryTypes: wrappedTypes,
        parseData: parseDataNamingFile(context, projectRoot, 'invalid front matter'),
      } as FullLoaderContext);
      extension?.afterLoad?.(context);

      const problems: string[] = [];
      // generateId keeps the files of each id; a file whose path gives no id is kept under its own `invalid-id/` key.
      const articleIds = [...filesById].flatMap(([id, files]) =>
        [...files].map((entry) => ({ file: shown(entry), id: id.startsWith('invalid-id/') ? undefined : id })),
      );
      problems.push(...findArticleIdProblems(articleIds).map(formatProblem));
      const sourceIds = listSourceIds(contentDir);
      for (const entry of store.values()) {
        const filePath = entry.filePath ? resolve(projectRoot, entry.filePath) : undefined;
        const file = filePath ? displayPath(filePath, projectRoot) : entry.id;
        const failure = renderFailures.get(entry.id);
        if (failure) problems.push(formatProblem(failure));
        else if (!entry.rendered && !entry.deferredRender) {
          // A cached rebuild keeps the failed entry without logging again: treat a missing body as the same failure.
          problems.push(
            `${file}: the Markdown body could not be rendered. Fix the body, or run a clean build to see why.`,
          );
        }
        // Checked on every build, cached entries too: a source file may have gone since the article was read.
        const fieldLine: FieldLineFinder = filePath ? fieldLinesOfFile(filePath) : () => undefined;
        problems.push(...findUnknownSources(file, entry.data, sourceIds, fieldLine).map(formatProblem));
      }
      if (problems.length > 0) {
        throw new ContentError(
          `Broadsheet found ${problems.length} problem(s) in the articles:\n- ${problems.join('\n- ')}`,
        );
      }
    },
  };
}

/** Options for the sources loader. */
export interface SourcesLoaderOptions {
  /** The absolute path of the content folder (sources are read from its `sources/` folder). */
  contentDir: string;
}

/** Loads `content/sources/<id>.yaml`; the file name is the id and must already be a slug. */
export function sourcesLoader({ contentDir }: SourcesLoaderOptions): Loader {
  const base = join(contentDir, 'sources');
  const inner = glob({
    base,
    pattern: ['*.yaml', '*.yml', '!_*'],
    generateId: ({ entry }) => entry.replace(/\.ya?ml$/, ''),
  });
  return {
    name: 'broadsheet-sources',
    load: async (context) => {
      const { entryTypes, config } = context as FullLoaderContext;
      const projectRoot = fileURLToPath(config.root);
      const wrappedTypes = new Map<string, EntryType>();
      for (const [extension, entryType] of entryTypes) {
        wrappedTypes.set(extension, {
          ...entryType,
          getEntryInfo: ({ contents, fileUrl }) => {
            // The content rules (lib/content-rules/source-file.ts) read the file's bytes again, as readArticle does.
            const filePath = fileURLToPath(fileUrl);
            const file = displayPath(filePath, projectRoot);
            const checked = checkSourceFile(readFileSync(filePath), {
              file,
              fileName: basename(filePath),
              text: contents,
            });
            if (checked.problems.length > 0 || !checked.data) throw ContentError.of(checked.problems);
            return { data: checked.data, rawData: contents };
          },
        });
      }
      await inner.load({
        ...context,
        entryTypes: wrappedTypes,
        parseData: parseDataNamingFile(context, projectRoot, 'invalid source'),
      } as FullLoaderContext);
    },
  };
}
