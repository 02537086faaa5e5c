// `npm run build` (tools/build.ts) runs `astro build` as a child process and builds the search index after it. The
// index needs only the pages and the output record of them, which are ready while Astro still writes the sitemap and
// exits, so the child tells its parent when the record is written, and the search index is built meanwhile
// (docs/performance.md#how-it-stays-fast).

/** The message `astro build` sends its parent, over Node's IPC channel, once the output record is written. */
export const PAGES_RECORDED = 'broadsheet:pages-recorded';

/** Tells the parent process, when it listens (it spawned this one with an IPC channel), that the pages are recorded. */
export function signalPagesRecorded(): void {
  process.send?.({ type: PAGES_RECORDED });
}

/** Whether a message from the child is the one signalPagesRecorded sends. */
export function isPagesRecorded(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PAGES_RECORDED;
}
