// What each piece of the layer did in this build, logged when the build ends. A piece that falls back to Astro's own,
// slower path still builds a correct site, so without this record nobody would notice; the canary tests read it
// (docs/fast-build.md#canaries).
//
// It lives on globalThis because the pieces run in different module graphs of one process: the integration from
// astro.config.mjs, the loaders from the content config (through Vite), the store module from the built bundle.
import { describeFastBuildPieces, type FastBuildPieces } from '@/integrations/fast-build/switch';

/** The report's key on globalThis (`Symbol.for`), also written into the generated store module. */
export const FAST_BUILD_REPORT_KEY = 'broadsheet.fast-build.report';

/** What the pieces of the layer did in one `astro build`. */
export interface FastBuildReport {
  /** The pieces that are on. */
  readonly pieces: FastBuildPieces;
  /** Whether the store piece's Vite plugin gave Astro's content-store module. */
  storeModuleReplaced: boolean;
  /** Where that module took the store from when the pages loaded it: the loaders' memory, or the store file. */
  storeServedFrom: 'memory' | 'file' | undefined;
  /** The error the store module threw, if any (Astro would give the pages an empty store and carry on). */
  storeError: string | undefined;
  /** Whether the store piece could hold Astro's store saves until the end of the sync (store-save.ts). */
  storeSavesHoldable: boolean;
  /** Saves of the content store held until the end of the sync, each of which would have serialised the whole store. */
  storeSavesHeld: number;
  /** Whether the store piece could make Astro's store writer compare sizes before reading the old file (store-write.ts). */
  storeSizesCompared: boolean;
  /** Store saves written without reading the old file back, their sizes differing. */
  storeWritesUncompared: number;
  /** Store saves handed to a worker thread (store-write-worker.ts). */
  storeWritesInWorker: number;
  /** Rendered articles the store names by a body file, after loading. */
  bodiesInStore: number;
  /** Body files written by this build. */
  bodiesWritten: number;
  /** Body files removed because no entry names them any more. */
  bodiesRemoved: number;
  /** Articles the loader did not check again because their text matched the stored entry. */
  unchangedArticlesSkipped: number;
  /** Articles the loader did not even open because their file stamps matched the last build's record. */
  articlesKeptByStamp: number;
  /** Full garbage collections run. */
  garbageCollections: number;
  /** Garbage collections asked for that the runtime refused. */
  garbageCollectionsRefused: number;
  /** Pages of the last build kept in the output folder. */
  pagesKept: number;
  /** How many of the kept pages Astro reported as this build's files at `astro:build:done`. */
  keptPagesReported: number;
}

type Registry = Record<symbol, FastBuildReport | undefined>;

function registry(): Registry {
  return globalThis as unknown as Registry;
}

/** Starts an empty report for a new `astro build` with these pieces on, replacing any earlier one. */
export function openFastBuildReport(pieces: FastBuildPieces): FastBuildReport {
  const report: FastBuildReport = {
    pieces,
    storeModuleReplaced: false,
    storeServedFrom: undefined,
    storeError: undefined,
    storeSavesHoldable: false,
    storeSavesHeld: 0,
    storeSizesCompared: false,
    storeWritesUncompared: 0,
    storeWritesInWorker: 0,
    bodiesInStore: 0,
    bodiesWritten: 0,
    bodiesRemoved: 0,
    unchangedArticlesSkipped: 0,
    articlesKeptByStamp: 0,
    garbageCollections: 0,
    garbageCollectionsRefused: 0,
    pagesKept: 0,
    keptPagesReported: 0,
  };
  registry()[Symbol.for(FAST_BUILD_REPORT_KEY)] = report;
  return report;
}

/** The report of the build running in this process, or undefined outside `astro build` (dev server, tests). */
export function fastBuildReport(): FastBuildReport | undefined {
  return registry()[Symbol.for(FAST_BUILD_REPORT_KEY)];
}

/** Ends the report, so a later build in the same process starts its own. */
export function closeFastBuildReport(): void {
  registry()[Symbol.for(FAST_BUILD_REPORT_KEY)] = undefined;
}

/** The line the build logs for the report: one clause per piece that is on. */
export function formatFastBuildReport(report: FastBuildReport): string {
  const { pieces } = report;
  const parts: string[] = [];
  if (pieces.has('store')) {
    parts.push(
      !report.storeModuleReplaced
        ? "Astro's own content store module served the pages"
        : report.storeServedFrom === 'memory'
          ? 'the pages took the content store from memory'
          : report.storeServedFrom === 'file'
            ? 'the pages read the content store file'
            : 'no page loaded the content store',
    );
    parts.push(
      report.storeSavesHoldable
        ? `${report.storeSavesHeld} store saves held until the sync ended`
        : "store saves not held (Astro's own saving)",
    );
    if (report.storeSizesCompared) {
      parts.push(
        `${report.storeWritesUncompared} store writes without reading the old store back (${report.storeWritesInWorker} saves in a worker thread)`,
      );
    }
  }
  if (pieces.has('bodies')) {
    parts.push(
      `${report.bodiesInStore} article bodies kept in files (${report.bodiesWritten} written, ${report.bodiesRemoved} removed)`,
    );
  }
  if (pieces.has('unchanged')) {
    parts.push(
      `${report.unchangedArticlesSkipped + report.articlesKeptByStamp} unchanged articles not read again (${report.articlesKeptByStamp} not opened: their file stamps matched)`,
    );
  }
  if (pieces.has('gc')) {
    parts.push(
      `${report.garbageCollections} garbage collections (${report.garbageCollectionsRefused} refused by the runtime)`,
    );
  }
  if (pieces.has('output')) {
    parts.push(`${report.pagesKept} pages kept in place (${report.keptPagesReported} reported by Astro)`);
  }
  return `Fast-build layer (${describeFastBuildPieces(pieces)}): ${parts.join('; ') || 'off, Astro builds as it does by itself'}.`;
}
