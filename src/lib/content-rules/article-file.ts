import { type FieldLineFinder, fieldLinesOf } from '@/lib/content-rules/field-lines';
import { decodeContentFile, findFrontmatterSizeProblem } from '@/lib/content-rules/limits';
import { findNestingProblem } from '@/lib/content-rules/nesting-depth';
import { type ContentProblem, splitReason } from '@/lib/content-rules/problems';
import { FrontmatterError, type SplitMarkdown, splitMarkdown } from '@/lib/frontmatter';
import { findImageSourceProblem } from '@/lib/markdown/image-source';

/** Which article file to check, and where its content folder is. */
export interface ArticleFileOptions {
  /** The file as problems name it (`content/articles/x.md`). */
  readonly file: string;
  /** Its absolute path: a relative lead image is followed from here. */
  readonly filePath: string;
  /** The absolute path of the content folder, which a lead image must stay inside. */
  readonly contentDir: string;
  /**
   * The file's text when the caller has read it already (Astro's loader has, and stores what it read); otherwise the
   * checked bytes are read as text. Only used once the bytes have passed the UTF-8 check.
   */
  readonly text?: string | undefined;
}

/** What checking one article file found. */
export interface CheckedArticleFile {
  /** Problems found in this file alone, in the order of the checks. */
  readonly problems: ContentProblem[];
  /** The parsed front matter and the body, when the front matter could be read. */
  readonly frontMatter?: SplitMarkdown | undefined;
  /** The line of a top-level front-matter field, for problems found later (schema, unknown sources). */
  readonly fieldLine: FieldLineFinder;
  /** The lead image's relative path, when it has one and it passed the path rules (to look for on disk). */
  readonly localLeadImage?: string | undefined;
}

const noLines: FieldLineFinder = () => undefined;

/**
 * Checks one article file with every rule that needs only the file and its content folder: size and UTF-8, front
 * matter syntax and size, where a relative lead image leads, and how deep the body nests. The schema is applied
 * separately (`articleSchemaProblems`): Astro applies it in the build.
 */
export function checkArticleFile(bytes: Uint8Array, options: ArticleFileOptions): CheckedArticleFile {
  const { file, filePath, contentDir } = options;
  const decoded = decodeContentFile(bytes);
  if ('problem' in decoded) return { problems: [{ file, ...decoded.problem }], fieldLine: noLines };

  let frontMatter: SplitMarkdown;
  try {
    frontMatter = splitMarkdown(options.text ?? decoded.text);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    const { line, reason, fix } = error;
    return { problems: [{ file, line, rule: 'yaml', reason, fix }], fieldLine: noLines };
  }
  const { data, rawData, body, bodyLine } = frontMatter;
  const fieldLine = fieldLinesOf(rawData, 2);
  const problems: ContentProblem[] = [];

  const frontmatterSize = findFrontmatterSizeProblem(rawData);
  if (frontmatterSize) problems.push({ file, line: 2, rule: 'front-matter-too-large', ...frontmatterSize });

  let localLeadImage: string | undefined;
  const image = data['image'];
  if (image && typeof image === 'object' && 'src' in image && typeof image.src === 'string') {
    const src = image.src.trim();
    // Schemes and absolute paths get the schema's messages; here only where a relative path leads is checked.
    if (!/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/')) {
      const problem = findImageSourceProblem(src, filePath, contentDir);
      if (problem) {
        problems.push({
          file,
          line: fieldLine('image'),
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
  if (nesting) problems.push({ file, rule: 'nesting-too-deep', ...nesting });
  return { problems, frontMatter, fieldLine, localLeadImage };
}
