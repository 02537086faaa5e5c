// Takes new articles from the sources' own feeds.
//
//   npm run fetch -- [--source <id>]... [--dry-run] [--content <dir>] [--draft] [--max <n>] [--remote-images]
//                    [--report <file>]
//
// Exit codes: 0 every source fetched (or unchanged, or waiting out a Retry-After), 1 a source failed (the other
// sources' articles are still written), 2 usage.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../../src/lib/content-dir';
import { isSlug } from '../../src/lib/slug';
import { pathShownFrom, runWhenMain } from './command-line';
import {
  exitCodeOf,
  type HttpClient,
  httpClientFor,
  ImportError,
  IntakeUsageError,
  reportMarkdown,
  reportText,
  runIntake,
} from './index';

const USAGE = `Usage: npm run fetch -- [options]

Fetches the feed of every source that has one (feed: in sources/<id>.yaml) and writes each new item as an article.

Options:
  --source <id>      only this source (repeat for more); default: every source with a feed
  --dry-run          fetch and show what would be written; write nothing
  --content <dir>    the content folder; default: BROADSHEET_CONTENT_DIR or content/
  --draft            write the new articles as drafts (draft: true), shown in npm run dev only
  --max <n>          at most n new articles per source, newest first (default: the source's feedLimit, else 50)
  --remote-images    keep images at their https: addresses instead of downloading them beside the articles
  --report <file>    also write the report as Markdown to this file (the intake workflow's pull request body)
  --help             show this help

Exit codes: 0 every source fetched, 1 a source failed (the others' articles are written), 2 usage.`;

interface CommandLine {
  readonly sources: readonly string[];
  readonly dryRun: boolean;
  readonly contentDir: string | undefined;
  readonly draft: boolean;
  readonly max: number | undefined;
  readonly remoteImages: boolean;
  readonly reportFile: string | undefined;
  readonly help: boolean;
}

function readCommandLine(args: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: false,
      strict: true,
      options: {
        source: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean', default: false },
        content: { type: 'string' },
        draft: { type: 'boolean', default: false },
        max: { type: 'string' },
        'remote-images': { type: 'boolean', default: false },
        report: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new IntakeUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  for (const id of values.source ?? []) {
    if (!isSlug(id)) {
      throw new IntakeUsageError(
        `--source "${id}" is not a source id: use the file name of a source without .yaml, such as athens-news.`,
      );
    }
  }
  let max: number | undefined;
  if (values.max !== undefined) {
    max = Number(values.max);
    if (!/^\d+$/.test(values.max) || max < 1) {
      throw new IntakeUsageError(`--max "${values.max}" is not a whole number of at least 1.`);
    }
  }
  return {
    sources: values.source ?? [],
    dryRun: values['dry-run'],
    contentDir: values.content,
    draft: values.draft,
    max,
    remoteImages: values['remote-images'],
    reportFile: values.report,
    help: values.help,
  };
}

/** How the command reaches the network; tests pass a client with the test certificate. */
export type ClientFactory = (environment: Readonly<Record<string, string | undefined>>) => HttpClient;

const defaultClient: ClientFactory = (environment) => httpClientFor(environment);

/** Runs `npm run fetch` with command-line arguments; returns the exit code. `cwd` is where relative paths start. */
export async function runFetch(
  args: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  cwd: string,
  projectRoot: string,
  makeClient: ClientFactory = defaultClient,
  now: () => Date = () => new Date(),
): Promise<number> {
  const shown = pathShownFrom(cwd);
  let commandLine: CommandLine;
  try {
    commandLine = readCommandLine(args);
  } catch (error) {
    if (!(error instanceof IntakeUsageError)) throw error;
    console.error(`fetch: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (commandLine.help) {
    console.log(USAGE);
    return 0;
  }
  const contentDir = commandLine.contentDir
    ? resolve(cwd, commandLine.contentDir)
    : resolveContentDir(projectRoot, environment);
  if (!existsSync(contentDir)) {
    console.error(`fetch: the content folder ${shown(contentDir)} does not exist. Pass --content <dir>.`);
    return 2;
  }

  const client = makeClient(environment);
  try {
    const report = await runIntake({
      contentDir,
      sourceIds: commandLine.sources,
      dryRun: commandLine.dryRun,
      draft: commandLine.draft,
      max: commandLine.max,
      remoteImages: commandLine.remoteImages,
      client,
      now: now(),
      log: (line) => console.log(line),
    });
    console.log(reportText(report));
    const markdown = reportMarkdown(report);
    const summary = environment['GITHUB_STEP_SUMMARY'];
    if (summary) appendFileSync(summary, markdown);
    if (commandLine.reportFile) writeFileSync(resolve(cwd, commandLine.reportFile), markdown);
    return exitCodeOf(report);
  } catch (error) {
    if (error instanceof IntakeUsageError) {
      console.error(`fetch: ${error.message}`);
      return 2;
    }
    if (error instanceof ImportError) {
      console.error(`fetch: ${shown(contentDir)}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await client.close();
  }
}

await runWhenMain(import.meta.url, runFetch);
