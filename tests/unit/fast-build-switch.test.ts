import { describe, expect, it } from 'vitest';
import {
  describeFastBuildPieces,
  FAST_BUILD_PIECES,
  fastBuildPiecesFromEnv,
  parseFastBuildSwitch,
} from '@/integrations/fast-build/switch';

const on = (value: string | undefined) => [...parseFastBuildSwitch(value)].sort();
const every = [...FAST_BUILD_PIECES].sort();

describe('parseFastBuildSwitch', () => {
  it('turns every piece on when unset, empty, 1, on or all', () => {
    for (const value of [undefined, '', ' ', '1', 'on', 'ON', 'all']) expect(on(value), String(value)).toEqual(every);
  });

  it('turns every piece off with 0, off or none', () => {
    for (const value of ['0', 'off', 'none', ' 0 ']) expect(on(value), value).toEqual([]);
  });

  it('starts from every piece when the first term takes one away', () => {
    expect(on('-gc')).toEqual(['bodies', 'output', 'store', 'unchanged']);
    expect(on('all,-gc')).toEqual(['bodies', 'output', 'store', 'unchanged']);
    expect(on('-gc,-output')).toEqual(['bodies', 'store', 'unchanged']);
  });

  it('starts from no piece when the first term names one, and applies terms left to right', () => {
    expect(on('store,bodies')).toEqual(['bodies', 'store']);
    expect(on('none,+gc')).toEqual(['gc']);
    expect(on('store, bodies ,-store')).toEqual(['bodies']);
    expect(on('gc,none,output')).toEqual(['output']);
  });

  it('refuses an unknown term, naming it and the pieces', () => {
    expect(() => parseFastBuildSwitch('all,-gcc')).toThrow(
      /BROADSHEET_FAST_BUILD=all,-gcc: "-gcc" is not understood.*output, store, bodies, unchanged, gc/,
    );
    expect(() => parseFastBuildSwitch('yes')).toThrow('"yes" is not understood');
    expect(() => parseFastBuildSwitch('all,,gc')).toThrow('"" is not understood');
    expect(() => parseFastBuildSwitch('-all')).toThrow('"-all" is not understood');
  });

  it('reads BROADSHEET_FAST_BUILD from an environment', () => {
    expect([...fastBuildPiecesFromEnv({})].sort()).toEqual(every);
    expect([...fastBuildPiecesFromEnv({ BROADSHEET_FAST_BUILD: '0' })]).toEqual([]);
  });
});

describe('describeFastBuildPieces', () => {
  it('names all, none, or the pieces in the documented order', () => {
    expect(describeFastBuildPieces(parseFastBuildSwitch('1'))).toBe('all');
    expect(describeFastBuildPieces(parseFastBuildSwitch('0'))).toBe('none');
    expect(describeFastBuildPieces(parseFastBuildSwitch('gc,store'))).toBe('store,gc');
  });

  it('reads back as the same pieces', () => {
    for (const value of ['-gc', 'store,bodies', 'unchanged', '0', '1']) {
      expect(on(describeFastBuildPieces(parseFastBuildSwitch(value))), value).toEqual(on(value));
    }
  });
});
