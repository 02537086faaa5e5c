// Measures how `npm run fetch` and `npm run import` decide "new or seen" as the archive grows: for each archive size it
// generates the articles (50 sources over five years, like the main bench), then times loading the article index
// (tools/ingest/seen-index.ts) when there is none yet (every file read), when it is up to date, and when one article was
// added by hand; then the decisions themselves: 500 feed items, half of them already in the archive, each planned
// against the index as a run does (planArticle, withPlan); then writing the index with the new half written as files,
// and (with --git) loading it again once they are committed.
//
//   npm run bench:intake-index -- [--articles 1000,100000] [--items 500] [--git]
//
// --git makes each content folder a git work tree with the articles committed, as on the intake job's runner: files are
// then listed by `git ls-files` instead of their sizes and times.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateContent } from '../tools/generate-content';
import {
  type ArticleDraft,
  type ContentSnapshot,
  planArticle,
  readContentSnapshot,
  saveArticleIndex,
  withPlan,
} from '../tools/ingest';
import { DuplicateArticleError } from '../tools/ingest/plan';
import { loadArticleIndex, writeArticleIndex } from '../tools/ingest/seen-index';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000,100000' },
    items: { type: 'string', default: '500' },
    git: { type: 'boolean', default: false },
  },
});
const items = Number(values.items);
const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(3);

function git(dir: string, ...args: string[]): void {
  const result = spawnSync('git', ['-C', dir, '-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args]);
  if (result.status !== 0) throw new Error(String(result.stderr));
}

for (const count of values.articles.split(',').map(Number)) {
  const dir = join(tmpdir(), `broadsheet-bench-index-${count}`);
  generateContent(dir, { articles: count, seed: 1, sources: 50, years: 5 });
  if (values.git) {
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'generated');
  }
  let started = performance.now();
  const built = loadArticleIndex(dir, () => undefined);
  writeArticleIndex(dir, built);
  const build = seconds(started);
  if (values.git) {
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'index');
  }

  started = performance.now();
  const snapshot: ContentSnapshot = readContentSnapshot(dir);
  const load = seconds(started);
  const loaded = loadArticleIndex(dir, () => undefined);

  writeFileSync(
    join(dir, 'articles', 'by-hand.md'),
    "---\ntitle: 'By hand'\ndate: 2026-12-01\nsource: source-1\nsourceUrl: 'https://hand.example/1'\n---\n\nBody.\n",
  );
  started = performance.now();
  const withHandAdded = loadArticleIndex(dir, () => undefined);
  const refresh = seconds(started);

  // Half the items are articles already there (the generator's addresses), half are new.
  const drafts: ArticleDraft[] = Array.from({ length: items }, (_, index) => {
    const known = index % 2 === 0;
    const number = known ? Math.floor((index * count) / items) : count + index;
    return {
      title: `Item ${number} of a feed`,
      date: { iso: '2026-12-01T09:00:00+00:00', dateOnly: false },
      updated: undefined,
      authors: [],
      summary: undefined,
      image: undefined,
      lang: undefined,
      url: `https://source-${number % 50}.example/news/${number}`,
      outletName: undefined,
      body: 'A short body about the economy and energy.',
      notes: [],
    };
  });
  started = performance.now();
  let current = snapshot;
  let seen = 0;
  for (const draft of drafts) {
    try {
      current = withPlan(current, planArticle(draft, current, { source: 'source-1' }));
    } catch (error) {
      if (!(error instanceof DuplicateArticleError)) throw error;
      seen += 1;
    }
  }
  const decide = seconds(started);

  // The new articles written as a run writes them, then the index written back and (with --git) committed.
  const before = readContentSnapshot(dir, () => undefined);
  for (const path of current.articles.parts().changes.keys()) {
    if (path.startsWith('2026/12/') && path !== 'by-hand.md') {
      writeFileSync(
        join(dir, 'articles', path),
        `---\ntitle: 'New ${path}'\ndate: 2026-12-01\nsource: source-1\n---\n\nBody.\n`,
      );
    }
  }
  started = performance.now();
  saveArticleIndex(before, current);
  const write = seconds(started);
  let committed = '';
  if (values.git) {
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'new articles');
    started = performance.now();
    const next = loadArticleIndex(dir, () => undefined);
    committed = `; loaded after the commit in ${seconds(started)} s (${next.read} read)`;
  }
  console.log(
    `${count} articles (${loaded.mode}): index built in ${build} s (${built.read} files read); loaded up to date in ${load} s (${loaded.read} read); after a hand-added article ${refresh} s (${withHandAdded.read} read); ${items} items decided in ${decide} s (${seen} seen); written in ${write} s${committed}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
