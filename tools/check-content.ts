// Checks every content file with the build's own rules, without building, and reports every problem in one run.
//
//   npm run check:content                      text report; exit 1 on any problem, 0 when clean
//   npm run check:content -- --json            the same report as JSON
//   npm run check:content -- --content DIR     another content folder (default: BROADSHEET_CONTENT_DIR, else content/)
//
// Exit codes: 0 no problems, 1 problems found, 2 bad usage (unknown option, missing folder).
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/content-check/check-content';
import { lazyBodyRenderer } from '../src/lib/content-check/lazy-renderer';
import { formatProblemsJson, formatProblemsText } from '../src/lib/content-check/report';
import { resolveContentDir } from '../src/lib/content-dir';

const usage = 'usage: npm run check:content -- [--json] [--content <dir>]';
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the check with command-line arguments and returns the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args: [...args],
      options: {
        json: { type: 'boolean', default: false },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }
  const contentDir = options.content ? resolve(options.content) : resolveContentDir(projectRoot, process.env);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    console.error(`${contentDir} is not a folder.\n${usage}`);
    return 2;
  }
  // One thread per core for a large folder; the Markdown pipeline is only loaded if a body needs rendering.
  const result = await checkContent({
    contentDir,
    projectRoot,
    renderBody: lazyBodyRenderer(contentDir),
    workers: { count: availableParallelism(), render: true },
  });
  console.log(
    options.json
      ? formatProblemsJson(result.problems, result.files)
      : formatProblemsText(result.problems, result.files),
  );
  return result.problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
