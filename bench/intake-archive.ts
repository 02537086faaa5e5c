// Prepares the archive `npm run bench:intake -- --archive N` runs against, in a process of its own so that the bench's
// feed servers do not share a heap with 100,000 articles' worth of garbage: N generated articles (50 outlets over five
// years) in a git work tree, committed with their article index, then packed as a clone is.
//
//   tsx bench/intake-archive.ts <content folder> <articles>
import { spawnSync } from 'node:child_process';
import { generateContent } from '../tools/generate-content';
import { loadArticleIndex, writeArticleIndex } from '../tools/ingest/seen-index';

const [contentDir, count] = process.argv.slice(2);
if (!contentDir || !count) throw new Error('usage: tsx bench/intake-archive.ts <content folder> <articles>');

function git(...args: string[]): void {
  // No automatic `git gc` in the background: it would run beside the measured commands.
  const options = ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'gc.auto=0'];
  const result = spawnSync('git', ['-C', contentDir as string, ...options, ...args]);
  if (result.status !== 0) throw new Error(String(result.stderr));
}

generateContent(contentDir, { articles: Number(count), seed: 1, sources: 50, years: 5 });
git('init', '-q');
git('add', '.');
git('commit', '-q', '-m', 'archive');
writeArticleIndex(
  contentDir,
  loadArticleIndex(contentDir, () => undefined),
);
git('add', '.');
git('commit', '-q', '-m', 'article index');
git('gc', '-q');
