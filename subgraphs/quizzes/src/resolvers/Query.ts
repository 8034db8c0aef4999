import { BadUserInputError, isUuid } from '@quizgraph/service-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { canView } from '../access.js';
import { categories, listQuizzes } from '../discovery.js';
import { exportQuiz } from '../exchange.js';

function quizId(id: string, field = 'id'): string {
  if (!isUuid(id)) throw new BadUserInputError(`"${field}" is not a quiz id.`, { field });
  return id;
}

export const Query: QueryResolvers = {
  quizzes: (_parent, args, { db, viewer }) => {
    if (args.filter?.authorId && !isUuid(args.filter.authorId)) {
      throw new BadUserInputError('"filter.authorId" is not a user id.', { field: 'filter.authorId' });
    }
    return listQuizzes(db, viewer, args);
  },
  quiz: async (_parent, { id }, { loaders, viewer }) => {
    const quiz = await loaders.quizById.load(quizId(id));
    return quiz && canView(quiz, viewer) ? quiz : null;
  },
  categories: (_parent, _args, { db }) => categories(db),
  exportQuiz: (_parent, { id }, { db, viewer }) => exportQuiz(db, quizId(id), viewer),
};
