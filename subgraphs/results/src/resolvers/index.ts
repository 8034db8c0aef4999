import { DateTimeScalar } from '@quizgraph/service-kit';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Attempt, LeaderboardConnection, LeaderboardEntry, Quiz, User } from './entities.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Attempt,
  Quiz,
  User,
  LeaderboardConnection,
  LeaderboardEntry,
};
