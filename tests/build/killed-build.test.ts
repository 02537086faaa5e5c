import { cpSync, type Dirent, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editArticle } from '../../bench/workload';
import { generateContent } from '../../tools/generate-content';
import {
  astroBuildInto,
  cleanBuild,
  type KilledBuild,
  killedBuildInto,
  projectOutputFolder,
  temporaryFolder,
  writeFiles,
} from '../support/build';
import { allFiles, differingFiles } from '../support/fast-build';

// The site's builds here split the search index by year, as a site of 20,000 articles or more is (BROADSHEET_SEARCH_SPLIT).
process.env.BROADSHEET_SEARCH_SPLIT = 'year';

// A build can die half-way: a CI job cancelled, a runner out of memory, a laptop lid closed. Whatever it leaves
// behind (pages half written in the output folder, Astro's content store and incremental cache, the article bodies,
// the output record, a search index with some bundles new and its memory old), the next build must give exactly the
// site a clean build gives. Each build here is killed with SIGKILL sent to its whole process group (the build script,
// Astro's process, Pagefind's), so nothing of it gets to clean up, at a point told from its own output.

/** Where a build is killed. */
interface KillPoint {
  /** The phase, as the test names it. */
  readonly phase: string;
  /** Whether the build has reached the point (its output so far; the search point also looks at the index). */
  readonly reached: (output: string, outDir: string) => boolean;
  /** Whether the output when the kill was sent shows the build still inside the phase. */
  readonly inside: (outputAtKill: string) => boolean;
}

/** Everything Astro prints from page generation on. */
const routesPart = (output: string) => output.split(' generating static routes ')[1];

/** The stamps (size, modification time, inode) of every file of a built site's search index. */
function indexStamps(outDir: string): Map<string, string> {
  const stamps = new Map<string, string>();
  const index = join(outDir, 'pagefind');
  let entries: Dirent[];
  try {
    entries = readdirSync(index, { recursive: true, withFileTypes: true });
  } catch {
    return stamps;
  }
  for (const entry of entries.filter((found) => found.isFile())) {
    const path = join(entry.parentPath, entry.name);
    try {
      const stat = statSync(path, { bigint: true });
      stamps.set(relative(index, path), `${stat.size}:${stat.mtimeNs}:${stat.ino}`);
    } catch {
      // Removed while being listed: the index is being rewritten, which the next look sees.
    }
  }
  return stamps;
}

const duringSync: KillPoint = {
  phase: 'the content sync',
  reached: (output) => output.includes('[content] Syncing content'),
  inside: (output) => !output.includes('[content] Synced content'),
};

const duringPages: KillPoint = {
  phase: 'page generation',
  // Astro logs a line per page once it is written; 20 of them (of about 160) are behind when the kill is sent.
  reached: (output) => (routesPart(output)?.match(/├─ /g)?.length ?? 0) >= 20,
  inside: (output) => !routesPart(output)?.includes('✓ Completed'),
};

/** Search indexing, once it has written a file of the index: Astro's process has exited, the index is half new. */
function duringSearch(before: ReadonlyMap<string, string>): KillPoint {
  return {
    phase: 'search indexing',
    reached: (output, outDir) => {
      if (!output.includes('[build] Complete!')) return false;
      return [...indexStamps(outDir)].some(([path, stamp]) => before.get(path) !== stamp);
    },
    inside: (output) => output.includes('[build] Complete!') && !output.includes('[search] Indexed'),
  };
}

/**
 * Changes the content so that a rebuild has work in every year, and so in every search bundle (indexed newest
 * first): an article of 2026 added, one of 2025 edited (headline and text), text added to one of 2024.
 */
