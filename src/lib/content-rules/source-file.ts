import { sourceIdFromFileName } from '@/lib/content-rules/content-files';
import { type FieldLineFinder, sourceFieldLines } from '@/lib/content-rules/field-lines';
import { decodeContentFile } from '@/lib/content-rules/limits';
import { CONTENT_FORMAT_GUIDE, type ContentProblem } from '@/lib/content-rules/problems';
import { parseYamlFile, YAML_QUOTING_FIX } from '@/lib/frontmatter';
import { isSlug } from '@/lib/slug';

/** Which source file to check. */
export interface SourceFileOptions {
  /** The file as problems name it (`content/sources/athens-news.yaml`). */
  readonly file: string;
  /** The file's name (`athens-news.yaml`): without `.yaml` it is the source id. */
  readonly fileName: string;
  /**
   * The file's text when the caller has read it already (Astro's loader has, and stores what it read); otherwise the
   * checked bytes are read as text. Only used once the bytes have passed the UTF-8 check.
   */
  readonly text?: string | undefined;
}

/** What checking one source file found. */
export interface CheckedSourceFile {
  /** Problems found in this file alone, in the order of the checks. */
  readonly problems: ContentProblem[];
  /** The fields as written, when the file is YAML of the right shape. */
  readonly data?: Record<string, unknown> | undefined;
  /** The line of a top-level field, for the schema's problems. */
  readonly fieldLine: FieldLineFinder;
}

const noLines: FieldLineFinder = () => undefined;

/**
 * Checks one source file with every rule that needs only the file: its name as the source id, size and UTF-8, and YAML
 * of the right shape. The schema is applied separately (`sourceSchemaProblems`): Astro applies it in the build.
 */
export function checkSourceFile(bytes: Uint8Array, options: SourceFileOptions): CheckedSourceFile {
  const { file } = options;
  const problems: ContentProblem[] = [];
  const id = sourceIdFromFileName(options.fileName);
  if (!isSlug(id)) {
    problems.push({
      file,
      rule: 'source-id',
      reason: `the file name "${id}" is used as the source id, so it must be lower case letters, digits and hyphens.`,
      fix: 'Rename the file, such as athens-news.yaml.',
    });
  }
  const decoded = decodeContentFile(bytes);
  if ('problem' in decoded) return { problems: [...problems, { file, ...decoded.problem }], fieldLine: noLines };
  const text = options.text ?? decoded.text;

  let data: unknown;
  try {
    data = parseYamlFile(text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
    problems.push({
      file,
      line: mark?.line === undefined ? undefined : mark.line + 1,
      rule: 'yaml',
      reason: `not valid YAML: ${reason}.`,
      fix: YAML_QUOTING_FIX,
    });
    return { problems, fieldLine: noLines };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      file,
      rule: 'yaml',
      reason: 'a source file must be a list of `field: value` lines (name, url, ...).',
      fix: `Write a \`name:\` and a \`url:\` line (see ${CONTENT_FORMAT_GUIDE}).`,
    });
    return { problems, fieldLine: noLines };
  }
  return { problems, data: data as Record<string, unknown>, fieldLine: sourceFieldLines(text) };
}
