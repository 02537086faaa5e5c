// The small changes `npm run bench` rebuilds after: one article edited, one added. Both are deterministic, so every
// run and both sites see the same change.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function articleFiles(contentDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.md')) files.push(join(dir, entry.name));
    }
  };
  walk(join(contentDir, 'articles'));
  return files.sort();
}

/**
 * A name for the next article added under `base` in `folder`: `<base>.md`, then `<base>-2.md`, … counted over
 * `files` (every article of the content folder), so that adding twice to the same content (a kept benchmark folder)
 * adds a second article instead of rewriting the first, wherever its date puts it. The suffix also keeps the added
 * articles' addresses apart.
 */
function freshName(files: readonly string[], folder: string, base: string): { file: string; suffix: string } {
  const added = new RegExp(`/${base}(-\\d+)?\\.md$`);
  const taken = files.filter((file) => added.test(file)).length;
  const suffix = taken === 0 ? '' : `-${taken + 1}`;
  return { file: join(folder, `${base}${suffix}.md`), suffix };
}

/**
 * Edits the article in the middle of the sorted file list, as an editor fixing a story would: a new headline and a
 * sentence added to its first paragraph. Returns its path relative to the content folder.
 */
export function editArticle(contentDir: string): string {
  const files = articleFiles(contentDir);
  const file = files[Math.floor(files.length / 2)];
  if (!file) throw new Error(`No articles to edit in ${contentDir}.`);
  const text = readFileSync(file, 'utf8');
  const edited = text
    .replace(/^title: '(.*)'$/m, "title: '$1 (corrected)'")
    .replace(/\n---\n\n([^\n]+)/, '\n---\n\n$1 This sentence was added in an edit.');
  if (edited === text || !edited.includes('(corrected)') || !edited.includes('added in an edit')) {
    throw new Error(`${file}: the benchmark could not find the headline and first paragraph to edit.`);
  }
  writeFileSync(file, edited);
  return relative(contentDir, file);
}

/**
 * Adds a fourth report to the newest generated story (content made with `stories`): the same place and figure in
 * other words, an hour after the story's last report, so it joins that story. Returns its path.
 */
export function addStoryReport(contentDir: string): string {
  let newest: { file: string; date: string; place: string; figure: string } | undefined;
  const files = articleFiles(contentDir);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const event = /^title: '.*?\b(Kala[a-z]+)\b.*'$/m.exec(text)?.[1];
    const figure = /^title: '.*?(\d{3,4}) (?:homes|households)/m.exec(text)?.[1];
    const date = /^date: '?(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
    if (event && figure && date && (!newest || date >= newest.date)) newest = { file, date, place: event, figure };
  }
  if (!newest) throw new Error(`No generated story in ${contentDir}: generate it with stories.`);
  const folder = join(contentDir, 'articles', newest.date.slice(0, 4), newest.date.slice(5, 7));
  const { file, suffix } = freshName(files, folder, 'bench-added-report');
  writeFileSync(
    file,
    [
      '---',
      `title: 'Power still out for ${newest.figure} homes in ${newest.place} after gale'`,
      `date: ${newest.date}T23:00:00+03:00`,
      'source: source-0',
      `sourceUrl: 'https://source-0.example/news/added-report${suffix}'`,
      `summary: 'Crews worked through the night in ${newest.place}, where the gale cut power to ${newest.figure} homes.'`,
      '---',
      '',
      'The benchmark adds this report to a story to measure a rebuild after one more outlet covers it.',
      '',
    ].join('\n'),
  );
  return relative(contentDir, file);
}

/** Adds a new article, dated a day after the newest one, so it leads the front page. Returns its path. */
export function addArticle(contentDir: string): string {
  const files = articleFiles(contentDir);
  const dates = files.map((file) => /^date: (\d{4}-\d{2}-\d{2})/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '');
  const newest = dates.sort().at(-1);
  if (!newest) throw new Error(`No dated articles in ${contentDir}.`);
  const day = new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const folder = join(contentDir, 'articles', day.slice(0, 4), day.slice(5, 7));
  mkdirSync(folder, { recursive: true });
  const { file, suffix } = freshName(files, folder, 'bench-added');
  writeFileSync(
    file,
    [
      '---',
      "title: 'An article added between two builds'",
      `date: ${day}T10:00:00+03:00`,
      'source: source-0',
      `sourceUrl: 'https://source-0.example/news/added${suffix}'`,
      'tags: [politics, greece]',
      '---',
      '',
      'The benchmark adds this article to measure a rebuild after one new article arrives.',
      '',
    ].join('\n'),
  );
  return relative(contentDir, file);
}
