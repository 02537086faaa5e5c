import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

// Summaries and search leads need only the start of an article's HTML, but parsing all of it was the build's biggest
// cost of our own: about 3.5 s of 16 s of page generation at 1,000 articles (npm run bench:profile). HTML is parsed
// left to right, so an element that closes before the cut parses the same in a prefix as in the whole document; the
// reader checks that what it found is complete, and asks for a longer prefix when it is not.

/** What a reader gets: the parsed prefix, its source text, and whether it is the whole document. */
export interface HtmlPrefix {
  /** The prefix, parsed as a fragment. */
  readonly tree: Root;
  /** The prefix's HTML. */
  readonly source: string;
  /** Whether the prefix is the whole document (nothing more can be read). */
  readonly whole: boolean;
}

/** Where to cut: at the first `cutAfter` found at or after `firstLength` characters, then twice as far each time. */
export interface PrefixOptions {
  /** Characters to read at least in the first attempt. */
  readonly firstLength: number;
  /** The text a cut ends with, such as `</p>` or `>`, so a cut never splits a character reference. */
  readonly cutAfter: string;
}

/**
 * Parses ever longer prefixes of `html` (each at least twice the last, so the work stays within about twice one full
 * parse) until `read` returns a value. `read` must return one when given the whole document.
 */
export function readHtmlPrefix<T>(html: string, options: PrefixOptions, read: (prefix: HtmlPrefix) => T | undefined): T {
  let length = options.firstLength;
  for (;;) {
    const at = html.indexOf(options.cutAfter, length);
    const whole = at === -1 || at + options.cutAfter.length >= html.length;
    const source = whole ? html : html.slice(0, at + options.cutAfter.length);
    const result = read({ tree: fromHtml(source, { fragment: true }), source, whole });
    if (result !== undefined) return result;
    if (whole) throw new Error('readHtmlPrefix: the reader returned nothing for the whole document.');
    length = Math.max(1, source.length * 2);
  }
}

/** Whether an element parsed from `source` ended with its own end tag inside it (not cut off at the end of a prefix). */
export function closedWithin(element: { readonly tagName: string; readonly position?: { readonly end: { readonly offset?: number | undefined } } | undefined }, source: string): boolean {
  const end = element.position?.end.offset;
  if (end === undefined) return false;
  const endTag = `</${element.tagName}>`;
  return source.slice(end - endTag.length, end).toLowerCase() === endTag;
}
