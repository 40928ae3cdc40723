import { describe, expect, it } from 'vitest';
import { CI_MIN_FUZZ_SCALE, fuzzScale, LOCAL_FUZZ_SCALE } from './fuzz-config';

describe('fuzz budget', () => {
  it('runs a quarter locally, the full budget in CI, and never less than the full budget in CI', () => {
    expect(fuzzScale({})).toBe(LOCAL_FUZZ_SCALE);
    expect(fuzzScale({ CI: 'true' })).toBe(CI_MIN_FUZZ_SCALE);
    expect(CI_MIN_FUZZ_SCALE).toBe(1);
    expect(fuzzScale({ CI: '1', FUZZ_SCALE: '0.1' })).toBe(1);
    expect(fuzzScale({ CI: 'true', FUZZ_SCALE: '10' })).toBe(10);
    expect(fuzzScale({ FUZZ_SCALE: '0.1' })).toBe(0.1);
    expect(fuzzScale({ CI: 'false', FUZZ_SCALE: '2' })).toBe(2);
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => fuzzScale({ FUZZ_SCALE: 'lots' })).toThrow(/FUZZ_SCALE must be a positive number, got "lots"/);
    expect(() => fuzzScale({ CI: 'true', FUZZ_SCALE: '-1' })).toThrow(/positive/);
  });
});
