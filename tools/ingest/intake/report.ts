// The run's report, as the console prints it and as Markdown (the GitHub step summary and the pull request's body).
import type { IntakeReport, SourceReport } from './run';

/** The exit code a run ends with: 1 when any source failed (the others' articles are still written), else 0. */
export function exitCodeOf(report: IntakeReport): 0 | 1 {
  return report.sources.some((source) => source.status === 'failed') ? 1 : 0;
}

function outcome(source: SourceReport): string {
  switch (source.status) {
    case 'fetched': {
      const found = source.articles.length === 1 ? '1 new article' : `${source.articles.length} new articles`;
      const images = source.images > 0 ? `, ${source.images} image(s)` : '';
      const problems = source.problems.length > 0 ? `, ${source.problems.length} item(s) not taken` : '';
      return `${found}${images}, ${source.seen} already known${problems}`;
    }
    case 'unchanged':
      return 'unchanged (304)';
    case 'skipped':
      return `skipped: ${source.reason ?? ''}`;
    case 'failed':
      return `FAILED: ${source.reason ?? ''}`;
  }
}

function totals(report: IntakeReport): string {
  const count = (status: SourceReport['status']) => report.sources.filter((source) => source.status === status).length;
  const articles = report.sources.reduce((sum, source) => sum + source.articles.length, 0);
  const verb = report.dryRun ? 'would be written' : 'written';
  return `${articles} new article(s) ${verb}; ${report.sources.length} source(s): ${count('fetched')} fetched, ${count('unchanged')} unchanged, ${count('skipped')} skipped, ${count('failed')} failed; ${report.requests} request(s).`;
}

/** The report as console lines: one line per source, then its problems and notes indented, then the totals. */
export function reportText(report: IntakeReport): string {
  const lines: string[] = [];
  for (const source of report.sources) {
    lines.push(`${source.id}: ${outcome(source)}`);
    for (const problem of source.problems) lines.push(`  problem: ${problem}`);
    for (const note of source.notes) lines.push(`  note: ${note}`);
  }
  if (report.sources.length === 0) lines.push('No source has a feed: add feed: to a file in sources/.');
  lines.push(totals(report));
  return lines.join('\n');
}

/** Text safe inside a Markdown table cell or list item: no pipes, no line breaks, no HTML. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** The report as Markdown: a table of sources, the new articles, then problems and notes. */
export function reportMarkdown(report: IntakeReport): string {
  const lines = [
    `## Feed intake${report.dryRun ? ' (dry run)' : ''}`,
    '',
    totals(report),
    '',
    '| source | result | new | known |',
    '| --- | --- | ---: | ---: |',
  ];
  for (const source of report.sources) {
    lines.push(
      `| ${cell(source.name)} (\`${source.id}\`) | ${cell(outcome(source))} | ${source.articles.length} | ${source.seen} |`,
    );
  }
  const written = report.sources.flatMap((source) => source.articles.map((path) => `- \`${path}\``));
  if (written.length > 0) lines.push('', '### New articles', '', ...written);
  const problems = report.sources.flatMap((source) => source.problems.map((text) => `- ${source.id}: ${cell(text)}`));
  if (problems.length > 0) lines.push('', '### Items not taken', '', ...problems);
  const notes = report.sources.flatMap((source) => source.notes.map((text) => `- ${source.id}: ${cell(text)}`));
  if (notes.length > 0) lines.push('', '### Notes', '', ...notes);
  return `${lines.join('\n')}\n`;
}
