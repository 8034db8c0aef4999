import type { z } from 'zod';
import { BadUserInputError } from './errors.js';

/** Parses with a zod schema; the first problem becomes BAD_USER_INPUT naming the offending field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new BadUserInputError(issue.message, { field: issue.path.join('.') });
}
