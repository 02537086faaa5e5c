// Astro carries its content store into the build as a module it writes itself:
// `export default JSON.parse("<the whole store as one string literal>")`. Making that module reads the store, parses
// it to check it and writes it out again as a literal; then Rolldown bundles the literal and V8 compiles it, in time
// that grows faster than the store. A static build renders its pages in the process that ran the content sync, so this
// module gives the pages the entries the loaders left in memory (shared-content-store.ts), and reads the store file
// itself only when they are not all there (docs/fast-build.md#store).
import { FAST_BUILD_REPORT_KEY } from '@/integrations/fast-build/report';
import { SHARED_STORE_KEY } from '@/integrations/fast-build/shared-content-store';

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
 *
 * Which of the two served the pages goes into the build's report (report.ts), so a fallback to the file shows; so
 * does an error, which Astro would otherwise swallow, leaving the pages an empty store.
 */
export function contentStoreModule(stamp: StoreFileStamp, build: string): string {
  return [
    "import { readFileSync, statSync } from 'node:fs';",
    `const shared = globalThis[Symbol.for(${JSON.stringify(SHARED_STORE_KEY)})];`,
    `const report = globalThis[Symbol.for(${JSON.stringify(FAST_BUILD_REPORT_KEY)})];`,
    'function fromContentLayer() {',
    `  if (!shared || shared.build !== ${JSON.stringify(build)} || shared.expected.size === 0) return undefined;`,
    '  const collections = new Map();',
    '  for (const name of shared.expected) {',
    '    const loaded = shared.loaded.get(name);',
    '    if (!loaded) return undefined;',
    '    collections.set(name, new Map(loaded.entries()));',
    '  }',
    "  if (report) report.storeServedFrom = 'memory';",
    '  return collections;',
    '}',
    'function fromFile() {',
    `  const file = ${JSON.stringify(stamp.path)};`,
    '  const stat = statSync(file);',
    `  if (stat.size !== ${stamp.size} || stat.mtimeMs !== ${stamp.mtimeMs}) {`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: this line is code of the generated module, a template literal there
    '    throw new Error(`${file} changed while the site was being built. Run the build again.`);',
    '  }',
    "  if (report) report.storeServedFrom = 'file';",
    "  return JSON.parse(readFileSync(file, 'utf8'));",
    '}',
    // Astro swallows an error thrown here and gives the pages an empty store; the report lets the build fail instead.
    'let store;',
    'try {',
    '  store = fromContentLayer() ?? fromFile();',
    '} catch (error) {',
    '  if (report) report.storeError = error instanceof Error ? error.message : String(error);',
    '  throw error;',
    '}',
    'export default store;',
    '',
  ].join('\n');
}
