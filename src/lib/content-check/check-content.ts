import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type BodyRenderer, needsRender } from '@/lib/content-check/render-body';
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
}

/** The outcome of a check: how many files were read, and every problem found, sorted. */
export interface CheckContentResult {
  /** Article and source files read. */
  readonly files: number;
  /** Every problem, ordered by file and line. */
  readonly problems: readonly ContentProblem[];
}

/**
 * Checks every article and source file with the build's rules (lib/content-rules/, which the build's loaders call
 * too), without building, and reports every problem at once. Beyond the loaders, it applies the schemas to every file
 * (the build stops at the first file Astro refuses), renders the bodies that could break a path rule, and looks for
 * local images on disk, which the build finds when it imports them.
 */
export async function checkContent(options: CheckContentOptions): Promise<CheckContentResult> {
  const { contentDir, projectRoot, renderBody } = options;
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
  const ids: ArticleFileId[] = [];
  for (const entry of articleFiles) {
    const filePath = join(contentDir, 'articles', entry);
    const file = shown(filePath);
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
      const rendered = await renderBody(frontMatter.body, filePath);
      if (rendered.ok) {
        problems.push(...missingImages(rendered.localImagePaths, filePath, file, undefined));
      } else {
        problems.push(renderFailureProblem({ file, error: rendered.error, bodyLine: frontMatter.bodyLine }));
      }
    }
  }
  problems.push(...findArticleIdProblems(ids));
  return { files: sourceFiles.length + articleFiles.length, problems: problems.sort(compareProblems) };
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
