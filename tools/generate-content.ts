// Writes deterministic synthetic content that follows the content format (docs/content-format.md): sources and articles with tags,
// headings, lists, quotes and links. Build tests and measurements use it; nothing it writes is committed.
//
//   npm run generate -- --articles 1000 --out /tmp/broadsheet-1000 [--sources 12] [--seed 1] [--stories 0.2] [--years 5]
//
// Runs through tsx (npm run generate), like the other TypeScript tools in tools/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Options for generated content. */
export interface GenerateOptions {
  /** How many articles to write. */
  readonly articles: number;
  /** How many sources to spread them over (at least 1). */
  readonly sources?: number;
  /** Seed for the pseudo-random choices; the same seed writes the same files. */
  readonly seed?: number;
  /** Words per article body: [least, most]. */
  readonly words?: readonly [number, number];
  /**
   * The share of articles (0 to 1) that are reports of one event by three outlets within hours, written in different
   * words, so that story grouping has stories to find. Default 0: the content earlier measurements were made on.
   */
  readonly stories?: number;
  /**
   * Spreads the articles evenly over this many whole years ending on 31 December 2026 (5: 2022 to 2026), as an
   * archive fed by many outlets for years looks. Absent: about six articles a day from 1 January 2024, the content
   * earlier measurements were made on.
   */
  readonly years?: number;
}

/**
 * The three ways outlets word one event: the same place and figure, different words and order. None of their words
 * is in WORDS, so an unrelated generated headline never shares them.
 */
const STORY_HEADLINES: readonly ((place: string, figure: number) => string)[] = [
  (place, figure) => `Gale cuts power to ${figure} homes in ${place}`,
  (place, figure) => `${figure} households left without electricity as gale hits ${place}`,
  (place, figure) => `${place} in the dark: gale knocks out power for ${figure} homes`,
];

const WORDS = (
  'government minister summit alliance security parliament election economy budget energy climate harbour ' +
  'island ferry tourism strike union court ruling report survey market inflation growth investment bank ' +
  'reform coalition opposition council region city village festival museum archaeology discovery research ' +
  'university health hospital school transport railway airport weather storm wildfire drought harvest olive'
).split(' ');
const TAGS = [
  'politics',
  'economy',
  'energy',
  'climate',
  'europe',
  'greece',
  'nato',
  'ukraine',
  'culture',
  'health',
  'transport',
  'science',
];
const COUNTRIES = ['GR', 'GB', 'DE', 'FR', 'IT', 'ES', 'US', 'CY', 'PL', 'UA', 'NL', 'BE', 'PT', 'SE'];

