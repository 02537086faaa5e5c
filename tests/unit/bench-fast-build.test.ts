import { describe, expect, it } from 'vitest';
import { fastBuildEnv } from '../../bench/bench';

describe('fastBuildEnv (npm run bench -- --fast-build VALUE)', () => {
  it("sets BROADSHEET_FAST_BUILD for Broadsheet's builds to the value given", () => {
    expect(fastBuildEnv('0')).toEqual({ BROADSHEET_FAST_BUILD: '0' });
    expect(fastBuildEnv('all,-gc')).toEqual({ BROADSHEET_FAST_BUILD: 'all,-gc' });
  });

  it('sets nothing without the option, so the builds follow the variable as the shell has it', () => {
    expect(fastBuildEnv(undefined)).toEqual({});
  });

  it('refuses a value the switch does not take, before anything is built', () => {
    expect(() => fastBuildEnv('all,-gcc')).toThrow('"-gcc" is not understood');
  });
});
