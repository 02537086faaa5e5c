/**
 * One thing wrong with one content file. The build's loaders and `npm run check:content` get these from the same rule
 * functions: the loaders throw them as one error line each (`formatProblem`), the check lists them.
 */
export interface ContentProblem {
  /** The file, relative to the project root where possible (`content/articles/x.md`). */
  readonly file: string;
  /** The 1-based line in the file, when known. */
  readonly line?: number | undefined;
  /** The front-matter field (`title`, `image.src`), when the problem is in one. */
  readonly field?: string | undefined;
  /** A short id of the rule that was broken (`schema`, `yaml`, `duplicate-id`, `image-outside-content`, ...). */
  readonly rule: string;
  /** What is wrong. */
  readonly reason: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Where the content format is described, for fixes that cannot say more in one line. */
export const CONTENT_FORMAT_GUIDE = 'docs/content-format.md';

/** Orders problems by file, then line, then field, so reports are stable. */
export function compareProblems(a: ContentProblem, b: ContentProblem): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.field ?? '').localeCompare(b.field ?? '') ||
    a.reason.localeCompare(b.reason)
  );
}

/** A problem as one line of a build error: `file:line: reason fix` (no line part when the line is not known). */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.reason} ${problem.fix}`;
}

/**
 * Splits a rule's message ("X leaves the content folder. Use an https: URL ...") into what is wrong and the fix, at
 * the first sentence end followed by a capital; `fallbackFix` stands in when the message has no second sentence.
 */
export function splitReason(
  message: string,
  fallbackFix = `See ${CONTENT_FORMAT_GUIDE}.`,
): { reason: string; fix: string } {
  const at = message.search(/\. (?=[A-Z])/);
  return at === -1
    ? { reason: message, fix: fallbackFix }
    : { reason: message.slice(0, at + 1), fix: message.slice(at + 2) };
}
