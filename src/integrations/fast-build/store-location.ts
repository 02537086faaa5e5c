// Where Astro keeps its content store: two pieces of the layer depend on it (the store module reads the file, the
// article bodies sit beside it), and Astro does not expose it. Astro 7.3.5 keeps it as `data-store.json` in the cache
// folder for builds and in `.astro/` for `astro dev` (docs/fast-build.md#the-store-file).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The name of Astro's content store file (single-file storage, Astro's default). */
export const DATA_STORE_FILE = 'data-store.json';

/** The folder that holds the content store: `.astro/` in the project for `astro dev`, the cache folder otherwise. */
export function dataStoreFolder(config: { readonly root: URL; readonly cacheDir: URL }, dev: boolean): string {
  return fileURLToPath(dev ? new URL('.astro/', config.root) : config.cacheDir);
}

/** The content store file of `astro dev` (`dev`) or of a build. */
export function dataStoreFile(config: { readonly root: URL; readonly cacheDir: URL }, dev: boolean): string {
  return join(dataStoreFolder(config, dev), DATA_STORE_FILE);
}

/**
 * Whether a build starts from a content store an earlier build left (a rebuild) rather than from nothing (a cold build):
 * pieces that trade memory for time decide by it.
 */
export function isRebuild(config: { readonly root: URL; readonly cacheDir: URL }): boolean {
  return existsSync(dataStoreFile(config, false));
}