/** A small seeded pseudo-random generator (mulberry32), so generated content is the same on every machine. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'news');
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function body(random: () => number, targetWords: number, index: number): string {
  const blocks: string[] = [];
  let written = 0;
  let block = 0;
  while (written < targetWords) {
    const kind = block % 7;
    if (kind === 2) {
      blocks.push(`## ${sentence(random, 4).slice(0, -1)}`);
      written += 4;
    } else if (kind === 4) {
      blocks.push(Array.from({ length: 3 }, () => `- ${sentence(random, 6)}`).join('\n'));
      written += 18;
    } else if (kind === 5) {
      blocks.push(`> ${sentence(random, 20)}`);
      written += 20;
    } else {
      const link = block === 1 ? ` See [the report](https://example.org/report/${index}).` : '';
      blocks.push(Array.from({ length: 4 }, () => sentence(random, 12)).join(' ') + link);
      written += 48;
    }
    block += 1;
  }
  return blocks.join('\n\n');
}

/** A number written in letters (0 → `a`, 25 → `z`, 26 → `ba`), for invented place names. */
function placeLetters(number: number): string {
  let letters = '';
  let rest = number;
  do {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return letters;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Writes `sources/` and `articles/` under `dir` (which is emptied first) and returns the article ids. */
export function generateContent(dir: string, options: GenerateOptions): string[] {
  const { articles, sources = 12, seed = 1, words = [300, 2000], stories = 0, years } = options;
  // Every block of three consecutive articles (three outlets, the same day) whose number falls on the share is a story.
  const storyEvery = stories > 0 ? Math.max(1, Math.round(1 / stories)) : 0;
  const random = randomFrom(seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'sources'), { recursive: true });
  for (let s = 0; s < sources; s += 1) {
    writeFileSync(
      join(dir, 'sources', `source-${s}.yaml`),
      [
        `name: ${quote(`Source ${s} ${WORDS[s % WORDS.length] ?? ''} Times`)}`,
        `url: ${quote(`https://source-${s}.example/`)}`,
        `description: ${quote(`Generated outlet number ${s}`)}`,
        `language: en`,
        `country: ${COUNTRIES[s % COUNTRIES.length] ?? 'GR'}`,
        `indexing: ${['noindex', 'canonical', 'index'][s % 3] ?? 'noindex'}`,
        '',
      ].join('\n'),
    );
  }
  const ids: string[] = [];
  const start = years === undefined ? Date.UTC(2024, 0, 1) : Date.UTC(2027 - years, 0, 1);
  // Days the articles are spread over: `years` whole years, or six articles a day.
  const days = years === undefined ? 0 : Math.round((Date.UTC(2027, 0, 1) - start) / 86_400_000);
  for (let index = 0; index < articles; index += 1) {
    // Some with a time and an offset, some with a date only.
    const dayNumber = years === undefined ? Math.floor(index / 6) : Math.floor((index * days) / articles);
    const day = new Date(start + dayNumber * 86_400_000);
    const ymd = day.toISOString().slice(0, 10);
    const date = index % 3 === 0 ? ymd : `${ymd}T${String(6 + (index % 14)).padStart(2, '0')}:15:00+03:00`;
    const [year, month] = ymd.split('-');
    const source = index % sources;
    const tagCount = 1 + (index % 3);
    const tags = Array.from({ length: tagCount }, (_, t) => TAGS[(index + t * 5) % TAGS.length] ?? 'news');
    const targetWords = words[0] + Math.floor(random() * (words[1] - words[0] + 1));
    const block = Math.floor(index / 3);
    const inStory = storyEvery > 0 && block % storyEvery === 0;
    // An invented place name and a figure only this event has: what grouping keys on, as it would on a real report.
    // The name is letters only, so no headline's "(index)" number can match it.
    const place = `Kala${placeLetters(block)}`;
    const figure = 100 + ((block * 37) % 9000);
    const headline = inStory
      ? (STORY_HEADLINES[index % 3] ?? STORY_HEADLINES[0])?.(place, figure)
      : `${sentence(random, 7).slice(0, -1)} (${index})`;
    const frontMatter = [
      '---',
      `title: ${quote(headline ?? '')}`,
      ...(inStory
        ? [`summary: ${quote(`A gale left ${figure} homes in ${place} without power overnight, the operator said.`)}`]
        : []),
      `date: ${date}`,
      `source: source-${source}`,
      `sourceUrl: ${quote(`https://source-${source}.example/news/${index}`)}`,
      `author: ${quote(`Reporter ${index % 40}`)}`,
      `tags: [${[...new Set(tags)].join(', ')}]`,
      ...(index % 10 === 0 ? [`via: [source-${(source + 1) % sources}]`] : []),
      '---',
    ];
    const folder = join(dir, 'articles', year ?? '2024', month ?? '01');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `a-${index}.md`), `${frontMatter.join('\n')}\n\n${body(random, targetWords, index)}\n`);
    ids.push(`${year}/${month}/a-${index}`);
  }
  return ids;
}

// Run as a command: only when this file is the entry point, not when tests import it.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('generate-content.ts')) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      out: { type: 'string' },
      sources: { type: 'string', default: '12' },
      seed: { type: 'string', default: '1' },
      stories: { type: 'string', default: '0' },
      years: { type: 'string' },
    },
  });
  const count = Number(values.articles);
  const stories = Number(values.stories);
  const years = values.years === undefined ? undefined : Number(values.years);
  const badYears = years !== undefined && !(Number.isInteger(years) && years >= 1 && years <= 50);
  if (!values.out || !Number.isInteger(count) || count < 0 || !(stories >= 0 && stories <= 1) || badYears) {
    console.error(
      'Usage: npm run generate -- --articles <count> --out <folder> [--sources 12] [--seed 1] [--stories 0.2] [--years 5]',
    );
    process.exit(2);
  }
  const out = resolve(values.out);
  const ids = generateContent(out, {
    articles: count,
    sources: Number(values.sources),
    seed: Number(values.seed),
    stories,
    ...(years === undefined ? {} : { years }),
  });
  console.log(`Wrote ${ids.length} articles and ${values.sources} sources to ${out}`);
  console.log(`Build them with: BROADSHEET_CONTENT_DIR=${out} npm run build`);
}
