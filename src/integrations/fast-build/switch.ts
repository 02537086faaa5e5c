// One environment variable switches the whole layer, so that Astro's own behaviour is always one setting away (an
// Astro upgrade that breaks an internal, or a bug to tell apart from the layer). Single pieces can be turned off too,
// only so that each can be measured on its own (docs/fast-build.md#the-switch).

/** The environment variable that switches the fast-build layer. */
export const FAST_BUILD_VARIABLE = 'BROADSHEET_FAST_BUILD';

/**
 * The pieces of the layer, in the order the docs describe them (docs/fast-build.md#the-pieces):
 * - `output`: the last build's unchanged pages stay in the output folder;
 * - `store`: the pages take the content store from the loaders' memory instead of Astro's store module;
 * - `bodies`: rendered articles are kept in files beside the store, not in it;
 * - `unchanged`: an article whose text matches its stored entry is not read and checked again;
 * - `gc`: a full garbage collection where one build phase hands over to the next.
 */
export const FAST_BUILD_PIECES = ['output', 'store', 'bodies', 'unchanged', 'gc'] as const;

/** One piece of the fast-build layer. */
export type FastBuildPiece = (typeof FAST_BUILD_PIECES)[number];

/** The pieces that are on. */
export type FastBuildPieces = ReadonlySet<FastBuildPiece>;

const ALL: readonly FastBuildPiece[] = FAST_BUILD_PIECES;

function isPiece(name: string): name is FastBuildPiece {
  return (FAST_BUILD_PIECES as readonly string[]).includes(name);
}

function switchError(value: string, term: string): Error {
  return new Error(
    `${FAST_BUILD_VARIABLE}=${value}: "${term}" is not understood. Use 0 (the layer off), 1 (on, the default), or for ` +
      `measurement a list of all, none, <piece> and -<piece> (such as all,-gc), where a piece is one of ` +
      `${FAST_BUILD_PIECES.join(', ')}. See docs/fast-build.md.`,
  );
}

/**
 * The pieces a value of BROADSHEET_FAST_BUILD turns on:
 * - unset, empty, `1`, `on` or `all`: every piece;
 * - `0`, `off` or `none`: no piece, so Astro's own behaviour is used throughout;
 * - for measurement, a comma-separated list applied from left to right: `all`, `none`, a piece name (on) or
 *   `-<piece>` (off). It starts from no piece, or from every piece when its first term is `-<piece>`: `-gc` and
 *   `all,-gc` are every piece but `gc`; `store,bodies` is those two only.
 *
 * @throws on any other term, so that a misspelt piece never measures something other than what was asked.
 */
export function parseFastBuildSwitch(value: string | undefined): FastBuildPieces {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === '1' || text === 'on') return new Set(ALL);
  if (text === '0' || text === 'off') return new Set();
  const terms = text.split(',').map((term) => term.trim());
  const pieces = new Set<FastBuildPiece>(terms[0]?.startsWith('-') ? ALL : []);
  for (const term of terms) {
    const name = term.startsWith('-') || term.startsWith('+') ? term.slice(1) : term;
    if (term === 'all') for (const piece of ALL) pieces.add(piece);
    else if (term === 'none') pieces.clear();
    else if (!isPiece(name)) throw switchError(value ?? '', term);
    else if (term.startsWith('-')) pieces.delete(name);
    else pieces.add(name);
  }
  return pieces;
}

/** The pieces that are on, as BROADSHEET_FAST_BUILD would name them: `all`, `none`, or a list in the docs' order. */
export function describeFastBuildPieces(pieces: FastBuildPieces): string {
  if (pieces.size === 0) return 'none';
  if (ALL.every((piece) => pieces.has(piece))) return 'all';
  return ALL.filter((piece) => pieces.has(piece)).join(',');
}

/** The pieces the environment turns on (BROADSHEET_FAST_BUILD, see parseFastBuildSwitch). */
export function fastBuildPiecesFromEnv(env: Readonly<Record<string, string | undefined>>): FastBuildPieces {
  return parseFastBuildSwitch(env[FAST_BUILD_VARIABLE]);
}
