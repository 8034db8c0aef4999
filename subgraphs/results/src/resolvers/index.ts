import { DateTimeScalar } from '@quizgraph/service-kit';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Attempt } from './Attempt.js';
import { LeaderboardConnection, LeaderboardEntry, Quiz, QuizStats, User } from './entities.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { UserAttempts } from './User.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Attempt,
  Quiz,
  QuizStats,
  // entities.ts resolves a user's statistics, User.ts their attempts.
  User: { ...User, ...UserAttempts },
  LeaderboardConnection,
  LeaderboardEntry,
};
