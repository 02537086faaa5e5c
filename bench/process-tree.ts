// Samples the resident memory of a process and all its descendants (Astro's build, Pagefind's binary, workers) from
// /proc, so a benchmark reports what the whole build needs, not only the Node process that started it. Linux only.
import { readdirSync, readFileSync } from 'node:fs';

/** Bytes per page in /proc/<pid>/statm (4 KiB on the x86-64 and arm64 Linux machines this runs on). */
const PAGE_SIZE = 4096;

function parentOf(pid: number): number | undefined {
  try {
    // The command name (field 2) is in parentheses and may hold spaces; the parent id is the second field after it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function residentBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
}

/** The ids of `root` and every process descended from it, right now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Watches a process tree and keeps the largest sum of resident memory seen. */
export class PeakMemory {
  #peak = 0;
  readonly #timer: NodeJS.Timeout;

  /** Starts sampling the tree under `root` every `intervalMs`. */
  constructor(root: number, intervalMs = 100) {
    const sample = () => {
      const total = processTree(root).reduce((sum, pid) => sum + residentBytes(pid), 0);
      if (total > this.#peak) this.#peak = total;
    };
    sample();
    this.#timer = setInterval(sample, intervalMs);
  }

  /** Stops sampling and returns the peak, in bytes. */
  stop(): number {
    clearInterval(this.#timer);
    return this.#peak;
  }
}
