import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { decodeContentFile, findFrontmatterSizeProblem } from '@/lib/content-rules/limits';
import { findNestingProblem } from '@/lib/content-rules/nesting-depth';
import { FrontmatterError, parseYamlFile, splitMarkdown } from '@/lib/frontmatter';
import { findImageSourceProblem } from '@/lib/markdown/image-source';
import { articleIdFromPath, isSlug } from '@/lib/slug';

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

/**
 * Build-speed additions the articles loader can take: the fast-build layer's (src/integrations/fast-build/, see
 * docs/fast-build.md). None may change what is published, and every check of the loader runs with or without them.
 */
export interface ArticlesLoaderExtension {
  /** Runs before the glob loader, with the store as the last build left it. */
  beforeLoad?(context: LoaderContext): void;
  /** What to tell the glob loader about a file it need not read and check again, or undefined to read it. */
  unchangedEntryInfo?(context: LoaderContext, file: ArticleFile): ArticleEntryInfo | undefined;
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
}

/** Shows a path relative to the project (`content/articles/x.md`), the way an author sees it in their editor. */
function displayPath(filePath: string, projectRoot: string): string {
  const shown = relative(projectRoot, filePath);
  return shown.startsWith('..') ? filePath : shown.split('\\').join('/');
}

/** Wraps the schema check so that its error starts with the file's path, as every Broadsheet content error does. */
function parseDataNamingFile(context: LoaderContext, projectRoot: string, what: string): LoaderContext['parseData'] {
  return async (props) => {
    try {
      return await context.parseData(props);
    } catch (error) {
      const file = props.filePath ? displayPath(props.filePath, projectRoot) : props.id;
      // Astro's message bolds field names with Markdown asterisks; a terminal shows them literally.
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\*\*/g, '');
      throw new ContentError(`${file}: ${what}.\n${reason}`);
    }
  };
}

/** Lists the source ids that exist: file names in `content/sources/` without `.yaml`. */
function listSourceIds(contentDir: string): Set<string> {
  try {
    return new Set(
      readdirSync(join(contentDir, 'sources'))
        .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('_'))
        .map((name) => name.replace(/\.ya?ml$/, '')),
    );
  } catch {
    return new Set();
  }
}

/**
 * Checks a file's raw bytes against the size limit and UTF-8: Astro has already read it with bad bytes replaced by
 * U+FFFD, which would publish the damage silently.
 */
function checkRawFile(filePath: string, shown: string): void {
  const decoded = decodeContentFile(readFileSync(filePath));
  if ('problem' in decoded) {
    const { line, reason, fix } = decoded.problem;
    throw new ContentError(`${shown}${line ? `:${line}` : ''}: ${reason} ${fix}`);
  }
}

/** Reads a Markdown file's front matter with Broadsheet's YAML rules and checks what needs the file's location. */
function readArticle(contents: string, fileUrl: URL, contentDir: string, projectRoot: string) {
  const filePath = fileURLToPath(fileUrl);
  const shown = displayPath(filePath, projectRoot);
  checkRawFile(filePath, shown);
  let split;
  try {
    split = splitMarkdown(contents);
  } catch (error) {
    if (error instanceof FrontmatterError) {
      throw new ContentError(`${shown}${error.line ? `:${error.line}` : ''}: ${error.message}`);
    }
    throw error;
  }
  const frontmatterSize = findFrontmatterSizeProblem(split.rawData);
  if (frontmatterSize) throw new ContentError(`${shown}: ${frontmatterSize.reason} ${frontmatterSize.fix}`);
  const image = split.data['image'];
  if (image && typeof image === 'object' && 'src' in image && typeof image.src === 'string') {
    const src = image.src.trim();
    // Schemes and absolute paths get the schema's messages; here only where a relative path leads is checked.
    if (!/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/')) {
      const problem = findImageSourceProblem(src, filePath, contentDir);
      if (problem) throw new ContentError(`${shown}: image.src "${src}" ${problem.reason}`);
    }
  }
  const nesting = findNestingProblem(split.body, split.bodyLine);
  if (nesting) throw new ContentError(`${shown}:${nesting.line}: ${nesting.reason} ${nesting.fix}`);
  return { data: split.data, body: split.body, rawData: split.rawData, slug: undefined };
}

/** Options for the articles loader. */
export interface ArticlesLoaderOptions {
  /** The absolute path of the content folder (articles are read from its `articles/` folder). */
  contentDir: string;
  /** The fast-build layer's additions, when it is on (src/integrations/fast-build/articles-loader-extension.ts). */
  extension?: ArticlesLoaderExtension | undefined;
}

