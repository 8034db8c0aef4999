import { GraphQLScalarType, Kind } from 'graphql';
import { BadUserInputError } from './errors.js';

function parseInstant(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new BadUserInputError('A DateTime is an ISO-8601 string.');
  return date;
}

/** ISO-8601 instants in UTC, the same in every subgraph. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    return parseInstant(value).toISOString();
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new BadUserInputError('A DateTime is an ISO-8601 string.');
    return parseInstant(ast.value);
  },
});
