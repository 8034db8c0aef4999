import { DateTimeScalar } from '@quizgraph/service-kit';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { KeyedQuestion, Question, Quiz, QuizVersion } from './Quiz.js';
import { User } from './User.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Quiz,
  Question,
  QuizVersion,
  KeyedQuestion,
  User,
  QuizConnection: { totalCount: (page) => page.totalCount() },
};
