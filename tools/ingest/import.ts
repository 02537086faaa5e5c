// Imports saved web pages and plain-text scrapes as Broadsheet articles.
//
//   npm run import -- <file...> [--source <id>] [--url <original URL>] [--date YYYY-MM-DD] [--tags a,b]
//                     [--via id,id] [--charset <label>] [--content <dir>] [--remote-images] [--dry-run]
//
// Every file is read and checked before anything is written: one bad file, and nothing is written. The articles'
// images are then downloaded and written beside them, unless --remote-images keeps their addresses.
// Exit codes: 0 written (or, with --dry-run, would be written), 1 a problem with a file or the content, 2 usage.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseContentDate } from '../../src/lib/content-date';
import { resolveContentDir } from '../../src/lib/content-dir';
import { isSlug } from '../../src/lib/slug';
import { pathShownFrom, runWhenMain } from './command-line';
import {
  type ArticlePlan,
  type ContentSnapshot,
  type HttpClient,
  type HttpClientOptions,
  httpClientFor,
  httpImageDownloader,
  type ImageDownloader,
  type ImportChoices,
  ImportError,
  imageMediaType,
  localiseImages,
  type PlannedAsset,
  type PlannedFile,
  planArticle,
  readContentSnapshot,
  readDraftFile,
  saveArticleIndex,
  withPlan,
  writePlannedFiles,
} from './index';

