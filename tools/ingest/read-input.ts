import { readFileSync, statSync } from 'node:fs';
import { decodeInput, type InputKind } from './charset';
import type { ArticleDraft } from './draft';
import { ImportError } from './errors';
import { readHtmlPage } from './html-page';
import { readTextDraft } from './text-scrape';

/**
 * The largest input the importer reads, in bytes; a file of exactly this size is read. Saved news pages with their
 * inline assets stay well under it: a larger file is a mistake, or a page that would take minutes to read.
 */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** How to read one saved page or scrape. */
export interface ReadOptions {
  /** `--charset`: read the bytes in this charset instead of detecting it. */
  readonly charset?: string | undefined;
  /** `--url`: the original article's address, which overrides what a page says. */
  readonly url?: string | undefined;
  /** Names of the known outlets, so a scrape's header line can be told from its headline. */
  readonly knownOutletNames?: readonly string[] | undefined;
}

/** Whether a file is a saved page or a text scrape: by its extension, else by how its first bytes look. */
function inputKind(path: string, bytes: Uint8Array): InputKind {
  if (/\.(?:html?|xhtml)$/i.test(path)) return 'html';
  if (/\.(?:txt|text)$/i.test(path)) return 'text';
  const start = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<!doctype html|<html[\s>]|<body[\s>]/i.test(start) ? 'html' : 'text';
}

/**
 * Reads a saved page (`.html`) or a text scrape (`.txt`) into an article draft: refuses a file over the size limit
 * before reading it, decodes its charset, then reads the page or the scrape. Throws an ImportError on any problem.
 */
export function readDraftFile(path: string, options: ReadOptions = {}): ArticleDraft {
  const size = statSync(path).size;
  if (size > MAX_INPUT_BYTES) {
    throw new ImportError(
      `the file is ${size.toLocaleString('en')} bytes; the importer reads files up to ${MAX_INPUT_BYTES / 1024 / 1024} MiB (${MAX_INPUT_BYTES.toLocaleString('en')} bytes).`,
    );
  }
  const bytes = readFileSync(path);
  const kind = inputKind(path, bytes);
  const { text } = decodeInput(bytes, kind, options.charset);
  return kind === 'html'
    ? readHtmlPage(text, { url: options.url })
    : readTextDraft(text, { knownOutletNames: options.knownOutletNames ?? [] });
}
