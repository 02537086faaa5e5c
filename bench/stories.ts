// What story grouping costs (issue 17 point 6): groups generated articles (20,000 by default) and prints the time,
// the memory and the comparisons made. Not a test: timings belong here, not in assertions.
//
//   npx tsx bench/stories.ts [--articles 20000] [--runs 3]
//
// tools/generate-content.ts writes files with random headlines that never form stories, so this bench makes its own
// articles in memory: events covered by one to six outlets within two days, each event with its own names and
// figures, on top of a shared news vocabulary (so the inverted index meets common terms, as on a real site).
import { parseArgs } from 'node:util';
import { groupStoriesWithStats, type StoryArticle } from '../src/lib/stories';
import { randomFrom } from '../tools/generate-content';

const VOCABULARY = (
  'government minister ministry parliament vote election party opposition coalition budget tax reform economy ' +
  'growth inflation prices wages bank rates investment market shares exports tourism visitors hotels island ' +
  'ferry port ships strike union workers protest police court ruling judge trial prison report survey police ' +
  'fire wildfire blaze firefighters villages evacuated homes flood storm rain winds earthquake tremor damage ' +
  'hospital health doctors patients school students teachers university research scientists discovery museum ' +
  'festival film music football club match final season coach transfer airport flights airline passengers ' +
  'railway trains metro road traffic energy power electricity gas prices climate drought water harvest farmers ' +
  'olive wine fishing coast guard migrants rescue boat border talks summit leaders agreement deal sanctions war ' +
  'army defence jets navy security attack investigation arrested suspects victims families rally crowd square'
).split(/\s+/);
const SYLLABLES = 'ka ri to ne sa lo mi da pe ro va ki zo ma ni te li ko sta the xa ra po de'.split(' ');

/** Generated articles and the event each one reports. */
export interface GeneratedStoryArticles {
  /** The articles, in publication order. */
  readonly articles: StoryArticle[];
  /** The event index of each article, by id. */
  readonly eventOf: ReadonlyMap<string, number>;
}

/**
 * Makes `count` articles in memory: about 18 a day from 12 outlets, grouped into events of one to six reports over
 * two days. Each event has two invented names and a figure; headlines and leads mix those with common words.
 */
export function generateStoryArticles(count: number, seed = 1): GeneratedStoryArticles {
  const random = randomFrom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const name = () => {
    const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
    return word.charAt(0).toUpperCase() + word.slice(1);
  };
  const words = (n: number) => Array.from({ length: n }, () => pick(VOCABULARY));
  const articles: StoryArticle[] = [];
  const eventOf = new Map<string, number>();
  const start = Date.UTC(2024, 0, 1);
  let event = 0;
  while (articles.length < count) {
    const eventTime = start + Math.floor((articles.length / 18) * 86_400_000);
    const names = [name(), name()];
    const figure = String(2 + Math.floor(random() * 500));
    const topic = words(3);
    const reports = Math.min(count - articles.length, 1 + Math.floor(random() * 6));
    for (let report = 0; report < reports; report += 1) {
      const time = new Date(eventTime + Math.floor(random() * 48 * 3_600_000));
      const index = articles.length;
      const title = [...words(2), names[0], ...topic.slice(0, 2), figure, ...words(2)].join(' ');
      const lead = [
        'The',
        ...words(4),
        'in',
        names[0],
        'and',
        names[1],
        ...topic,
        ...words(8),
        figure,
        ...words(6),
      ].join(' ');
      const id = `${time.toISOString().slice(0, 7).replace('-', '/')}/generated-${index}`;
      articles.push({
        id,
        title: title.charAt(0).toUpperCase() + title.slice(1),
        lead: `${lead}.`,
        date: { iso: `${time.toISOString().slice(0, 19)}+00:00`, dateOnly: false },
        lang: 'en',
        source: `outlet-${(index * 7 + report) % 12}`,
      });
      eventOf.set(id, event);
    }
    event += 1;
  }
  return { articles, eventOf };
}

if (process.argv[1]?.endsWith('bench/stories.ts')) {
  const { values } = parseArgs({
    options: { articles: { type: 'string', default: '20000' }, runs: { type: 'string', default: '3' } },
  });
  const count = Number(values.articles);
  const runs = Number(values.runs);
  const { articles } = generateStoryArticles(count);
  // With `--expose-gc` (npx tsx --expose-gc bench/stories.ts) the heap is measured after a full collection, so the
  // figure is what the result keeps, not garbage that V8 has not yet collected.
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  let rssPeak = process.memoryUsage().rss;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let last: ReturnType<typeof groupStoriesWithStats> | undefined;
  for (let run = 0; run < runs; run += 1) {
    last = undefined;
    collect();
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    last = groupStoriesWithStats(articles);
    times.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  collect();
  const heapAfter = process.memoryUsage().heapUsed;
  const stats = last?.stats;
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(`Grouped ${count} generated articles, ${runs} runs (the first includes JIT warm-up):`);
  // CPU time as well as wall time: on a shared 2-core machine the wall time also measures the neighbours.
  const seconds = (list: number[]) => list.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ');
  console.log(`  wall time per run: ${seconds(times)}; CPU time (all threads, GC included): ${seconds(cpuTimes)}`);
  console.log(
    `  memory: rss peak ${mib(rssPeak)} MiB; heap ${mib(heapBefore)} MiB with the articles, ${mib(heapAfter)} MiB holding the result${collect.name === 'gc' ? '' : ' (uncollected garbage included: run with --expose-gc)'}`,
  );
  if (stats) {
    console.log(
      `  stories of 2+: ${last?.index.stories.length}; candidate pairs scored ${stats.candidatePairs} ` +
        `(${(stats.candidatePairs / count).toFixed(1)} per article; all pairs would be ${((count * (count - 1)) / 2).toExponential(2)}); ` +
        `postings read ${stats.postingsScanned}; pairs above threshold ${stats.passingPairs}; ` +
        `joins refused: span ${stats.refusedSpan}, centroid ${stats.refusedCentroid}, override ${stats.refusedOverride}`,
    );
  }
}
