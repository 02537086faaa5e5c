// The build benchmark: Broadsheet against a minimal reference Astro site (bench/reference/), on the same generated
// articles, cold and after small changes. It prints a table, checks the targets of the README's Performance section
// and can write everything as JSON.
//
//   npm run bench -- --articles 1000,5000,20000 [--json bench-results/run.json] [--reference-sizes 1000,5000]
//                    [--no-reference] [--profile DIR] [--keep] [--fast-build VALUE] [--stories SHARE]
//                    [--sources 12] [--years N] [--hugo]
//   npm run bench -- --from bench/results/run.json     (prints an earlier run's tables, as text and Markdown)
//
// The reference site is built at every size unless --reference-sizes names fewer (or --no-reference none).
// --fast-build sets BROADSHEET_FAST_BUILD for Broadsheet's builds, to measure the fast-build layer piece by piece
// (`--fast-build 0`, `--fast-build all,-gc`; docs/fast-build.md). --stories 0.2 generates that share of articles as
// three-outlet stories, and the added article joins a story instead of standing alone (docs/stories.md).
// --sources 50 --years 5 spreads the articles over 50 outlets and five years, as issue 20's archive of 100,000 is.
// --hugo also builds the same articles with Debian's `hugo` (a minimal site, one page per article; bench/hugo-site.ts),
// always from scratch, right after Broadsheet's cold and edit builds, so that an edit is compared with Hugo's cold
// build side by side.
//
// Exit codes: 0 every measured target met, 1 a target missed, 2 a build failed or the arguments are wrong.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  describeFastBuildPieces,
  FAST_BUILD_VARIABLE,
  fastBuildPiecesFromEnv,
  parseFastBuildSwitch,
} from '../src/integrations/fast-build/switch';
import { cacheDirFor } from '../src/lib/content-dir';
import { astroBin, siteBuildArgs } from '../tools/build';
import { generateContent } from '../tools/generate-content';
import { writeHugoSite } from './hugo-site';
import { PeakMemory } from './process-tree';
import { addArticle, addStoryReport, editArticle } from './workload';

/** The project root. */
const projectRoot = resolve(import.meta.dirname, '..');
const referenceRoot = join(projectRoot, 'bench/reference');

/** The builds measured for each size, in order: each later one starts from the state the one before left. */
export const PHASES = ['cold', 'unchanged', 'edit', 'add'] as const;
/** One of the measured builds. */
export type Phase = (typeof PHASES)[number];
/** The sites built: Broadsheet, the reference Astro site, and with `--hugo` the Hugo site. */
export type SiteName = 'broadsheet' | 'reference' | 'hugo';

/** What one build measured. */
export interface BuildMeasurement {
  /** Wall-clock time of the whole build (Broadsheet's: `astro build`, then the search index), in seconds. */
  readonly seconds: number;
  /** Wall time per article, in milliseconds. */
  readonly msPerArticle: number;
  /** The largest sum of resident memory of the build's whole process tree, in bytes. */
  readonly peakBytes: number;
  /** HTML pages in the output folder. */
  readonly pages: number;
  /** Pages rendered by this build. */
  readonly rendered: number;
  /** Pages copied from the last build by Astro's incremental build. */
  readonly reused: number;
  /** Bytes of every file in the output folder. */
  readonly distBytes: number;
  /** Seconds Pagefind took to index the site (Broadsheet only). */
  readonly pagefindSeconds: number | undefined;
}

/** Everything measured for one number of articles. */
export interface SizeResult {
  /** Articles generated. */
  readonly articles: number;
  /** Broadsheet's builds, by phase. */
  readonly broadsheet: Partial<Record<Phase, BuildMeasurement>>;
  /** The reference site's builds, by phase (empty when it was not built at this size). */
  readonly reference: Partial<Record<Phase, BuildMeasurement>>;
  /** Hugo's builds of the same articles (`--hugo`), each from scratch, by the phase they followed. */
  readonly hugo?: Partial<Record<Phase, BuildMeasurement>> | undefined;
  /** Why a reference build failed, when one did (the run goes on without it). */
  readonly referenceError?: string | undefined;
  /** Bytes of Broadsheet's `/rss.xml` after the cold build. */
  readonly rssBytes: number | undefined;
}

