// Astro carries its content store into the build as a module it writes itself:
// `export default JSON.parse("<the whole store as one string literal>")`. Making that module reads the store, parses
// it once to check it and writes it out again as a literal; then Rolldown bundles the literal and V8 compiles it. For
// a large archive that is the costliest step outside rendering, in time and in memory: at 5,000 articles the store is
// 72 MB, bundling took 8.8 s and compiling 9 s (a literal beyond Latin-1 compiles in time that grows with the square
// of its length), and the build's peak memory came from it. A static build renders its pages in the process that ran
// the content sync, so the module gives the pages the entries the loaders left in memory (shared-content-store.ts);
// when they are not all there, it reads the store file itself.

import { SHARED_STORE_KEY } from '@/lib/build/shared-content-store';

/** What the module checks before it reads the store: the file as it was when the module was made. */
export interface StoreFileStamp {
  /** The store file's absolute path. */
  readonly path: string;
  /** Its size in bytes. */
  readonly size: number;
  /** Its modification time, in milliseconds. */
  readonly mtimeMs: number;
}

/**
 * The source of a module that exports the content store, in a form Astro's store accepts:
 * - the collections the loaders of build `build` shared, as a `Map` of collection name to a `Map` of id to entry,
 *   when every collection of the content config has shared its entries;
 * - otherwise the parsed store read from `stamp.path`, the same value as Astro's own module. It fails the build,
 *   naming the file, if the store changed after the module was made.
 */
export function contentStoreModule(stamp: StoreFileStamp, build: string): string {
  return [
    "import { readFileSync, statSync } from 'node:fs';",
    `const shared = globalThis[Symbol.for(${JSON.stringify(SHARED_STORE_KEY)})];`,
    'function fromContentLayer() {',
    `  if (!shared || shared.build !== ${JSON.stringify(build)} || shared.expected.size === 0) return undefined;`,
    '  const collections = new Map();',
    '  for (const name of shared.expected) {',
    '    const loaded = shared.loaded.get(name);',
    '    if (!loaded) return undefined;',
    '    collections.set(name, new Map(loaded.entries()));',
    '  }',
    '  return collections;',
    '}',
    'function fromFile() {',
    `  const file = ${JSON.stringify(stamp.path)};`,
    '  const stat = statSync(file);',
    `  if (stat.size !== ${stamp.size} || stat.mtimeMs !== ${stamp.mtimeMs}) {`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: this line is code of the generated module, a template literal there
    '    throw new Error(`${file} changed while the site was being built. Run the build again.`);',
    '  }',
    "  return JSON.parse(readFileSync(file, 'utf8'));",
    '}',
    'export default fromContentLayer() ?? fromFile();',
    '',
  ].join('\n');
}
