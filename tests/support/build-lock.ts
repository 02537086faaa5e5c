import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// Astro writes files every build reads back later into the project's own `.astro/` folder, whatever the content or
// output folder: `content-assets.mjs` (the images the content imports) among them. Two builds of different content
// at once overwrite each other's, and a build then publishes an image path unresolved. Test files run in parallel,
// so their builds take turns through this lock; tests that build nothing still run side by side.

/** Whether a process with this id is still running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding the lock folder `lock` (created atomically with mkdir), waiting for any other holder to
 * finish first. A lock left by a process that has died is taken over.
 */
export async function withBuildLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // The holder has made the folder but not yet written its id.
      }
      if (Number.isInteger(holder) && !isRunning(holder)) rmSync(lock, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