/** One target of the benchmark, as measured. */
export interface TargetResult {
  /** What it asks. */
  readonly name: string;
  /** The measured value. */
  readonly value: number;
  /** The limit it must not pass. */
  readonly limit: number;
  /** Whether it was met. */
  readonly met: boolean;
}

/** The whole run, as written to JSON. */
export interface BenchReport {
  readonly startedAt: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryBytes: number;
    readonly node: string;
  };
  readonly sizes: readonly SizeResult[];
  readonly targets: readonly TargetResult[];
  /** The fast-build pieces Broadsheet's builds ran with, as `describeFastBuildPieces` names them (`all`, `none`, ...). */
  readonly fastBuild?: string | undefined;
  /** The share of generated articles in three-outlet stories (`--stories`); absent in runs made before it existed. */
  readonly stories?: number | undefined;
  /** How many sources the articles were spread over (`--sources`); absent in runs made before it existed (12). */
  readonly sources?: number | undefined;
  /** The years the articles were spread over (`--years`); absent when six a day from 2024 (the default). */
  readonly years?: number | undefined;
}

/**
 * The environment a `--fast-build` value gives Broadsheet's builds: BROADSHEET_FAST_BUILD set to it, or nothing when
 * the option is not given (the builds then follow the variable as this process has it).
 *
 * @throws when the value is not one BROADSHEET_FAST_BUILD takes (parseFastBuildSwitch), before anything is built.
 */
export function fastBuildEnv(value: string | undefined): Record<string, string> {
  if (value === undefined) return {};
  parseFastBuildSwitch(value);
  return { [FAST_BUILD_VARIABLE]: value };
}

function walk(dir: string, visit: (path: string, size: number) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else if (entry.isFile()) visit(path, statSync(path).size);
  }
}

function outputStats(outDir: string): { pages: number; distBytes: number } {
  let pages = 0;
  let distBytes = 0;
  walk(outDir, (path, size) => {
    distBytes += size;
    if (path.endsWith('.html')) pages += 1;
  });
  return { pages, distBytes };
}

/** Counts from a build's log: pages rendered and pages reused by Astro, and Pagefind's time from our build script. */
export function readBuildLog(log: string): { rendered: number; reused: number; pagefindSeconds: number | undefined } {
  const reused = (log.match(/\((?:restored|cached)\)/g) ?? []).length;
  // Astro prints each rendered page with its time, as `(+12ms)` or `(+1.20s)`.
  const rendered = (log.match(/\(\+\d+(?:\.\d+)?m?s\)/g) ?? []).length;
  const pagefind = /Indexed \d+ article pages? for search in ([\d.]+) s/.exec(log);
  return { rendered, reused, pagefindSeconds: pagefind ? Number(pagefind[1]) : undefined };
}

interface BuildRun {
  /** The program that builds the site: Node unless given. */
  readonly executable?: string;
  /** Its arguments, which build the site into `outDir`. */
  readonly args: (outDir: string) => string[];
  readonly cwd: string;
  readonly outDir: string;
  readonly env: Record<string, string>;
  readonly articles: number;
  readonly profileDir: string | undefined;
}

