// What the ingestion commands (import.ts, fetch.ts) share as commands: how they show paths and how they start.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Shows a path relative to where the user typed the command when it is below it, else in full. */
export function pathShownFrom(cwd: string): (path: string) => string {
  return (path) => {
    const fromCwd = relative(cwd, path);
    return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
  };
}

/** A command's entry: arguments, environment, the user's folder and the project root in; the exit code out. */
export type Command = (
  args: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  cwd: string,
  projectRoot: string,
) => Promise<number>;

/** Runs `command` when `moduleUrl` is the script Node was started with (not when a test imports it). */
export async function runWhenMain(moduleUrl: string, command: Command): Promise<void> {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const projectRoot = resolve(dirname(fileURLToPath(moduleUrl)), '../..');
  // npm run starts scripts in the project root; INIT_CWD is where the user typed the command.
  process.exitCode = await command(
    process.argv.slice(2),
    process.env,
    process.env['INIT_CWD'] ?? process.cwd(),
    projectRoot,
  );
}
