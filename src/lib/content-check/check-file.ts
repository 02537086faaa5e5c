import type { z } from 'astro/zod';
import { topLevelKeyLines } from '@/lib/content-check/field-lines';
import { type ContentProblem, splitReason } from '@/lib/content-check/problems';
import { decodeContentFile, findFrontmatterSizeProblem } from '@/lib/content-rules/limits';
import { findNestingProblem } from '@/lib/content-rules/nesting-depth';
import { FrontmatterError, parseYamlFile, splitMarkdown } from '@/lib/frontmatter';
import { findImageSourceProblem } from '@/lib/markdown/image-source';
import { createArticleSchema, plainImage, plainReference, sourceSchema } from '@/lib/schemas';
import { isSlug } from '@/lib/slug';

const articleSchema = createArticleSchema({ image: plainImage, reference: plainReference });

/** What one article file holds, as far as checks across files need it. */
export interface CheckedArticle {
  /** Problems found in this file alone. */
  readonly problems: ContentProblem[];
  /** Source ids it names (`source` and `via`), with the line each is on. */
  readonly sourceReferences: readonly {
    readonly field: string;
    readonly id: string;
    readonly line?: number | undefined;
  }[];
  /** A relative lead image path to look for on disk, when it has one and it passed the path rules. */
  readonly localLeadImage?: string | undefined;
  /** The Markdown body, when the front matter could be read. */
  readonly body?: string | undefined;
  /** The file line the body starts on. */
  readonly bodyLine: number;
}

/** Checks one article file's bytes against every rule that needs only the file: limits, UTF-8, YAML, schema, paths, nesting. */
export function checkArticleFile(
  bytes: Uint8Array,
  options: { readonly filePath: string; readonly shown: string; readonly contentDir: string },
): CheckedArticle {
  const { filePath, shown: file, contentDir } = options;
  const problems: ContentProblem[] = [];
  const result = (extra: Partial<CheckedArticle> = {}): CheckedArticle => ({
    problems,
    sourceReferences: [],
    bodyLine: 1,
    ...extra,
  });

  const decoded = decodeContentFile(bytes);
  if ('problem' in decoded) {
    problems.push({ file, ...decoded.problem });
    return result();
  }
  let split;
  try {
    split = splitMarkdown(decoded.text);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    problems.push({
      file,
      line: error.line,
      rule: 'yaml',
      reason: error.message,
      fix: 'Fix the front matter on that line; put text with a colon or quote marks in quotes.',
    });
    return result();
  }
  const { data, rawData, body, bodyLine } = split;
  const keyLines = topLevelKeyLines(rawData);
  const frontmatterSize = findFrontmatterSizeProblem(rawData);
  if (frontmatterSize) problems.push({ file, line: 2, rule: 'front-matter-too-large', ...frontmatterSize });

  const parsed = articleSchema.safeParse(data);
  if (!parsed.success) problems.push(...schemaProblems(parsed.error, file, keyLines));

  let localLeadImage: string | undefined;
  const image = data['image'];
  if (image && typeof image === 'object' && 'src' in image && typeof image.src === 'string') {
    const src = image.src.trim();
    if (!/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/')) {
      const problem = findImageSourceProblem(src, filePath, contentDir);
      if (problem) {
        problems.push({
          file,
          line: keyLines.get('image'),
          field: 'image.src',
          rule: problem.rule,
          ...splitReason(`image.src "${src}" ${problem.reason}`),
        });
      } else {
        localLeadImage = src;
      }
    }
  }

  const nesting = findNestingProblem(body, bodyLine);
  if (nesting)
    problems.push({ file, line: nesting.line, rule: 'nesting-too-deep', reason: nesting.reason, fix: nesting.fix });

  const sourceReferences: { field: string; id: string; line?: number | undefined }[] = [];
  if (typeof data['source'] === 'string' && isSlug(data['source'].trim())) {
    sourceReferences.push({ field: 'source', id: data['source'].trim(), line: keyLines.get('source') });
  }
  if (Array.isArray(data['via'])) {
    for (const via of data['via']) {
      if (typeof via === 'string' && isSlug(via.trim()))
        sourceReferences.push({ field: 'via', id: via.trim(), line: keyLines.get('via') });
    }
  }
  return result({ sourceReferences, localLeadImage, body: nesting ? undefined : body, bodyLine });
}

/** Checks one source file: limits, UTF-8, the file name as id, YAML and the source schema. */
export function checkSourceFile(
  bytes: Uint8Array,
  options: { readonly id: string; readonly shown: string },
): ContentProblem[] {
  const { id, shown: file } = options;
  const problems: ContentProblem[] = [];
  if (!isSlug(id)) {
    problems.push({
      file,
      rule: 'source-id',
      reason: `the file name "${id}" is the source id, so it must be lower case letters, digits and hyphens.`,
      fix: 'Rename the file, such as athens-news.yaml.',
    });
  }
  const decoded = decodeContentFile(bytes);
  if ('problem' in decoded) return [...problems, { file, ...decoded.problem }];
  let data: unknown;
  try {
    data = parseYamlFile(decoded.text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
    return [
      ...problems,
      {
        file,
        line: mark?.line === undefined ? undefined : mark.line + 1,
        rule: 'yaml',
        reason: `not valid YAML: ${reason}.`,
        fix: 'Fix that line; put text with a colon or quote marks in quotes.',
      },
    ];
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [
      ...problems,
      {
        file,
        rule: 'yaml',
        reason: 'a source file must be a list of `field: value` lines.',
        fix: 'Write name: and url: lines, as in the README.',
      },
    ];
  }
  const parsed = sourceSchema.safeParse(data);
  if (!parsed.success) {
    const keyLines = topLevelKeyLines(decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), 1);
    problems.push(...schemaProblems(parsed.error, file, keyLines));
  }
  return problems;
}

/** One problem per schema issue, with the line of the top-level key it is about. */
function schemaProblems(error: z.ZodError, file: string, keyLines: ReadonlyMap<string, number>): ContentProblem[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const top = keys[0] ?? (typeof issue.path[0] === 'string' ? issue.path[0] : undefined);
    const field =
      keys.length > 0
        ? [...issue.path.map(String), keys.join(', ')].filter(Boolean).join('.')
        : issue.path.map(String).join('.');
    // zod leaves the input out of issues; the schemas' own wording says when a field is missing.
    const missing = / is required\./.test(issue.message);
    const fix =
      keys.length > 0
        ? 'Remove the field, or correct its name.'
        : missing
          ? `Add a "${field}:" line to the front matter.`
          : `Change ${field || 'the value'} as described (see "Writing an article" in the README).`;
    return {
      file,
      line: top === undefined ? undefined : keyLines.get(top),
      field: field || undefined,
      rule: 'schema',
      reason: issue.message,
      fix,
    };
  });
}
