/** One thing wrong with one content file, as `npm run check:content` reports it. */
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

/** Orders problems by file, then line, then field, so reports are stable. */
export function compareProblems(a: ContentProblem, b: ContentProblem): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.field ?? '').localeCompare(b.field ?? '') ||
    a.reason.localeCompare(b.reason)
  );
}

/** The report as text: one block per problem (`file:line  field: reason` then `  fix: ...`), and a summary line. */
export function formatProblemsText(problems: readonly ContentProblem[], fileCount: number): string {
  const blocks = problems.map((problem) => {
    const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
    const field = problem.field ? `${problem.field}: ` : '';
    return `${where}  ${field}${problem.reason}\n  fix: ${problem.fix}`;
  });
  const summary =
    problems.length === 0
      ? `Checked ${fileCount} file(s): no problems.`
      : `Checked ${fileCount} file(s): ${problems.length} problem(s) in ${new Set(problems.map((p) => p.file)).size} file(s).`;
  return [...blocks, summary].join('\n');
}

/** The report as JSON: `{ ok, files, problems }`. */
export function formatProblemsJson(problems: readonly ContentProblem[], fileCount: number): string {
  return JSON.stringify({ ok: problems.length === 0, files: fileCount, problems }, null, 2);
}

/** Splits a rule's message ("X leaves the content folder. Use an https: URL ...") into what is wrong and the fix. */
export function splitReason(message: string): { reason: string; fix: string } {
  const at = message.search(/\. (?=[A-Z])/);
  return at === -1
    ? { reason: message, fix: 'See "Writing an article" in the README.' }
    : { reason: message.slice(0, at + 1), fix: message.slice(at + 2) };
}
