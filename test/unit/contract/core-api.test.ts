import { describe, expect, it } from 'vitest';
import { CORE_METHOD_NAMES, PayloadKindSchema, coreMethods } from '../../../shared/contract';
import { PAYLOAD_KINDS } from '../../../shared/domain/payload';

describe('CoreApi contract', () => {
  it('lists the same methods in the zod table and the preload name list', () => {
    expect([...CORE_METHOD_NAMES].sort()).toEqual(Object.keys(coreMethods).sort());
  });

  it('has an input and an output schema for every method', () => {
    for (const [name, spec] of Object.entries(coreMethods)) {
      expect(typeof spec.input.safeParse, name).toBe('function');
      expect(typeof spec.output.safeParse, name).toBe('function');
    }
  });

  it('uses the domain payload kinds', () => {
    expect(PayloadKindSchema.options).toEqual([...PAYLOAD_KINDS]);
  });
});
