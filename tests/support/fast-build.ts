import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What a build's log says the fast-build layer did (the line formatFastBuildReport writes at the end of the build). */
export interface LoggedFastBuildReport {
  /** The whole line. */
  readonly line: string;
  /** The pieces that were on, as the line names them (`all`, `none` or a list). */
  readonly pieces: string;
  /** How the pages got the content store, as the line words it, when the store piece was on. */
  readonly store: string | undefined;
  /** Store saves held until the end of the sync, or undefined when they were not held (or the store piece was off). */
  readonly storeSavesHeld: number | undefined;
  /** Store writes made without reading the old store back, or undefined when the writer was not wrapped. */
  readonly storeWritesUncompared: number | undefined;
  /** Store saves handed to a worker thread, or undefined when the writer was not wrapped. */
  readonly storeWritesInWorker: number | undefined;
  /** Article bodies in files, written and removed, when the bodies piece was on. */
  readonly bodies: { readonly inStore: number; readonly written: number; readonly removed: number } | undefined;
  /** Unchanged articles not read again, when the unchanged piece was on. */
  readonly unchangedSkipped: number | undefined;
  /** How many of those were not even opened, their file stamps matching the last build's record. */
  readonly keptByStamp: number | undefined;
  /** Garbage collections run and refused, when the gc piece was on. */
  readonly garbageCollections: { readonly run: number; readonly refused: number } | undefined;
  /** Pages kept in the output folder and how many of them Astro reported, when the output piece was on. */
  readonly output: { readonly kept: number; readonly reported: number } | undefined;
}

const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));

/**
 * Reads the fast-build report from a build's log.
 *
 * @throws when the log has no such line, or more than one: every `astro build` with the layer's integration logs one.
 */
export function loggedFastBuildReport(output: string): LoggedFastBuildReport {
  const lines = output.split('\n').filter((line) => line.includes('Fast-build layer ('));
  if (lines.length !== 1) throw new Error(`Expected one fast-build report line, found ${lines.length}:\n${output}`);
  const line = lines[0] ?? '';
  const pieces = /Fast-build layer \(([^)]*)\)/.exec(line)?.[1] ?? '';
  const store =
    /: (Astro's own content store module served the pages|the pages took the content store from memory|the pages read the content store file|no page loaded the content store)/.exec(
      line,
    )?.[1];
  const bodies = /(\d+) article bodies kept in files \((\d+) written, (\d+) removed\)/.exec(line);
  const gc = /(\d+) garbage collections \((\d+) refused/.exec(line);
  const output_ = /(\d+) pages kept in place \((\d+) reported by Astro\)/.exec(line);
  return {
    line,
    pieces,
    store,
    storeSavesHeld: number(/(\d+) store saves held until the sync ended/.exec(line)?.[1]),
    storeWritesUncompared: number(/(\d+) store writes without reading the old store back/.exec(line)?.[1]),
    storeWritesInWorker: number(/\((\d+) saves in a worker thread\)/.exec(line)?.[1]),
    bodies: bodies ? { inStore: Number(bodies[1]), written: Number(bodies[2]), removed: Number(bodies[3]) } : undefined,
    unchangedSkipped: number(/(\d+) unchanged articles not read again/.exec(line)?.[1]),
    keptByStamp: number(/\((\d+) not opened: their file stamps matched\)/.exec(line)?.[1]),
    garbageCollections: gc ? { run: Number(gc[1]), refused: Number(gc[2]) } : undefined,
    output: output_ ? { kept: Number(output_[1]), reported: Number(output_[2]) } : undefined,
  };
}

/** Every file under `dir`, as relative path → bytes. */
export function allFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** The paths whose bytes differ between two sets of files, or that only one of them has, sorted. */
export function differingFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): string[] {
  const paths = new Set([...actual.keys(), ...expected.keys()]);
  return [...paths]
    .filter((path) => {
      const a = actual.get(path);
      const b = expected.get(path);
      return a === undefined || b === undefined || !a.equals(b);
    })
    .sort();
}