/** Loads `content/articles/**\/*.md` (names starting with `_` left out) with the checks described above. */
export function articlesLoader({ contentDir, extension }: ArticlesLoaderOptions): Loader {
  const base = join(contentDir, 'articles');
  let filesById = new Map<string, Set<string>>();
  const inner = glob({
    base,
    pattern: ['**/*.md', '!**/_*', '!**/_*/**'],
    // Pages use the rendered HTML, never the Markdown source; leaving it out of Astro's data store keeps the store
    // (written as one JSON string and bundled into the build) smaller: 14.4 MB instead of 24.2 MB at 1,000 generated
    // articles.
    retainBody: false,
    generateId: ({ entry }) => {
      const id = articleIdFromPath(entry) ?? `invalid-id/${entry}`;
      const files = filesById.get(id) ?? new Set<string>();
      files.add(entry);
      filesById.set(id, files);
      return id;
    },
  });
  return {
    name: 'broadsheet-articles',
    load: async (context) => {
      const { entryTypes, config, store } = context as FullLoaderContext;
      const projectRoot = fileURLToPath(config.root);
      const shown = (entry: string) => displayPath(join(base, entry), projectRoot);
      const renderFailures = new Map<string, string>();
      filesById = new Map();
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
                const reason = error instanceof Error ? error.message : String(error);
                // The depth check catches the usual shapes; any other structure deep enough to overflow ends here.
                const hint = /call stack/i.test(reason)
                  ? ' The body nests too deeply (quotes, lists, emphasis or HTML); flatten it.'
                  : '';
                renderFailures.set(entry.id, `${file}: the Markdown body could not be rendered: ${reason}${hint}`);
                throw error;
              }
            };
          },
        }),
      });

      await inner.load({
        ...context,
        entryTypes: wrappedTypes,
        parseData: parseDataNamingFile(context, projectRoot, 'invalid front matter'),
      } as FullLoaderContext);
      extension?.afterLoad?.(context);

      const problems: string[] = [];
      for (const [id, files] of filesById) {
        const names = [...files].sort();
        if (id.startsWith('invalid-id/')) {
          problems.push(
            `${shown(names[0] ?? id)}: the file name has no letter or digit to make a URL from. Rename it.`,
          );
        } else if (names.length > 1) {
          problems.push(
            `${names.map(shown).join(' and ')}: these files have the same article id "${id}" (one URL). Rename one of them.`,
          );
        }
      }
      const sourceIds = listSourceIds(contentDir);
      const known = [...sourceIds].sort().join(', ') || 'none';
      for (const entry of store.values()) {
        const file = entry.filePath ? displayPath(resolve(projectRoot, entry.filePath), projectRoot) : entry.id;
        const failure = renderFailures.get(entry.id);
        if (failure) problems.push(failure);
        else if (!entry.rendered && !entry.deferredRender) {
          // A cached rebuild keeps the failed entry without logging again: treat a missing body as the same failure.
          problems.push(
            `${file}: the Markdown body could not be rendered. Fix the body, or run a clean build to see why.`,
          );
        }
        const data = entry.data as { source?: { id: string }; via?: { id: string }[] };
        const references = [['source', data.source] as const, ...(data.via ?? []).map((via) => ['via', via] as const)];
        for (const [field, reference] of references) {
          if (reference && !sourceIds.has(reference.id)) {
            problems.push(
              `${file}: ${field} "${reference.id}" is not a known source (known: ${known}). Add content/sources/${reference.id}.yaml or fix the id.`,
            );
          }
        }
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
            const shown = displayPath(fileURLToPath(fileUrl), projectRoot);
            checkRawFile(fileURLToPath(fileUrl), shown);
            const id =
              fileURLToPath(fileUrl)
                .split(/[\\/]/)
                .pop()
                ?.replace(/\.ya?ml$/, '') ?? '';
            if (!isSlug(id)) {
              throw new ContentError(
                `${shown}: the file name "${id}" is used as the source id, so it must be lower case letters, digits and hyphens (such as athens-news). Rename the file.`,
              );
            }
            let data: unknown;
            try {
              data = parseYamlFile(contents);
            } catch (error) {
              const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
              throw new ContentError(`${shown}: not valid YAML: ${reason}. Check the quoting on that line.`);
            }
            if (data === null || typeof data !== 'object' || Array.isArray(data)) {
              throw new ContentError(
                `${shown}: a source file must be a list of \`field: value\` lines (name, url, ...).`,
              );
            }
            return { data: data as Record<string, unknown>, rawData: contents };
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
