// A static build's memory peaks where one phase hands over to the next: V8 collects what the last phase left (the
// serialised store, its write buffer) only when the heap reaches the limit set at its last full collection, while the
// next phase piles its own garbage on top. A full collection at each hand-over lowers the peak; the "last resort"
// flavour also hands the emptied pages back to the system (docs/fast-build.md#gc).
//
// Node has no call to request a collection without `--expose-gc`, and the build runs with Node's default settings, so
// the flag is set at run time and `gc` is taken from a new V8 context. Node documents setting V8 flags after start-up
// as unpredictable: that is why this is a piece of its own, switchable with BROADSHEET_FAST_BUILD=all,-gc.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AstroIntegration } from 'astro';
import { fastBuildReport } from '@/integrations/fast-build/report';
import { isRebuild } from '@/integrations/fast-build/store-location';

/** V8's `gc` function, as `--expose-gc` gives it; Node 22 (V8 12) takes these options. */
type GcFunction = (options?: { type: 'major'; execution: 'sync'; flavor?: 'last-resort' }) => void;

let gc: GcFunction | undefined;

// In a rebuild (a content store is already in the cache folder) a plain full collection is used: V8's last-resort
// collection repeats itself until a pass frees nothing, and at 20,000 articles that second pass freed nothing and took
// as long as the first (1.3 s of 2.6 s), while the peak of an edit rebuild was 1,004 MiB either way. A cold build keeps
// the last-resort one, which hands emptied pages back to the system (docs/fast-build.md#gc). On globalThis, as the
// loaders' copy of this module may not be the integration's.
const REBUILD_KEY = Symbol.for('broadsheet.fast-build.gc-rebuild');

/** Records whether this build starts from a content store left by an earlier build (a rebuild). */
export function useRebuildCollections(rebuild: boolean): void {
  (globalThis as Record<symbol, unknown>)[REBUILD_KEY] = rebuild;
}

/**
 * Runs a full garbage collection now; in a cold build, the last-resort one, which gives the memory it frees back to
 * the system. Call it only between build
 * phases, where what the last phase left is dead. Returns false, doing nothing, when the runtime does not allow it.
 * Counted in the build's report (report.ts), where a refusal shows.
 */
export function collectGarbage(): boolean {
  const report = fastBuildReport();
  try {
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as GcFunction;
    }
    if ((globalThis as Record<symbol, unknown>)[REBUILD_KEY] === true) gc({ type: 'major', execution: 'sync' });
    else gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    if (report) report.garbageCollections += 1;
    return true;
  } catch {
    if (report) report.garbageCollectionsRefused += 1;
    return false;
  }
}

/**
 * The `gc` piece's hooks: a collection when the build starts (right after the content sync has written its store) and
 * when the pages are written (before the sitemap reads them). The content loaders add one before and after loading
 * (content-config.ts).
 */
export function collectGarbageBetweenPhases(): AstroIntegration {
  const collect = (phase: string, logger: { debug(message: string): void }) => {
    const started = performance.now();
    if (collectGarbage()) logger.debug(`Collected garbage ${phase} in ${(performance.now() - started).toFixed(0)} ms.`);
  };
  return {
    name: 'broadsheet:fast-build:gc',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        useRebuildCollections(command === 'build' && isRebuild(config));
      },
      'astro:build:start': ({ logger }) => collect('after the content sync', logger),
      'astro:build:generated': ({ logger }) => collect('after page generation', logger),
    },
  };
}
