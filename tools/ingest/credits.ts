import { escapeRegExp } from './regexp';
import type { KnownSource } from './sources';

// Phrases with which one outlet credits another ("The Guardian notes that", "according to Reuters").
const AFTER_NAME =
  '(?:notes|noted|reports|reported|writes|wrote|says|said|quotes|quoted|cites|cited|claims|claimed|adds|added|points out|pointed out|learned|learnt|has learned|reveals|revealed|told|tells|confirmed|confirms|published|broke the news|first reported)';
const BEFORE_NAME =
  '(?:according to|reported by|cited by|quoted by|told|in an interview with|published by|reports in|report in|writing in|wrote in|writes in|via|citing|as reported by|as first reported by)';

function namePattern(name: string): string {
  const bare = name.trim().replace(/^the\s+/i, '');
  return `(?:[Tt]he\\s+)?${escapeRegExp(bare).replace(/\s+/g, '\\s+')}`;
}

/**
 * The ids of known sources that a text credits ("The Guardian notes that", "according to Reuters"), in the order
 * they are first credited; the article's own source is left out. A name alone, without such a phrase, is not a credit.
 */
export function detectCredits(text: string, sources: readonly KnownSource[], ownSourceId: string): string[] {
  const found: { id: string; index: number }[] = [];
  for (const source of sources) {
    if (source.id === ownSourceId || source.name.trim().length < 3) continue;
    const name = namePattern(source.name);
    const pattern = new RegExp(`\\b${name}\\s+${AFTER_NAME}\\b|\\b${BEFORE_NAME}\\s+${name}(?![\\p{L}\\p{N}])`, 'giu');
    const match = pattern.exec(text);
    if (match) found.push({ id: source.id, index: match.index });
  }
  return found.sort((a, b) => a.index - b.index || (a.id < b.id ? -1 : 1)).map(({ id }) => id);
}
