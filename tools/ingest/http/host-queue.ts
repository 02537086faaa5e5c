// Politeness towards outlets: one request at a time to a host, a pause after each one, and a bound on how many hosts
// are fetched at once. A feed run asks for hundreds of pages and images, many from the same few servers; without
// this queue it would hit each of them as fast as the network allows.

/** Options of the queue. */
export interface HostQueueOptions {
  /** Milliseconds between the end of one task and the start of the next for the same host. */
  readonly pauseMs: number;
  /** Hosts with a task running at the same time. */
  readonly maxHostsInParallel: number;
}

interface Waiting {
  readonly host: string;
  readonly start: () => void;
}

interface HostState {
  busy: boolean;
  /** When the pause after the last task ends (performance.now() milliseconds). */
  readyAt: number;
}

/**
 * Runs tasks one at a time per host, in the order they were queued, with a pause between two tasks for one host;
 * tasks for different hosts run side by side up to the parallel bound. A waiting host does not hold a slot, so a
 * host in its pause leaves room for another.
 */
export class HostQueue {
  readonly #options: HostQueueOptions;
  readonly #waiting: Waiting[] = [];
  readonly #hosts = new Map<string, HostState>();
  #running = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(options: HostQueueOptions) {
    this.#options = {
      pauseMs: Math.max(0, options.pauseMs),
      maxHostsInParallel: Math.max(1, options.maxHostsInParallel),
    };
  }

  /** Runs `task` when its host is free and rested and a slot is open; settles as the task does. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => this.#finish(host));
      };
      this.#waiting.push({ host, start });
      this.#pump();
    });
  }

  #finish(host: string): void {
    this.#running -= 1;
    const state = this.#hosts.get(host);
    if (state !== undefined) {
      state.busy = false;
      state.readyAt = performance.now() + this.#options.pauseMs;
    }
    this.#pump();
  }

  /** Starts every waiting task that may start now, first come first served, and wakes up when a pause ends. */
  #pump(): void {
    const now = performance.now();
    let nextReady = Number.POSITIVE_INFINITY;
    for (let index = 0; index < this.#waiting.length && this.#running < this.#options.maxHostsInParallel; ) {
      const entry = this.#waiting[index] as Waiting;
      const state = this.#hosts.get(entry.host);
      if (state?.busy) {
        index += 1;
        continue;
      }
      if (state !== undefined && state.readyAt > now) {
        nextReady = Math.min(nextReady, state.readyAt);
        index += 1;
        continue;
      }
      this.#waiting.splice(index, 1);
      this.#hosts.set(entry.host, { busy: true, readyAt: now });
      this.#running += 1;
      entry.start();
    }
    this.#forgetRestedHosts(now);
    if (nextReady < Number.POSITIVE_INFINITY) this.#wakeAt(nextReady);
  }

  /** Drops hosts that are idle and past their pause, so a long run does not keep one entry per host ever seen. */
  #forgetRestedHosts(now: number): void {
    for (const [host, state] of this.#hosts) {
      if (!state.busy && state.readyAt <= now) this.#hosts.delete(host);
    }
  }

  #wakeAt(at: number): void {
    if (this.#timer !== undefined && this.#timerAt <= at) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.#pump();
      },
      Math.max(0, at - performance.now()),
    );
  }
}
