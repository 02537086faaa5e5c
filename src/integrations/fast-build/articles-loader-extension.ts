// What the fast-build layer adds to Broadsheet's articles loader, through the loader's `extension` option
// (ArticlesLoaderExtension in src/lib/content-loader.ts): rendered bodies kept in files beside the store (`bodies`)
// and unchanged articles not read again (`unchanged`). The loader's own checks run whether or not it is given one.
import type { LoaderContext } from 'astro/loaders';
import {
  bodyFolder,
  bodyNames,
  pruneBodies,
  storedBodyKey,
  storedRendered,
  useBodyFolder,
  writeBodyFile,
} from '@/integrations/fast-build/article-bodies';
import { articleStamps } from '@/integrations/fast-build/article-stamps';
import { fastBuildReport } from '@/integrations/fast-build/report';
import { dataStoreFolder } from '@/integrations/fast-build/store-location';
import type { FastBuildPieces } from '@/integrations/fast-build/switch';
import { isUnchangedArticle, UNCHANGED_ARTICLE } from '@/integrations/fast-build/unchanged-articles';
import type { ArticlesLoaderExtension } from '@/lib/content-loader';

/**
 * The folder that holds this mode's content store: `astro dev` (the only caller that passes a file watcher) keeps its
 * store in `.astro/`, builds and `astro sync` in the cache folder. Article bodies are kept beside it.
 */
function storeFolder(context: LoaderContext): string {
  return dataStoreFolder(context.config, Boolean(context.watcher));
}

/** The `bodies` piece's part of the extension. */
function bodiesExtension(): ArticlesLoaderExtension {
  let folder = '';
  // The folder's files, listed once when loading starts and kept up to date with what the load writes, instead of a
  // check per entry and a second listing to prune.
  let present = new Set<string>();
  return {
    beforeLoad: (context) => {
      folder = bodyFolder(storeFolder(context));
      useBodyFolder(folder);
      present = bodyNames(folder);
      // An unchanged file is not rendered again, so an entry whose body file has gone (a cache folder cleaned by hand,
      // a store from before bodies moved out) is dropped here, and Astro renders it anew.
      for (const entry of [...context.store.values()]) {
        if (!entry.rendered) continue;
        const key = storedBodyKey(entry.rendered);
        if (!key || !present.has(key)) context.store.delete(entry.id);
      }
    },
    storedRendered: (rendered) => {
      const { key, written } = writeBodyFile(folder, rendered);
      present.add(key);
      const report = fastBuildReport();
      if (report && written) report.bodiesWritten += 1;
      return storedRendered(rendered, key);
    },
    afterLoad: (context) => {
      // Bodies of edited or deleted articles are named by no entry any more.
      const inUse = new Set<string>();
      let entries = 0;
      for (const entry of context.store.values()) {
        const key = storedBodyKey(entry.rendered);
        if (key) inUse.add(key);
        if (key) entries += 1;
      }
      const removed = pruneBodies(folder, inUse, present);
      present = new Set();
      const report = fastBuildReport();
      if (report) {
        report.bodiesInStore = entries;
        report.bodiesRemoved += removed;
      }
    },
  };
}

/** The `unchanged` piece's part: files kept by their stamps are not read, others not checked when their text matches. */
function unchangedExtension(): ArticlesLoaderExtension {
  const stamps = articleStamps(storeFolder);
  return {
    keptArticles: (context, files) => {
      const kept = stamps.keptArticles(context, files);
      const report = fastBuildReport();
      if (report) report.articlesKeptByStamp += kept.size;
      return kept;
    },
    unchangedEntryInfo: (context, file) => {
      if (!isUnchangedArticle(context, file)) return undefined;
      const report = fastBuildReport();
      if (report) report.unchangedArticlesSkipped += 1;
      return UNCHANGED_ARTICLE;
    },
    afterLoad: (context) => {
      stamps.record(context);
    },
  };
}

/**
 * The extension for the articles loader with these pieces on, or undefined when neither `bodies` nor `unchanged` is
 * (the loader then works as Astro's glob loader does, with Broadsheet's checks).
 */
export function articlesLoaderExtension(pieces: FastBuildPieces): ArticlesLoaderExtension | undefined {
  const bodies = pieces.has('bodies') ? bodiesExtension() : undefined;
  const unchanged = pieces.has('unchanged') ? unchangedExtension() : undefined;
  if (!bodies || !unchanged) return bodies ?? unchanged;
  return {
    ...bodies,
    ...unchanged,
    // Bodies are pruned first: the stamps are recorded for the entries as the load leaves them.
    afterLoad: (context) => {
      bodies.afterLoad?.(context);
      unchanged.afterLoad?.(context);
    },
  };
}
