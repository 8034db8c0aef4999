import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../src/errors.js';
import { parseInput } from '../src/validation.js';

const schema = z.object({
  name: z.string().trim().min(1, 'A name cannot be empty.'),
  items: z.array(z.object({ qty: z.number().int().min(1, 'At least one.') })),
});

function badInput(fn: () => unknown): BadUserInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return error as BadUserInputError;
  }
  throw new Error('expected a BadUserInputError, but nothing was thrown');
}

describe('parseInput', () => {
  it('returns the parsed (transformed) value', () => {
    expect(parseInput(schema, { name: '  Ada ', items: [{ qty: 2 }] })).toEqual({ name: 'Ada', items: [{ qty: 2 }] });
  });

  it('turns the first issue into BAD_USER_INPUT naming the field', () => {
    const error = badInput(() => parseInput(schema, { name: '   ', items: [] }));
    expect(error.message).toBe('A name cannot be empty.');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('joins a nested path with dots', () => {
    const error = badInput(() => parseInput(schema, { name: 'Ada', items: [{ qty: 1 }, { qty: 0 }] }));
    expect(error.message).toBe('At least one.');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items.1.qty' });
  });

  it('names no field when the whole input is wrong', () => {
    const error = badInput(() => parseInput(schema, 'not an object'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '' });
  });
});
