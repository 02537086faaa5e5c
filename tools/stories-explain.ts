// Why two articles were or were not grouped into one story (issue 17 point 1): reads the content folder as the build
// would (front matter, summary or first paragraph, language from the article, its source or the site), groups every
// article, and prints the figures for the pair and the story each is in.
//
//   npm run stories:explain -- <article-id> <article-id> [--content DIR]
//   npx tsx tools/stories-explain.ts 2024/04/rasmussen-nato 2024/04/former-nato-chief [--content DIR]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseContentDate } from '../src/lib/content-date';
import { resolveContentDir } from '../src/lib/content-dir';
import { EXCERPT_LENGTH, shorten } from '../src/lib/excerpt';
import { FrontmatterError, parseYamlFile, splitMarkdown } from '../src/lib/frontmatter';
import { articleIdFromPath } from '../src/lib/slug';
import { explainPair, type PairExplanation, type StoryArticle } from '../src/lib/stories';
import { siteConfig } from '../src/site.config';

/** The plain text of a Markdown body's first paragraph: links keep their text, images and markup go. */
export function firstParagraphText(body: string): string {
  const paragraph =
    body
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .find((block) => block !== '' && !/^(?:#|!\[|<|```|~~~|---|\||[-*+] |\d+\. )/.test(block)) ?? '';
  return paragraph
    .replace(/^>\s?/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function listMarkdown(folder: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      if (name.startsWith('_')) continue;
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  if (existsSync(folder)) walk(folder);
  return found;
}

/**
 * The articles of a content folder as story grouping reads them. Drafts are left out, as in the built site; files
 * whose front matter cannot be read, or that lack a title, source or valid date, are skipped (`npm run
 * check:content` reports them).
 */
export function readStoryArticles(contentDir: string, siteLanguage = siteConfig.locale): StoryArticle[] {
  const sourceLanguage = new Map<string, string>();
  const sourcesDir = join(contentDir, 'sources');
  for (const file of existsSync(sourcesDir) ? readdirSync(sourcesDir).sort() : []) {
    if (!/\.ya?ml$/.test(file) || file.startsWith('_')) continue;
    try {
      const data = parseYamlFile(readFileSync(join(sourcesDir, file), 'utf8')) as Record<string, unknown> | null;
      const language = text(data?.['language']);
      if (language) sourceLanguage.set(file.replace(/\.ya?ml$/, ''), language);
    } catch {
      // An unreadable source file only loses its default language here; the content check reports it.
    }
  }
  const articlesDir = join(contentDir, 'articles');
  return listMarkdown(articlesDir).flatMap((path): StoryArticle[] => {
    const id = articleIdFromPath(relative(articlesDir, path).split('\\').join('/'));
    let split: ReturnType<typeof splitMarkdown>;
    try {
      split = splitMarkdown(readFileSync(path, 'utf8'));
    } catch (error) {
      if (error instanceof FrontmatterError) return [];
      throw error;
    }
    const { data, body } = split;
    const title = text(data['title']);
    const source = text(data['source']);
    const date = typeof data['date'] === 'string' ? parseContentDate(data['date']) : undefined;
    if (!id || !title || !source || date === undefined || typeof date === 'string' || data['draft'] === true) return [];
    const story = text(data['story']);
    return [
      {
        id,
        title,
        lead: text(data['summary']) ?? shorten(firstParagraphText(body), EXCERPT_LENGTH),
        date,
        lang: text(data['lang']) ?? sourceLanguage.get(source) ?? siteLanguage,
        source,
        ...(story ? { story } : {}),
      },
    ];
  });
}

/** The explanation as lines of text. */
export function formatExplanation(explanation: PairExplanation, a: StoryArticle, b: StoryArticle): string[] {
  const round = (value: number) => value.toFixed(3);
  const { pair, options } = explanation;
  return [
    `A: ${a.id} (${a.source}, ${a.date.iso}, ${a.lang})`,
    `   ${a.title}`,
    `B: ${b.id} (${b.source}, ${b.date.iso}, ${b.lang})`,
    `   ${b.title}`,
    '',
    `verdict: ${explanation.storyOfA !== undefined && explanation.storyOfA === explanation.storyOfB ? `one story (${explanation.storyOfA})` : 'not one story'}`,
    `story of A: ${explanation.storyOfA ?? '(alone)'}`,
    `story of B: ${explanation.storyOfB ?? '(alone)'}`,
    '',
    `text similarity (headline and lead, TF-IDF cosine): ${round(pair.textSimilarity)}`,
    `headline similarity: ${round(pair.titleSimilarity)}`,
    `headline figures conflict: ${pair.numberConflict ? 'yes' : 'no'}`,
    `score: ${round(pair.score)}; threshold ${pair.threshold}${pair.sameSource ? ' (same outlet)' : ''}`,
    `hours apart: ${pair.hoursApart.toFixed(1)} (window ${options.windowHours} h, longest story ${options.maxStoryHours} h)`,
    `override: ${explanation.override}`,
    `shared terms: ${explanation.sharedTerms.slice(0, 20).join(', ') || '(none)'}`,
    `candidate through: ${explanation.candidateTerms.join(', ') || '(not a candidate)'}`,
    '',
    ...explanation.reasons.map((reason) => `- ${reason}`),
  ];
}

/** The command: returns the exit code. */
export function runStoriesExplain(
  args: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  cwd: string,
  projectRoot: string,
  print: (line: string) => void = console.log,
): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { content: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 2) {
    print('Usage: npm run stories:explain -- <article-id> <article-id> [--content DIR]');
    return 2;
  }
  const contentDir = values.content ? resolve(cwd, values.content) : resolveContentDir(projectRoot, environment);
  const articles = readStoryArticles(contentDir);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const [a, b] = positionals.map((id) => byId.get(id.replace(/^\/?articles\//, '').replace(/\/$/, '')));
  if (!a || !b || a.id === b.id) {
    const missing = positionals.filter((id) => !byId.has(id.replace(/^\/?articles\//, '').replace(/\/$/, '')));
    print(
      missing.length > 0
        ? `No article ${missing.map((id) => `"${id}"`).join(' or ')} in ${contentDir} (drafts and unreadable files are left out).`
        : 'Give two different article ids.',
    );
    return 1;
  }
  for (const line of formatExplanation(explainPair(a, b, {}, articles), a, b)) print(line);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runStoriesExplain(
    process.argv.slice(2),
    process.env,
    process.env['INIT_CWD'] ?? process.cwd(),
    resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  );
}
