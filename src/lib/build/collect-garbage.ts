// A static build's memory peaks where one phase hands over to the next: right after the content sync, Astro has
// serialised its whole store into one string (290 MB at 20,000 articles) and written it through a buffer of the same
// size; V8 collects that only when its heap reaches the limit set at the last full collection, and meanwhile page
// generation piles its own garbage on top. Measured at 20,000 articles (cold build, Node's default heap): the build's
// memory peaked at 2,980 MiB during page generation, with 278 MiB of that dead buffer still held; with a full
// collection after the sync, the live heap was 377 MB and page generation peaked at 2,138 MiB.
//
// Node offers no call to request a collection without the `--expose-gc` flag, and the build must run with Node's
// default settings, so the flag is turned on for this process when first needed and `gc` is taken from a new V8
// context, where it then exists. Each collection takes about half a second at 20,000 articles.
//
// It is V8's "last resort" collection, the one V8 runs itself when memory runs out: it also compacts the heap and
// hands the pages it has emptied back to the system. A plain full collection keeps them for reuse, so the process
// stayed as large as before: at 20,000 articles, after page generation, a plain one left 1,422 MiB resident and the
// last-resort one 1,145 MiB (the same 451 MB of live objects); at 5,000, the build's peak fell from 1,116 to 839 MiB.
import v8 from 'node:v8';
import vm from 'node:vm';

/** V8's `gc` function, as `--expose-gc` gives it; Node 22 (V8 12) takes these options. */
type GcFunction = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

let gc: GcFunction | undefined;

/**
 * Runs a full garbage collection now, and gives the memory it frees back to the system. Call it only between build phases, where what the last phase left is dead.
 * Returns false, doing nothing, when the runtime does not allow it.
 */
export function collectGarbage(): boolean {
  try {
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as GcFunction;
    }
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    return true;
  } catch {
    return false;
  }
}
