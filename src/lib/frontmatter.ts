import yaml from 'js-yaml';

/** A Markdown file split into its front matter (parsed) and its body. */
export interface SplitMarkdown {
  /** The parsed front matter: an object, or `{}` when the file has none. */
  readonly data: Record<string, unknown>;
  /** The YAML text between the `---` fences, as written. */
  readonly rawData: string;
  /** The Markdown after the closing fence. */
  readonly body: string;
  /** The 1-based line the body starts on, for error messages. */
  readonly bodyLine: number;
}

/** Raised for a file whose front matter cannot be read; the message is the reason followed by the fix. */
export class FrontmatterError extends Error {
  /** The 1-based line of the problem in the whole file, when known. */
  readonly line: number | undefined;
  /** What is wrong. */
  readonly reason: string;
  /** How to fix it. */
  readonly fix: string;
  constructor(reason: string, fix: string, line?: number) {
    super(`${reason} ${fix}`);
    this.name = 'FrontmatterError';
    this.reason = reason;
    this.fix = fix;
    this.line = line;
  }
}

/** The fix for a YAML syntax error, the usual cause of which is an unquoted colon or quote mark. */
export const YAML_QUOTING_FIX = 'Check the quoting on that line: put text with a colon or quote marks in quotes.';

const OPENING_FENCE = /^---[ \t]*\n/;
const CLOSING_FENCE = /^---[ \t]*$/m;

/**
 * Parses YAML the way Broadsheet reads every content file: YAML 1.2 core types only, so dates stay text (their offset
 * is checked by the schema, not lost to a UTC timestamp) and `yes`/`no` stay strings; duplicate keys are errors, and
 * so are anchors and aliases.
 */
export function parseYaml(text: string): unknown {
  return yaml.load(text, { schema: yaml.CORE_SCHEMA, listener: rejectAnchors });
}

/** A content file's text without a byte-order mark and with `\n` line endings, as every reader here takes it. */
export function normalizeNewlines(contents: string): string {
  const text = contents.charCodeAt(0) === 0xfeff ? contents.slice(1) : contents;
  // Most files have no carriage return; looking for one is far cheaper than a replace over the whole text.
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Parses a whole YAML file (a source file) with `parseYaml`'s rules; a BOM and CRLF line endings are accepted. */
export function parseYamlFile(contents: string): unknown {
  return parseYaml(normalizeNewlines(contents));
}

// An alias shares a node when parsed but is copied wherever the data is walked or serialised: a small "billion laughs"
// file expands to tens of megabytes (docs/security.md#rejected-and-why). Content never needs them, so the first anchor
// (which every alias needs) is an error.
function rejectAnchors(event: yaml.EventType, state: yaml.State): void {
  if (event !== 'close' || (state as yaml.State & { anchor: string | null }).anchor === null) return;
  const mark: yaml.Mark = {
    name: '',
    buffer: state.input,
    position: state.position,
    line: state.line,
    column: state.position - state.lineStart,
    snippet: '',
  };
  throw new yaml.YAMLException(
    'anchors (&name) and aliases (*name) are not allowed; write each value out in full',
    mark,
  );
}

/** Splits a Markdown file into parsed front matter and body; a BOM and CRLF line endings are accepted. */
export function splitMarkdown(contents: string): SplitMarkdown {
  const text = normalizeNewlines(contents);
  const opening = OPENING_FENCE.exec(text);
  if (!opening) {
    return { data: {}, rawData: '', body: text.trim(), bodyLine: 1 };
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING_FENCE.exec(rest);
  if (!closing) {
    throw new FrontmatterError(
      'front matter starts with `---` but has no closing `---` line.',
      'Add one after the last field.',
      1,
    );
  }
  const rawData = rest.slice(0, closing.index);
  const afterClosing = rest.slice(closing.index + closing[0].length);
  // The opening fence is line 1, the YAML follows, then the closing fence; the body starts on the next line.
  const bodyLine = 3 + (rawData.match(/\n/g)?.length ?? 0);
  let parsed: unknown;
  try {
    parsed = rawData.trim() === '' ? {} : parseYaml(rawData);
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? error.mark.line + 2 : undefined;
      throw new FrontmatterError(`front matter is not valid YAML: ${error.reason}.`, YAML_QUOTING_FIX, line);
    }
    throw error;
  }
  if (parsed === null || parsed === undefined) parsed = {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FrontmatterError(
      'front matter must be a list of `field: value` lines.',
      'Write one `field: value` line for each field (title, date, source, ...).',
      2,
    );
  }
  // The body is trimmed; count the blank lines dropped from its start (after the closing fence's own line break) so
  // that bodyLine stays the line of the body's first character.
  const leadingBreaks =
    afterClosing.slice(0, afterClosing.length - afterClosing.trimStart().length).match(/\n/g)?.length ?? 0;
  const dropped = Math.max(0, leadingBreaks - 1);
  return { data: parsed as Record<string, unknown>, rawData, body: afterClosing.trim(), bodyLine: bodyLine + dropped };
}
