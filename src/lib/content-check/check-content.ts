import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkArticleFile, checkSourceFile } from '@/lib/content-check/check-file';
import { listArticleFiles, listSourceFiles, sourceIdFromFileName } from '@/lib/content-check/content-files';
import { type ContentProblem, compareProblems, splitReason } from '@/lib/content-check/problems';
import { type BodyRenderer, needsRender } from '@/lib/content-check/render-body';
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

/** Checks every article and source file with the build's rules, without building, and reports every problem at once. */
export async function checkContent(options: CheckContentOptions): Promise<CheckContentResult> {
  const { contentDir, projectRoot, renderBody } = options;
  const shown = (path: string) => {
    const fromRoot = relative(projectRoot, path);
    return fromRoot.startsWith('..') ? path : fromRoot.split(sep).join('/');
  };
  const problems: ContentProblem[] = [];

  const sourceFiles = listSourceFiles(contentDir);
  const sourceIds = new Set(sourceFiles.map(sourceIdFromFileName));
  for (const name of sourceFiles) {
    const path = join(contentDir, 'sources', name);
    problems.push(...checkSourceFile(readFileSync(path), { id: sourceIdFromFileName(name), shown: shown(path) }));
  }
  const known = [...sourceIds].sort().join(', ') || 'none';

  const articleFiles = listArticleFiles(contentDir);
  const filesById = new Map<string, string[]>();
  for (const entry of articleFiles) {
    const filePath = join(contentDir, 'articles', entry);
    const file = shown(filePath);
    const id = articleIdFromPath(entry);
    if (id === undefined) {
      problems.push({
        file,
        rule: 'invalid-id',
        reason: 'the file name has no letter or digit to make a URL from.',
        fix: 'Rename the file.',
      });
    } else {
      filesById.set(id, [...(filesById.get(id) ?? []), file]);
    }

    const checked = checkArticleFile(readFileSync(filePath), { filePath, shown: file, contentDir });
    problems.push(...checked.problems);
    for (const reference of checked.sourceReferences) {
      if (sourceIds.has(reference.id)) continue;
      problems.push({
        file,
        line: reference.line,
        field: reference.field,
        rule: 'unknown-source',
        reason: `${reference.field} "${reference.id}" is not a known source (known: ${known}).`,
        fix: `Add content/sources/${reference.id}.yaml or fix the id.`,
      });
    }
    if (checked.localLeadImage !== undefined) {
      problems.push(...missingImages([checked.localLeadImage], filePath, file, 'image.src'));
    }
    if (renderBody && checked.body !== undefined && needsRender(checked.body)) {
      const rendered = await renderBody(checked.body, filePath);
      if (rendered.ok) {
        problems.push(...missingImages(rendered.localImagePaths, filePath, file, undefined));
      } else {
        const line = rendered.line === undefined ? undefined : checked.bodyLine + rendered.line - 1;
        const stack = /call stack/i.test(rendered.reason);
        problems.push({
          file,
          line,
          rule: stack ? 'nesting-too-deep' : (rendered.rule ?? 'markdown'),
          ...(stack
            ? { reason: 'the body nests too deeply to render (quotes, lists, emphasis or HTML).', fix: 'Flatten it.' }
            : splitReason(rendered.reason)),
        });
      }
    }
  }

  for (const [id, files] of filesById) {
    if (files.length < 2) continue;
    for (const file of files) {
      problems.push({
        file,
        rule: 'duplicate-id',
        reason: `${files.join(' and ')} have the same article id "${id}" (one URL).`,
        fix: 'Rename one of them.',
      });
    }
  }
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
