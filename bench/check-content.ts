// Measures `npm run check:content` on generated content: writes N articles with generateContent, then times the
// command itself (a child process, start-up included: what an author or the intake job waits for) several times, and
// the check in this process with one thread and with the command's worker threads, and prints the figures.
//
//   npm run bench:check-content -- --articles 10000 [--runs 3] [--render-all] [--sources 50] [--years 5]
//                                  [--content DIR] [--keep]
//
// --sources and --years are passed to the generator: 50 outlets over five years is the main bench's archive (issue 20).
// --render-all gives every body a relative link, so that each one is rendered through the Markdown pipeline: the worst
// case (imported articles full of relative links or inline HTML).
// --content checks an existing folder instead of generating one (it is never removed); --keep keeps the generated one.
import { spawnSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/content-check/check-content';
import { lazyBodyRenderer } from '../src/lib/content-check/lazy-renderer';
import { listArticleFiles } from '../src/lib/content-rules/content-files';
import { generateContent } from '../tools/generate-content';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    'render-all': { type: 'boolean', default: false },
    sources: { type: 'string', default: '12' },
    years: { type: 'string' },
    content: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const runs = Number(values.runs);
const contentDir = values.content ? resolve(values.content) : join(tmpdir(), `broadsheet-bench-check-${articles}`);
if (!values.content) {
  generateContent(contentDir, {
    articles,
    seed: 1,
    sources: Number(values.sources),
    ...(values.years === undefined ? {} : { years: Number(values.years) }),
  });
  if (values['render-all']) {
    for (const file of listArticleFiles(contentDir))
      appendFileSync(join(contentDir, 'articles', file), '\n[Next](./next/)\n');
  }
}

const median = (timings: readonly number[]) =>
  [...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)]?.toFixed(2) ?? '-';
const threads = availableParallelism();
const timings = { command: [] as number[], one: [] as number[], workers: [] as number[] };
for (let run = 1; run <= runs; run += 1) {
  let started = performance.now();
  const command = spawnSync('npm', ['run', '--silent', 'check:content', '--', '--content', contentDir], {
    cwd: projectRoot,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  timings.command.push((performance.now() - started) / 1000);
  const summary = command.stdout.trim().split('\n').at(-1);

  for (const [name, workers] of [
    ['one', undefined],
    ['workers', { count: threads, render: true }],
  ] as const) {
    started = performance.now();
    const result = await checkContent({ contentDir, projectRoot, renderBody: lazyBodyRenderer(contentDir), workers });
    timings[name].push((performance.now() - started) / 1000);
    if (name === 'workers') {
      console.log(
        `run ${run}: ${summary} (exit ${command.status}); ${result.rendered} bodies rendered; command ${timings.command.at(-1)?.toFixed(2)} s, in process: one thread ${timings.one.at(-1)?.toFixed(2)} s, ${threads} threads ${timings.workers.at(-1)?.toFixed(2)} s`,
      );
    }
  }
}
console.log(
  `check:content on ${values.content ? contentDir : `${articles} generated articles`}${values['render-all'] ? ' (every body rendered)' : ''}: command median ${median(timings.command)} s; in process median ${median(timings.one)} s in one thread, ${median(timings.workers)} s in ${threads}`,
);
if (!values.content && !values.keep) rmSync(contentDir, { recursive: true, force: true });
