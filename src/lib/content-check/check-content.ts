import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { needsRender } from '@/lib/content-check/needs-render';
import type { BodyRenderer } from '@/lib/content-check/render-body';
import { checkArticleFile } from '@/lib/content-rules/article-file';
import {
  displayPath,
  listArticleFiles,
  listSourceFiles,
  sourceIdFromFileName,
} from '@/lib/content-rules/content-files';
import { type ArticleFileId, findArticleIdProblems, findUnknownSources } from '@/lib/content-rules/cross-file';
import { type ContentProblem, compareProblems } from '@/lib/content-rules/problems';
import { renderFailureProblem } from '@/lib/content-rules/render-failure';
import { findSchemaProblems } from '@/lib/content-rules/schema-problems';
import { checkSourceFile } from '@/lib/content-rules/source-file';
import { articleIdFromPath } from '@/lib/slug';

/** Where to check, and how to render bodies. */
export interface CheckContentOptions {
  /** Absolute path of the content folder. */
  readonly contentDir: string;
  /** The project root; file names in the report are relative to it. */
  readonly projectRoot: string;
  /** Renders bodies that could break image, link or depth rules; without it bodies are not rendered. */
  readonly renderBody?: BodyRenderer | undefined;
  /**
   * Checks the articles in worker threads instead of this one (`checkArticlesInWorkers`): a function cannot cross into
   * a thread, so each thread renders with its own `createBodyRenderer` when `render` is true, and `renderBody` is not
   * used for articles. Small folders are checked in this thread all the same.
   */
  readonly workers?: { readonly count: number; readonly render: boolean } | undefined;
}

/** What the article checks need to know besides the files: where they are, and which source ids exist. */
export interface ArticleCheckContext {
  /** Absolute path of the content folder. */
  readonly contentDir: string;
  /** The project root; file names in problems are relative to it. */
  readonly projectRoot: string;
  /** The source ids that exist, for `source` and `via`. */
  readonly sourceIds: ReadonlySet<string>;
  /** Renders bodies that need it; without it bodies are not rendered. */
  readonly renderBody?: BodyRenderer | undefined;
}

/** What checking a list of article files found. */
export interface CheckedArticles {
  /** The problems of each file on its own, file after file in the order given. */
  readonly problems: ContentProblem[];
  /** Each file with its article id, for the rules across files. */
  readonly ids: ArticleFileId[];
  /** How many bodies were rendered. */
  readonly rendered: number;
}

// Below this many articles, starting threads (each loads tsx, the rules and the schemas, seconds on a busy machine)
// costs more than it saves: at 20,000 one thread was faster (bench/JOURNAL.md).
const FEWEST_ARTICLES_FOR_WORKERS = 50_000;

/** The outcome of a check: how many files were read, and every problem found, sorted. */
export interface CheckContentResult {
  /** Article and source files read. */
  readonly files: number;
  /** Every problem, ordered by file and line. */
  readonly problems: readonly ContentProblem[];
  /** How many article bodies were rendered through the Markdown pipeline. */
  readonly rendered: number;
}

/**
 * Checks every article and source file with the build's rules (lib/content-rules/, which the build's loaders call
 * too), without building, and reports every problem at once. Beyond the loaders, it applies the schemas to every file
 * (the build stops at the first file Astro refuses), renders the bodies that could break a path rule, and looks for
 * local images on disk, which the build finds when it imports them.
 */
export async function checkContent(options: CheckContentOptions): Promise<CheckContentResult> {
  const { contentDir, projectRoot, renderBody, workers } = options;
  const shown = (path: string) => displayPath(path, projectRoot);
  const problems: ContentProblem[] = [];

  const sourceFiles = listSourceFiles(contentDir);
  for (const fileName of sourceFiles) {
    const path = join(contentDir, 'sources', fileName);
    const file = shown(path);
    const checked = checkSourceFile(readFileSync(path), { file, fileName });
    problems.push(...checked.problems);
    if (checked.data) problems.push(...findSchemaProblems('source', checked.data, file, checked.fieldLine));
  }
  const sourceIds = new Set(sourceFiles.map(sourceIdFromFileName));

  const articleFiles = listArticleFiles(contentDir);
  const context = { contentDir, projectRoot, sourceIds };
  const articles =
    workers && workers.count > 1 && articleFiles.length >= FEWEST_ARTICLES_FOR_WORKERS
      ? await (await import('@/lib/content-check/workers')).checkArticlesInWorkers(articleFiles, context, workers)
      : await checkArticles(articleFiles, { ...context, renderBody });
  for (const problem of articles.problems) problems.push(problem);
  problems.push(...findArticleIdProblems(articles.ids));
  return {
    files: sourceFiles.length + articleFiles.length,
    problems: problems.sort(compareProblems),
    rendered: articles.rendered,
  };
}

/**
 * Checks article files (paths under `<contentDir>/articles/`) one by one with every rule that needs only the file, its
 * folder and the source ids; the rules across files (`findArticleIdProblems`) take the ids it returns. The build's
 * loaders call the same rule functions.
 */
export async function checkArticles(
  entries: readonly string[],
  context: ArticleCheckContext,
): Promise<CheckedArticles> {
  const { contentDir, projectRoot, sourceIds, renderBody } = context;
  const problems: ContentProblem[] = [];
  const ids: ArticleFileId[] = [];
  let rendered = 0;
  for (const entry of entries) {
    const filePath = join(contentDir, 'articles', entry);
    const file = displayPath(filePath, projectRoot);
    ids.push({ file, id: articleIdFromPath(entry) });

    const checked = checkArticleFile(readFileSync(filePath), { file, filePath, contentDir });
    problems.push(...checked.problems);
    const { frontMatter, fieldLine } = checked;
    if (!frontMatter) continue;
    problems.push(...findSchemaProblems('article', frontMatter.data, file, fieldLine));
    problems.push(...findUnknownSources(file, frontMatter.data, sourceIds, fieldLine));
    if (checked.localLeadImage !== undefined) {
      problems.push(...missingImages([checked.localLeadImage], filePath, file, 'image.src'));
    }
    // A body too deep for the scan would overflow the renderer too; its problem is already reported.
    const tooDeep = checked.problems.some((problem) => problem.rule === 'nesting-too-deep');
    if (renderBody && !tooDeep && needsRender(frontMatter.body)) {
      rendered += 1;
      const result = await renderBody(frontMatter.body, filePath);
      if (result.ok) {
        problems.push(...missingImages(result.localImagePaths, filePath, file, undefined));
      } else {
        problems.push(renderFailureProblem({ file, error: result.error, bodyLine: frontMatter.bodyLine }));
      }
    }
  }
  return { problems, ids, rendered };
}

/** A problem for each local image path that has no file (the build would fail importing it). */
function missingImages(
  paths: readonly string[],
  filePath: string,
  file: string,
  field: string | undefined,
): ContentProblem[] {
  return paths.flatMap((path) => {
    let decoded = path;
    try {
      decoded = decodeURI(path);
    } catch {
      // The path rules have already reported a malformed escape.
    }
    if (existsSync(resolve(dirname(filePath), decoded))) return [];
    return [
      {
        file,
        field,
        rule: 'image-missing',
        reason: `the image "${path}" does not exist.`,
        fix: 'Add the file next to the article, or fix the path.',
      },
    ];
  });
}
