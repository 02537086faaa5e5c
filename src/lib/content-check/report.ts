import type { ContentProblem } from '@/lib/content-rules/problems';

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