async function measureBuild(run: BuildRun): Promise<BuildMeasurement> {
  // Node's defaults, as `npm run build` has them: no inherited heap size or test-runner mode.
  const { NODE_OPTIONS: _options, NODE_ENV: _mode, ...inherited } = process.env;
  // Only Broadsheet's build is profiled; its build script runs Astro's process under --cpu-prof.
  const profile: Record<string, string> = run.profileDir ? { BROADSHEET_CPU_PROF_DIR: run.profileDir } : {};
  const started = performance.now();
  const child = spawn(run.executable ?? process.execPath, run.args(run.outDir), {
    cwd: run.cwd,
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...run.env, ...profile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = new PeakMemory(child.pid ?? process.pid);
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  const seconds = (performance.now() - started) / 1000;
  const peakBytes = memory.stop();
  if (code !== 0) throw new Error(`the build in ${run.cwd} exited with ${code}:\n${log.slice(-4000)}`);
  const { pages, distBytes } = outputStats(run.outDir);
  return { seconds, msPerArticle: (seconds * 1000) / run.articles, peakBytes, pages, distBytes, ...readBuildLog(log) };
}

/** Ratio checks over the measured sizes, against the targets in the README's Performance section. */
export function checkTargets(sizes: readonly SizeResult[]): TargetResult[] {
  const at = (articles: number) => sizes.find((size) => size.articles === articles);
  const targets: TargetResult[] = [];
  for (const articles of [1000, 5000]) {
    const size = at(articles);
    const ours = size?.broadsheet.cold;
    const reference = size?.reference.cold;
    if (ours && reference) {
      const value = ours.seconds / reference.seconds;
      targets.push({
        name: `cold build at ${articles} articles, ratio to the reference`,
        value,
        limit: 1.2,
        met: value <= 1.2,
      });
    }
  }
  const cold5k = at(5000)?.broadsheet.cold;
  const cold20k = at(20000)?.broadsheet.cold;
  if (cold5k && cold20k) {
    const value = cold20k.seconds / cold5k.seconds;
    targets.push({ name: 'cold build t(20,000) / t(5,000)', value, limit: 4.2, met: value <= 4.2 });
  }
  const edit5k = at(5000)?.broadsheet.edit;
  if (cold5k && edit5k) {
    const value = edit5k.seconds / cold5k.seconds;
    targets.push({
      name: 'one edited article at 5,000, share of the cold build',
      value,
      limit: 0.15,
      met: value <= 0.15,
    });
  }
  const size20k = at(20000);
  if (size20k) {
    const value = Math.max(...Object.values(size20k.broadsheet).map((build) => build.peakBytes)) / 2 ** 30;
    targets.push({ name: 'peak memory at 20,000 articles, GiB', value, limit: 2.5, met: value <= 2.5 });
  }
  const size100k = at(100_000);
  if (size100k) {
    const builds = size100k.broadsheet;
    const value = Math.max(...Object.values(builds).map((build) => build.peakBytes)) / 2 ** 30;
    targets.push({ name: 'peak memory at 100,000 articles, GiB', value, limit: 6, met: value <= 6 });
    if (builds.cold) {
      const minutes = builds.cold.seconds / 60;
      targets.push({ name: 'cold build at 100,000, minutes', value: minutes, limit: 45, met: minutes <= 45 });
    }
    for (const phase of ['edit', 'add'] as const) {
      const build = builds[phase];
      if (build)
        targets.push({
          name: `${phase} at 100,000, seconds`,
          value: build.seconds,
          limit: 60,
          met: build.seconds <= 60,
        });
    }
  }
  const cold100k = size100k?.broadsheet.cold;
  if (cold20k && cold100k) {
    const value = cold100k.seconds / cold20k.seconds;
    targets.push({ name: 'cold build t(100,000) / t(20,000)', value, limit: 5.3, met: value <= 5.3 });
  }
  const hugoCold5k = at(5000)?.hugo?.edit;
  if (edit5k && hugoCold5k) {
    // The stretch: Broadsheet's edit rebuild against Hugo building the same edited articles from scratch.
    const value = edit5k.seconds / hugoCold5k.seconds;
    targets.push({ name: "edit at 5,000 / Hugo's cold build (stretch)", value, limit: 1, met: value < 1 });
  }
  const rss1k = at(1000)?.rssBytes;
  const rss20k = size20k?.rssBytes;
  if (rss1k && rss20k) {
    // Same size: the feed holds the newest 50 articles at any size; their lengths differ, so allow 10 %.
    const value = rss20k / rss1k;
    targets.push({
      name: '/rss.xml size at 20,000 / at 1,000 (same within 10 %)',
      value,
      limit: 1.1,
      met: value >= 1 / 1.1 && value <= 1.1,
    });
  }
  return targets;
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

const COLUMNS = [
  'articles',
  'site',
  'build',
  'wall s',
  'ms/article',
  'peak MiB',
  'pages',
  'rendered',
  'reused',
  'dist MiB',
  'Pagefind s',
  '× reference',
];

/** One row of cells per build, in the order of COLUMNS. */
function tableRows(sizes: readonly SizeResult[], articles: (count: number) => string): string[][] {
  const rows: string[][] = [];
  for (const size of sizes) {
    for (const site of ['broadsheet', 'reference', 'hugo'] as const) {
      for (const phase of PHASES) {
        const build = size[site]?.[phase];
        if (!build) continue;
        const reference = size.reference[phase];
        rows.push([
          articles(size.articles),
          site,
          phase,
          build.seconds.toFixed(1),
          build.msPerArticle.toFixed(1),
          mib(build.peakBytes),
          String(build.pages),
          String(build.rendered),
          String(build.reused),
          mib(build.distBytes),
          build.pagefindSeconds === undefined ? '' : build.pagefindSeconds.toFixed(1),
          site === 'broadsheet' && reference ? (build.seconds / reference.seconds).toFixed(2) : '',
        ]);
      }
    }
  }
  return rows;
}

/** The results as a plain-text table. */
export function formatTable(sizes: readonly SizeResult[]): string {
  const rows = [COLUMNS, ...tableRows(sizes, String)];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join('  '),
    )
    .join('\n');
}

/** The results as a Markdown table, for the README. */
export function formatMarkdownTable(sizes: readonly SizeResult[]): string {
  const align = COLUMNS.map((_, column) => (column > 0 && column < 3 ? '---' : '---:'));
  return [COLUMNS, align, ...tableRows(sizes, (count) => count.toLocaleString('en'))]
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n');
}

async function benchSize(
  articles: number,
  options: {
    reference: boolean;
    profileDir: string | undefined;
    keep: boolean;
    fastBuild: Record<string, string>;
    stories: number;
    sources: number;
    years: number | undefined;
    hugo: boolean;
  },
): Promise<SizeResult> {
  const work = join(projectRoot, 'node_modules/.cache/broadsheet-bench', String(articles));
  const contentDir = join(work, 'content');
  // Output folders inside each project: Astro keeps its pre-rendering files next to the project otherwise.
  const ourOut = join(work, 'dist');
  const referenceOut = join(referenceRoot, 'node_modules/.cache/bench', String(articles));
  const hugoRoot = join(work, 'hugo');
  rmSync(work, { recursive: true, force: true });
  generateContent(contentDir, {
    articles,
    stories: options.stories,
    sources: options.sources,
    ...(options.years === undefined ? {} : { years: options.years }),
  });
  const ourCache = resolve(projectRoot, cacheDirFor(projectRoot, contentDir));
  if (options.hugo) writeHugoSite(hugoRoot, join(contentDir, 'articles'));
  const sites: Record<SiteName, BuildRun & { caches: string[] }> = {
    broadsheet: {
      args: (outDir) => siteBuildArgs(['--outDir', outDir]),
      cwd: projectRoot,
      outDir: ourOut,
      env: { BROADSHEET_CONTENT_DIR: contentDir, ...options.fastBuild },
      articles,
      profileDir: undefined,
      caches: [ourCache, ourOut],
    },
    reference: {
      args: (outDir) => [astroBin, 'build', '--outDir', outDir],
      cwd: referenceRoot,
      outDir: referenceOut,
      env: { BENCH_CONTENT_DIR: contentDir },
      articles,
      profileDir: undefined,
      caches: [join(referenceRoot, 'node_modules/.astro'), join(referenceRoot, '.astro'), referenceOut],
    },
    hugo: {
      executable: 'hugo',
      args: (outDir) => ['--source', hugoRoot, '--destination', outDir, '--quiet'],
      cwd: hugoRoot,
      outDir: join(work, 'hugo-public'),
      env: {},
      articles,
      profileDir: undefined,
      caches: [join(work, 'hugo-public'), join(hugoRoot, 'resources')],
    },
  };
  const result: { -readonly [K in keyof SizeResult]: SizeResult[K] } = {
    articles,
    broadsheet: {},
    reference: {},
    ...(options.hugo ? { hugo: {} } : {}),
    rssBytes: undefined,
  };
  let referenceOn = options.reference;
  for (const phase of PHASES) {
    if (phase === 'edit') console.log(`  edited ${editArticle(contentDir)}`);
    if (phase === 'add')
      console.log(`  added ${options.stories > 0 ? addStoryReport(contentDir) : addArticle(contentDir)}`);
    for (const site of ['broadsheet', 'reference', 'hugo'] as const) {
      if (site === 'reference' && !referenceOn) continue;
      if (site === 'hugo' && !(options.hugo && (phase === 'cold' || phase === 'edit'))) continue;
      const run = sites[site];
      // Hugo is always built from scratch: the stretch target compares an edit with its cold build.
      if (phase === 'cold' || site === 'hugo')
        for (const cache of run.caches) rmSync(cache, { recursive: true, force: true });
      const profileDir =
        phase === 'cold' && site === 'broadsheet' && options.profileDir
          ? join(options.profileDir, String(articles))
          : undefined;
      let build: BuildMeasurement;
      try {
        build = await measureBuild({ ...run, profileDir });
      } catch (error) {
        // Broadsheet failing is the benchmark failing; the reference failing (it has no protection against Astro's
        // limits at scale) is a result to report.
        if (site === 'broadsheet') throw error;
        result.referenceError = `${phase}: ${error instanceof Error ? error.message.slice(0, 2000) : String(error)}`;
        console.log(`  reference ${phase} FAILED: ${result.referenceError.split('\n').slice(0, 3).join(' ')}`);
        referenceOn = false;
        continue;
      }
      const builds = site === 'hugo' ? result.hugo : result[site];
      if (builds) builds[phase] = build;
      console.log(
        `  ${site} ${phase}: ${build.seconds.toFixed(1)} s, ${mib(build.peakBytes)} MiB peak, ${build.rendered} rendered, ${build.reused} reused`,
      );
    }
    if (phase === 'cold') result.rssBytes = statSync(join(ourOut, 'rss.xml')).size;
  }
  if (!options.keep) {
    rmSync(work, { recursive: true, force: true });
    rmSync(referenceOut, { recursive: true, force: true });
    rmSync(ourCache, { recursive: true, force: true });
  }
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      json: { type: 'string' },
      'no-reference': { type: 'boolean', default: false },
      'reference-sizes': { type: 'string' },
      profile: { type: 'string' },
      keep: { type: 'boolean', default: false },
      from: { type: 'string' },
      'fast-build': { type: 'string' },
      stories: { type: 'string', default: '0' },
      sources: { type: 'string', default: '12' },
      years: { type: 'string' },
      hugo: { type: 'boolean', default: false },
    },
  });
  if (values.from) {
    // Print the tables of an earlier run's JSON, and its targets as this version of the benchmark judges them.
    const report = readReport(values.from);
    if (report.fastBuild !== undefined) console.log(`Fast-build layer: ${report.fastBuild}`);
    console.log(`${formatTable(report.sizes)}\n\n${formatMarkdownTable(report.sizes)}\n`);
    for (const target of checkTargets(report.sizes))
      console.log(
        `${target.met ? 'met   ' : 'MISSED'}  ${target.name}: ${target.value.toFixed(3)} (limit ${target.limit})`,
      );
    return;
  }
  const numbers = (text: string) => text.split(',').map((part) => Number(part.trim()));
  const sizes = numbers(values.articles);
  const referenceSizes = values['no-reference']
    ? []
    : values['reference-sizes'] === undefined
      ? sizes
      : numbers(values['reference-sizes']);
  const usage =
    'Usage: npm run bench -- --articles 1000,5000,20000 [--json <file>] [--reference-sizes 1000,5000] [--no-reference] [--profile <dir>] [--keep] [--fast-build <value>] [--stories 0.2] [--sources 50] [--years 5] [--hugo]';
  if ([...sizes, ...referenceSizes].some((size) => !Number.isInteger(size) || size < 1)) {
    console.error(usage);
    process.exit(2);
  }
  const stories = Number(values.stories);
  if (!(stories >= 0 && stories <= 1)) {
    console.error(`--stories must be a share from 0 to 1, not "${values.stories}".\n${usage}`);
    process.exit(2);
  }
  const sources = Number(values.sources);
  const years = values.years === undefined ? undefined : Number(values.years);
  if (
    !(Number.isInteger(sources) && sources >= 1) ||
    (years !== undefined && !(Number.isInteger(years) && years >= 1))
  ) {
    console.error(`--sources and --years take whole numbers from 1.\n${usage}`);
    process.exit(2);
  }
  if (values.hugo && spawnSync('hugo', ['version']).status !== 0) {
    console.error("--hugo needs the hugo command: install Debian's package (apt-get install hugo).");
    process.exit(2);
  }
  let fastBuild: Record<string, string>;
  try {
    fastBuild = fastBuildEnv(values['fast-build']);
  } catch (error) {
    console.error(`--fast-build: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  const fastBuildPieces = describeFastBuildPieces(fastBuildPiecesFromEnv({ ...process.env, ...fastBuild }));
  console.log(`Broadsheet's fast-build layer: ${fastBuildPieces}`);
  const startedAt = new Date().toISOString();
  const results: SizeResult[] = [];
  for (const articles of sizes) {
    console.log(`${articles} articles`);
    results.push(
      await benchSize(articles, {
        reference: referenceSizes.includes(articles),
        profileDir: values.profile && resolve(values.profile),
        keep: values.keep,
        fastBuild,
        stories,
        sources,
        years,
        hugo: values.hugo,
      }),
    );
  }
  const targets = checkTargets(results);
  console.log(`\n${formatTable(results)}\n`);
  for (const target of targets) {
    console.log(
      `${target.met ? 'met   ' : 'MISSED'}  ${target.name}: ${target.value.toFixed(3)} (limit ${target.limit})`,
    );
  }
  for (const size of results)
    if (size.referenceError)
      console.log(`reference at ${size.articles}: failed (${size.referenceError.split('\n')[0]})`);
  if (values.profile)
    console.log(`\nProfiles of the cold builds: ${values.profile} (summarise with npm run bench:profile -- <file>)`);
  const cpu = cpus();
  const report: BenchReport = {
    startedAt,
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', memoryBytes: totalmem(), node: process.version },
    sizes: results,
    targets,
    fastBuild: fastBuildPieces,
    stories,
    sources,
    ...(years === undefined ? {} : { years }),
  };
  if (values.json) {
    mkdirSync(dirname(resolve(values.json)), { recursive: true });
    writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Wrote ${values.json}`);
  }
  process.exitCode = targets.every((target) => target.met) ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}

/** Reads a report written by `--json`, for the README table and tests. */
export function readReport(file: string): BenchReport {
  return JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
}