function changeContent(contentDir: string, round: number): void {
  writeFiles(contentDir, {
    [`articles/2026/06/killed-build-${round}.md`]: [
      '---',
      `title: 'An article added before killed build ${round}'`,
      `date: 2026-06-${String(10 + round).padStart(2, '0')}T09:00:00+03:00`,
      'source: source-1',
      `sourceUrl: 'https://source-1.example/news/killed-${round}'`,
      'tags: [politics]',
      '---',
      '',
      `The council met again (round ${round}), and the harbour plan was put to a vote once more.`,
      '',
    ].join('\n'),
  });
  editArticle(contentDir);
  const folder = join(contentDir, 'articles/2024/01');
  const first = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()[0];
  if (!first) throw new Error(`${folder} holds no article to change.`);
  const file = join(folder, first);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nA paragraph added before killed build ${round}.\n`);
}

/** Kills a build of `contentDir` into `outDir` at `point`, and checks that it was killed there. */
async function killAt(contentDir: string, outDir: string, point: KillPoint): Promise<KilledBuild> {
  const killed = await killedBuildInto(contentDir, outDir, (output) => point.reached(output, outDir));
  // The build did not finish first, and the kill landed inside the phase.
  expect(killed.signal, killed.output).toBe('SIGKILL');
  expect(point.inside(killed.outputAtKill), `not killed during ${point.phase}:\n${killed.outputAtKill}`).toBe(true);
  return killed;
}

/** Builds again to completion and checks the site is byte for byte a clean build's of the same content. */
async function expectRebuildIsClean(contentDir: string, outDir: string, clean: Map<string, Buffer>): Promise<void> {
  const rebuilt = await astroBuildInto(contentDir, outDir);
  expect(rebuilt.code, rebuilt.output).toBe(0);
  const files = allFiles(outDir);
  expect(differingFiles(files, clean)).toEqual([]);
  // Every file was compared: pages of every article, and a search index of several bundles.
  expect([...files.keys()].filter((path) => /^articles\/.+\/index\.html$/.test(path)).length).toBeGreaterThan(40);
  expect([...files.keys()].filter((path) => /^pagefind\/en\/20\d\d\/pagefind-entry\.json$/.test(path))).toHaveLength(3);
  // Nothing of the killed build is left beside the output folder either (a folder moved aside to be deleted).
  const aside = readdirSync(dirname(outDir)).filter((name) => name.startsWith(`${basename(outDir)}.`));
  expect(aside).toEqual([]);
}

/** A clean build of `contentDir`'s content (a copy, with an empty cache, into an empty folder), as its files. */
async function cleanSite(contentDir: string): Promise<Map<string, Buffer>> {
  const clean = await cleanBuild(contentDir, 'killed-build-clean');
  expect(clean.code, clean.output).toBe(0);
  return allFiles(clean.outDir);
}

describe('a build killed half-way, then run again, gives the clean build', () => {
  const contentDir = join(temporaryFolder('killed-build'), 'content');
  // One output folder and one cache folder (that of contentDir) for every build of this content, as `dist/` and
  // node_modules/.astro are for a site's builds.
  const outDir = projectOutputFolder();

  beforeAll(async () => {
    // 48 articles over three sources and three years (2024 to 2026): listings of several pages, three search bundles.
    generateContent(contentDir, { articles: 48, sources: 3, years: 3, words: [40, 120] });
    // A cold build (an empty output folder, an empty cache): the complete build the first killed one starts from.
    const first = await astroBuildInto(contentDir, outDir);
    expect(first.code, first.output).toBe(0);
  });

  // Each kill starts from the complete rebuild after the one before, so what one leaves behind is built on too.
  it.each([
    { phase: 'the content sync', round: 1, point: () => duringSync },
    { phase: 'page generation', round: 2, point: () => duringPages },
    // The index as the last complete build left it, to tell when this build has started rewriting it.
    { phase: 'search indexing', round: 3, point: () => duringSearch(indexStamps(outDir)) },
  ])('killed during $phase of a rebuild with changes', async ({ round, point }) => {
    changeContent(contentDir, round);
    await killAt(contentDir, outDir, point());
    await expectRebuildIsClean(contentDir, outDir, await cleanSite(contentDir));
  });

  it('killed during page generation of a cold build into an empty folder', async () => {
    // The same content in a folder of its own, so with an empty cache.
    const coldContent = join(temporaryFolder('killed-build-cold'), 'content');
    cpSync(contentDir, coldContent, { recursive: true });
    const coldOut = projectOutputFolder();
    expect(readdirSync(coldOut)).toEqual([]);
    await killAt(coldContent, coldOut, duringPages);
    await expectRebuildIsClean(coldContent, coldOut, await cleanSite(coldContent));
  });
});