/** A problem with the command line itself (exit code 2): nothing is read or written. */
class UsageError extends Error {
  /** The process exit code for this kind of problem. */
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const USAGE = `Usage: npm run import -- <file...> [options]

Reads saved web pages (.html) and plain-text scrapes (.txt) and writes them as articles.

Options:
  --source <id>      the source that published them (a file in sources/); default: matched by host or name, or a new source
  --url <address>    the original article's address (one file only); default: the page's canonical address
  --date <date>      the publication date, for pages that give none (2024-04-19 or 2024-04-19T09:30:00+03:00)
  --tags <a,b>       the topics; default: topics the site already has that the article is about
  --via <id,id>      sources the article credits; default: known sources the text credits ("The Guardian notes")
  --charset <label>  read the files in this charset (windows-1252, iso-8859-7, ...) instead of detecting it
  --content <dir>    the content folder; default: BROADSHEET_CONTENT_DIR or content/
  --remote-images    keep the images' https: addresses instead of downloading them beside the article
  --dry-run          print what would be written (images are still downloaded), write nothing
  --help             show this help

Exit codes: 0 written, 1 a problem with a file or the content (nothing written), 2 usage.`;

interface CommandLine {
  readonly files: readonly string[];
  readonly choices: ImportChoices;
  readonly charset: string | undefined;
  readonly contentDir: string | undefined;
  readonly remoteImages: boolean;
  readonly dryRun: boolean;
  readonly help: boolean;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}

function readCommandLine(args: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        source: { type: 'string' },
        url: { type: 'string' },
        date: { type: 'string' },
        tags: { type: 'string' },
        via: { type: 'string' },
        charset: { type: 'string' },
        content: { type: 'string' },
        'remote-images': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help)
    return {
      files: [],
      choices: {},
      charset: undefined,
      contentDir: undefined,
      remoteImages: false,
      dryRun: false,
      help: true,
    };
  if (positionals.length === 0) throw new UsageError('name at least one saved page or text file to import.');
  if (values.url !== undefined) {
    if (positionals.length > 1)
      throw new UsageError("--url names one article's address: import one file at a time with it.");
    let url: URL | undefined;
    try {
      url = new URL(values.url);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      throw new UsageError(`--url "${values.url}" is not an http: or https: address.`);
  }
  if (values.date !== undefined) {
    const date = parseContentDate(values.date);
    if (typeof date === 'string') throw new UsageError(`--date ${date}`);
  }
  if (values.source !== undefined && !isSlug(values.source)) {
    throw new UsageError(
      `--source "${values.source}" is not a source id: use the file name of a source without .yaml, such as athens-news.`,
    );
  }
  if (values.charset !== undefined) {
    try {
      new TextDecoder(values.charset);
    } catch {
      throw new UsageError(
        `--charset "${values.charset}" is not a charset the importer knows (try utf-8, windows-1252, iso-8859-7).`,
      );
    }
  }
  return {
    files: positionals,
    choices: {
      source: values.source,
      url: values.url,
      date: values.date,
      tags: list(values.tags),
      via: list(values.via),
    },
    charset: values.charset,
    contentDir: values.content,
    remoteImages: values['remote-images'],
    dryRun: values['dry-run'],
    help: false,
  };
}

/** What a caller can put in place of the network, for tests: the command itself never passes these. */
export interface ImportServices {
  /** Downloads images instead of the HTTP client (a test's own, or one that refuses every request). */
  readonly download?: ImageDownloader | undefined;
  /** Options laid over the HTTP client's (a test server's `ca`, no pause between requests). */
  readonly http?: Partial<HttpClientOptions> | undefined;
}

/** Downloads each plan's images beside its article, one plan at a time; an ImportError is a problem with that file. */
async function localisePlans(
  plans: readonly { readonly file: string; readonly plan: ArticlePlan }[],
  download: ImageDownloader,
): Promise<{ plans: { file: string; plan: ArticlePlan }[]; problems: string[] }> {
  const localised: { file: string; plan: ArticlePlan }[] = [];
  const problems: string[] = [];
  for (const { file, plan } of plans) {
    try {
      localised.push({ file, plan: await localiseImages(plan, { remote: false, download }) });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push(`${file}: ${error.message}`);
    }
  }
  return { plans: localised, problems };
}

/**
 * Runs the importer with command-line arguments; returns the exit code. `cwd` is where relative paths start.
 * `services` replaces the network for tests.
 */
export async function runImport(
  args: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  cwd: string,
  projectRoot: string,
  services: ImportServices = {},
): Promise<number> {
  const shown = pathShownFrom(cwd);
  let commandLine: CommandLine;
  try {
    commandLine = readCommandLine(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`import: ${error.message}\n\n${USAGE}`);
      return error.exitCode;
    }
    throw error;
  }
  if (commandLine.help) {
    console.log(USAGE);
    return 0;
  }
  const contentDir = commandLine.contentDir
    ? resolve(cwd, commandLine.contentDir)
    : resolveContentDir(projectRoot, environment);
  const usageProblems: string[] = [];
  if (!existsSync(contentDir)) usageProblems.push(`the content folder ${shown(contentDir)} does not exist.`);
  const files = commandLine.files.map((file) => resolve(cwd, file));
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) usageProblems.push(`${shown(file)} is not a file.`);
  }
  if (usageProblems.length > 0) {
    console.error(usageProblems.map((problem) => `import: ${problem}`).join('\n'));
    return 2;
  }

  let snapshot: ContentSnapshot;
  try {
    snapshot = readContentSnapshot(contentDir);
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`import: ${shown(contentDir)}: ${error.message}\nNothing was written.`);
      return error.exitCode;
    }
    throw error;
  }
  const loaded = snapshot;
  const known = snapshot.sources.map((source) => source.id);
  for (const id of [commandLine.choices.source, ...(commandLine.choices.via ?? [])]) {
    if (id !== undefined && !known.includes(id)) {
      console.error(
        `import: "${id}" is not a known source (known: ${known.join(', ') || 'none'}). Add ${shown(join(contentDir, 'sources', `${id}.yaml`))} first, or fix the id.`,
      );
      return 2;
    }
  }

  let plans: { file: string; plan: ArticlePlan }[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      const draft = readDraftFile(file, {
        charset: commandLine.charset,
        url: commandLine.choices.url,
        knownOutletNames: snapshot.sources.map((source) => source.name),
      });
      const plan = planArticle(draft, snapshot, commandLine.choices);
      snapshot = withPlan(snapshot, plan);
      plans.push({ file: shown(file), plan });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push(`${shown(file)}: ${error.message}`);
    }
  }
  if (problems.length > 0) {
    console.error(`${problems.map((problem) => `import: ${problem}`).join('\n')}\nNothing was written.`);
    return 1;
  }

  // Images are downloaded only once every file has planned cleanly: a run that writes nothing fetches nothing.
  if (!commandLine.remoteImages) {
    const client: HttpClient | undefined = services.download ? undefined : httpClientFor(environment, services.http);
    const download = services.download ?? httpImageDownloader(client as HttpClient);
    try {
      const localised = await localisePlans(plans, download);
      plans = localised.plans;
      problems.push(...localised.problems);
    } finally {
      await client?.close();
    }
    if (problems.length > 0) {
      console.error(`${problems.map((problem) => `import: ${problem}`).join('\n')}\nNothing was written.`);
      return 1;
    }
  }
  // Each article's images first, so an article is never on disk without the files it points to.
  const planned: (PlannedFile | PlannedAsset)[] = plans.flatMap(({ plan }) => [...plan.assets, ...plan.files]);
  const notes = plans.flatMap(({ file, plan }) => plan.notes.map((note) => `${file}: ${note}`));

  if (commandLine.dryRun) {
    for (const file of planned) {
      const target = shown(join(contentDir, file.path));
      if (typeof file.contents === 'string') console.log(`Would write ${target}:\n${file.contents}`);
      else
        console.log(
          `Would write ${target} (${file.contents.byteLength} bytes, ${imageMediaType(file.path) ?? 'application/octet-stream'})`,
        );
    }
    for (const note of notes) console.log(`note: ${note}`);
    console.log(`Dry run: ${planned.length} file(s) would be written; nothing was written.`);
    return 0;
  }
  let written: string[];
  try {
    written = writePlannedFiles(contentDir, planned);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    console.error(`import: ${error.message} Nothing was written.`);
    return error.exitCode;
  }
  // The new articles go into the article index (tools/ingest/seen-index.ts), so the next run need not read them.
  saveArticleIndex(loaded, snapshot);
  for (const target of written) console.log(`Wrote ${shown(target)}`);
  for (const note of notes) console.log(`note: ${note}`);
  return 0;
}

await runWhenMain(import.meta.url, runImport);
