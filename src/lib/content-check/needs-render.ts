// Every URL an image or link rule can reject is an image, inline HTML or an autolink, or is written after `](` or after
// `]:` in a definition. A body whose links all start with http(s)://, mailto: or # (most generated and imported text)
// cannot break those rules and need not be rendered; one with deep inline nesting is rendered to find overflows.
const webTarget = /^\s*<?(?:https?:\/\/|mailto:|#)/;

/** Whether a body could break a rule that only rendering finds (image and link paths, render failures). */
export function needsRender(body: string): boolean {
  if (body.includes('![') || hasTagStart(body)) return true;
  for (const marker of ['](', ']:']) {
    for (let at = body.indexOf(marker); at !== -1; at = body.indexOf(marker, at + 2)) {
      if (!webTarget.test(body.slice(at + 2, at + 40))) return true;
    }
  }
  // * _ [ ~ nest inline; 500 of them is far beyond prose and far below the depth that overflows the parsers' stack
  // (docs/security.md#rejected-and-why).
  let inline = 0;
  for (const character of INLINE_NESTERS) {
    for (let at = body.indexOf(character); at !== -1; at = body.indexOf(character, at + 1)) {
      inline += 1;
      if (inline > 500) return true;
    }
  }
  return false;
}

const INLINE_NESTERS = ['*', '_', '[', '~'] as const;

// `<` followed by a letter, `!`, `?` or `/` (what /<[a-zA-Z!?/]/ finds), found with indexOf, which skips text much
// faster than a regular expression does; most bodies have no `<` at all.
function hasTagStart(body: string): boolean {
  for (let at = body.indexOf('<'); at !== -1; at = body.indexOf('<', at + 1)) {
    const next = body.charCodeAt(at + 1);
    const letter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a;
    if (letter || next === 0x21 || next === 0x3f || next === 0x2f) return true;
  }
  return false;
}
