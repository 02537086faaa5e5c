// Measures `npm run check:content` on generated content: writes N articles with generateContent, then times the
// check (the same function the command runs, with body rendering on) several times and prints the figures.
//
//   npm run bench:check-content -- --articles 10000 [--runs 3] [--render-all]
//
// --render-all gives every body a relative link, so that each one is rendered through the Markdown pipeline: the worst
// case (imported articles full of relative links or inline HTML).
import { appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/content-check/check-content';
import { type BodyRenderer, createBodyRenderer } from '../src/lib/content-check/render-body';
import { listArticleFiles } from '../src/lib/content-rules/content-files';
import { generateContent } from '../tools/generate-content';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    'render-all': { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const runs = Number(values.runs);
const contentDir = join(tmpdir(), `broadsheet-bench-check-${articles}`);
generateContent(contentDir, { articles, seed: 1 });
if (values['render-all']) {
  for (const file of listArticleFiles(contentDir))
    appendFileSync(join(contentDir, 'articles', file), '\n[Next](./next/)\n');
}

const renderer = await createBodyRenderer(contentDir);
let rendered = 0;
const counting: BodyRenderer = (body, filePath) => {
  rendered += 1;
  return renderer(body, filePath);
};

const timings: number[] = [];
for (let run = 1; run <= runs; run += 1) {
  rendered = 0;
  const started = performance.now();
  const result = await checkContent({
    contentDir,
    projectRoot,
    renderBody: counting,
  });
  const seconds = (performance.now() - started) / 1000;
  timings.push(seconds);
  console.log(
    `run ${run}: ${result.files} files, ${result.problems.length} problems, ${rendered} bodies rendered, ${seconds.toFixed(2)} s`,
  );
}
const sorted = [...timings].sort((a, b) => a - b);
console.log(
  `check:content on ${articles} generated articles${values['render-all'] ? ' (every body rendered)' : ''}: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)} s, best ${sorted[0]?.toFixed(2)} s`,
);
rmSync(contentDir, { recursive: true, force: true });
