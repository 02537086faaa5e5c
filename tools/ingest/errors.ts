// Exit codes are part of the command's interface: scripts that wrap the importer can tell a bad page from a bad command.

/** A problem with what is being imported or with the content folder (exit code 1): nothing is written. */
export class ImportError extends Error {
  /** The process exit code for this kind of problem. */
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
