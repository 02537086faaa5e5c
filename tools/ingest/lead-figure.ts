import { safeUrl } from './web-url';

/** A figure that opens a story, before any of its text: the picture the outlet leads with. */
export interface LeadFigure {
  /** The image's `https:` address. */
  readonly src: string;
  /** Its alt text (may be empty). */
  readonly alt: string;
  /** The caption without its credit (may be empty). */
  readonly caption: string;
  /** The credit the caption gives ("Photo: …"), if any. */
  readonly credit: string | undefined;
}

// A paragraph this long is story text; a shorter one before the figure (a dateline, a kicker) does not stop it leading.
const STORY_TEXT_CHARACTERS = 80;

// "Photo: …", "Photograph: …", "Photos: …" and the Greek "Φωτογραφία: …", to the end of the caption, capitalised as a
// label is (a sentence that says "a photo: …" is not a credit). The part before
// may end with a full stop, a dash, a bar or an opening bracket ("(Photo: AP)").
const CREDIT =
  /(?<=^|[\s.;,|–—(-])\s*(?:Photo(?:graph)?s?|PHOTO(?:GRAPH)?S?|Φωτογραφ(?:ία|ίες)|ΦΩΤΟΓΡΑΦΙΑ|Φωτο)\s*:\s*([^()]+?)\s*\)?\s*$/u;

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** A caption split into its words and its credit: "Boats in Piraeus. Photo: AP" gives "Boats in Piraeus." and "AP". */
export function splitCaption(caption: string): { readonly text: string; readonly credit: string | undefined } {
  const text = clean(caption);
  const match = CREDIT.exec(text);
  if (!match || match.index === undefined) return { text, credit: undefined };
  const credit = clean(match[1]);
  // The schema caps a credit at 300 characters; a longer "credit" is a caption that happens to contain the word.
  if (credit === '' || credit.length > 300) return { text, credit: undefined };
  const rest = text
    .slice(0, match.index)
    .replace(/[\s|–—(-]+$/u, '')
    .trim();
  return { text: rest, credit };
}

/**
 * The figure that opens the story, when a page puts its lead picture in the markup rather than (or as well as) in its
 * metadata: the first `<figure>` with an `https:` image (after `cleanPage`, which resolves lazy sources), provided no
 * paragraph of story text comes before it. Read it before Readability, which often drops such a figure with the page
 * header it sits in.
 */
export function findLeadFigure(document: Document, pageUrl: string | undefined): LeadFigure | undefined {
  for (const element of document.querySelectorAll('figure, p')) {
    if (element.tagName.toLowerCase() === 'p') {
      if (element.closest('figure')) continue;
      if (clean(element.textContent).length >= STORY_TEXT_CHARACTERS) return undefined;
      continue;
    }
    const image = element.querySelector('img');
    if (!image) continue;
    const src = safeUrl(image.getAttribute('src'), pageUrl, 'image');
    if (!src) return undefined;
    const { text, credit } = splitCaption(element.querySelector('figcaption')?.textContent ?? '');
    return { src, alt: clean(image.getAttribute('alt')), caption: text, credit };
  }
  return undefined;
}
