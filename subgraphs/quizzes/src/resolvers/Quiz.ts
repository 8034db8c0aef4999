import type { QuestionResolvers, QuizResolvers } from '../__generated__/resolvers-types.js';
import { canView } from '../access.js';

export const Quiz: QuizResolvers = {
  __resolveReference: async ({ id }, { loaders, viewer }) => {
    const quiz = await loaders.quizById.load(id);
    return quiz && canView(quiz, viewer) ? quiz : null;
  },
  author: (quiz) => ({ id: quiz.authorId }),
  questions: (quiz, _args, { loaders }) => loaders.questionsOf.load({ quizId: quiz.id, version: quiz.version }),
  questionCount: async (quiz, _args, { loaders }) =>
    (await loaders.questionsOf.load({ quizId: quiz.id, version: quiz.version })).length,
  totalPoints: async (quiz, _args, { loaders }) =>
    (await loaders.questionsOf.load({ quizId: quiz.id, version: quiz.version })).reduce((sum, q) => sum + q.points, 0),
};

export const Question: QuestionResolvers = {
  options: (question) => question.options,
};
