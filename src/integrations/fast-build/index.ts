// The fast-build layer: everything in Broadsheet's build that relies on Astro internals, behind one integration and
// one switch (BROADSHEET_FAST_BUILD, switch.ts). Each internal it relies on is written down in docs/fast-build.md with
// the canary test that fails when an Astro upgrade changes it. The content side (the loaders) is wired in
// src/content.config.ts from content-config.ts and articles-loader-extension.ts, by the same switch.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { collectGarbageBetweenPhases } from '@/integrations/fast-build/collect-garbage';
import { keepOutputFolder } from '@/integrations/fast-build/output-folder';
import {
  closeFastBuildReport,
  type FastBuildReport,
  fastBuildReport,
  formatFastBuildReport,
  openFastBuildReport,
} from '@/integrations/fast-build/report';
import { contentStoreFromMemory } from '@/integrations/fast-build/store-module';
import { holdSavesDuringSync } from '@/integrations/fast-build/store-save';
import { storyCacheFor, useStoryCache } from '@/integrations/fast-build/story-cache';
import { type FastBuildPieces, fastBuildPiecesFromEnv } from '@/integrations/fast-build/switch';

/** Options of the fast-build integration. */
export interface FastBuildOptions {
  /** The pieces that are on; by default, what BROADSHEET_FAST_BUILD says (switch.ts). */
  readonly pieces?: FastBuildPieces | undefined;
}

type Hook = (params: unknown) => unknown;

/**
 * One integration whose every hook runs the layer's own `first` hook, the same hook of each part in order, then its
 * own `last` hook.
 */
function combine(
  name: string,
  parts: readonly AstroIntegration[],
  first: Record<string, Hook>,
  last: Record<string, Hook>,
): AstroIntegration {
  const names = new Set([
    ...parts.flatMap((part) => Object.keys(part.hooks)),
    ...Object.keys(first),
    ...Object.keys(last),
  ]);
  const hooks: Record<string, Hook> = {};
  for (const hook of names) {
    hooks[hook] = async (params) => {
      await first[hook]?.(params);
      for (const part of parts) await (part.hooks as Record<string, Hook | undefined>)[hook]?.(params);
      await last[hook]?.(params);
    };
  }
  return { name, hooks: hooks as AstroIntegration['hooks'] };
}

/** Warnings for pieces that fell back to Astro's own, slower path (a build that is still correct, but not fast). */
function fallbacks(report: FastBuildReport): string[] {
  const warnings: string[] = [];
  const see = 'See docs/fast-build.md; an Astro upgrade may have changed what the layer relies on.';
  if (report.pieces.has('store') && !report.storeModuleReplaced) {
    warnings.push(`The store piece did not replace Astro's content store module. ${see}`);
  } else if (report.pieces.has('store') && report.storeServedFrom === 'file') {
    warnings.push(`The pages read the content store file instead of the loaders' entries in memory. ${see}`);
  }
  if (report.pieces.has('store') && !report.storeSavesHoldable) {
    warnings.push(`The store piece could not hold Astro's store saves until the end of the content sync. ${see}`);
  }
  if (report.pieces.has('store') && !report.storeSizesCompared) {
    warnings.push(`The store piece could not make Astro's store writer compare sizes first. ${see}`);
  }
  if (report.pieces.has('gc') && report.garbageCollectionsRefused > 0) {
    warnings.push(`The runtime refused ${report.garbageCollectionsRefused} garbage collections. ${see}`);
  }
  return warnings;
}

/**
 * The fast-build layer as one integration; list it first. In `astro build` it runs the pieces that are on (the output
 * folder, the content store from memory, garbage collection between phases) and logs what each piece did, with a
 * warning for any that fell back to Astro's own path. With every piece off (BROADSHEET_FAST_BUILD=0) it changes
 * nothing: Astro empties the output folder, writes and reads its own store module and collects garbage as V8 does.
 */
export function fastBuild(options: FastBuildOptions = {}): AstroIntegration {
  const pieces = options.pieces ?? fastBuildPiecesFromEnv(process.env);
  const parts: AstroIntegration[] = [];
  if (pieces.has('output')) parts.push(keepOutputFolder());
  if (pieces.has('store')) parts.push(contentStoreFromMemory(), holdSavesDuringSync());
  if (pieces.has('gc')) parts.push(collectGarbageBetweenPhases());
  let isBuild = false;
  // The report opens before any part's hook runs and is logged after every part's last one.
  const first: Record<string, Hook> = {
    'astro:config:setup': (params) => {
      const { command, config } = params as { command: string; config: { root: URL; cacheDir: URL } };
      isBuild = command === 'build';
      // Story grouping reuses its last result when nothing it reads has changed (story-cache.ts); builds only.
      useStoryCache(isBuild ? storyCacheFor(config) : undefined);
      // The content sync, which runs after this hook, already counts into the report.
      if (isBuild) openFastBuildReport(pieces);
    },
  };
  const last: Record<string, Hook> = {
    'astro:build:done': (params) => {
      const report = fastBuildReport();
      if (!isBuild || !report) return;
      const { logger } = params as { logger: AstroIntegrationLogger };
      logger.info(formatFastBuildReport(report));
      for (const warning of fallbacks(report)) logger.warn(warning);
      closeFastBuildReport();
    },
  };
  return combine('broadsheet:fast-build', parts, first, last);
}
