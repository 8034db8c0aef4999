import { readQuestionContent } from '@quizgraph/assessment';
import type { KeyedQuestionResolvers, QuestionResolvers, QuizResolvers, QuizVersionResolvers } from '../__generated__/resolvers-types.js';
import { assertCanReadKey, canEdit, canView } from '../access.js';
import { settingsOf, shapeOf } from '../models.js';

export const Quiz: QuizResolvers = {
  __resolveReference: async ({ id }, { loaders, viewer }) => {
    const quiz = await loaders.quizById.load(id);
    return quiz && canView(quiz, viewer) ? quiz : null;
  },
  author: (quiz) => ({ id: quiz.authorId }),
  questions: async (quiz, _args, { loaders, viewer }) => {
    const ref = { quizId: quiz.id, version: quiz.version };
    const [questions, version] = await Promise.all([loaders.questionsOf.load(ref), loaders.versionOf.load(ref)]);
    // A timed quiz shows its questions to players only inside an attempt (Attempt.questions), so the
    // server's clock measures all the time spent on them.
    return version?.timeLimitSeconds != null && !canEdit(quiz, viewer) ? [] : questions;
  },
  questionCount: async (quiz, _args, { loaders }) => (await loaders.questionsOf.load({ quizId: quiz.id, version: quiz.version })).length,
  totalPoints: async (quiz, _args, { loaders }) =>
    (await loaders.questionsOf.load({ quizId: quiz.id, version: quiz.version })).reduce((sum, q) => sum + q.points, 0),
  settings: async (quiz, _args, { loaders }) => {
    const version = await loaders.versionOf.load({ quizId: quiz.id, version: quiz.version });
    if (!version) throw new Error(`Quiz ${quiz.id} has no row for its version ${quiz.version}`);
    return settingsOf(version);
  },
  versions: async (quiz, { version }, { loaders, viewer }) => {
    assertCanReadKey(quiz, viewer);
    const versions = await loaders.keyedVersionsOf.load(quiz.id);
    return version == null ? versions : versions.filter((v) => v.row.version === version);
  },
};

export const Question: QuestionResolvers = {
  options: (question) => {
    const content = readQuestionContent(question.type, question.content);
    return 'options' in content ? content.options : [];
  },
  items: (question) => {
    const content = readQuestionContent(question.type, question.content);
    return 'items' in content ? content.items : [];
  },
  partialCredit: (question) => {
    const content = readQuestionContent(question.type, question.content);
    return 'scoring' in content && content.scoring === 'PARTIAL';
  },
};

export const QuizVersion: QuizVersionResolvers = {
  version: ({ row }) => row.version,
  createdAt: ({ row }) => row.createdAt,
  settings: ({ row }) => settingsOf(row),
  totalPoints: ({ questions }) => questions.reduce((sum, q) => sum + q.points, 0),
  questions: ({ questions }) => questions,
};

/** Authors read the key field by field; each resolver answers `null` or `[]` for other types. */
export const KeyedQuestion: KeyedQuestionResolvers = {
  scoring: (row) => {
    const shape = shapeOf(row);
    return 'scoring' in shape.content ? shape.content.scoring : null;
  },
  options: (row) => {
    const shape = shapeOf(row);
    if (shape.type === 'SINGLE_CHOICE') {
      const correct = new Set(shape.key.correctOptionIds);
      return shape.content.options.map((o) => ({ ...o, correct: correct.has(o.id), weight: null }));
    }
    if (shape.type === 'MULTIPLE_CHOICE') {
      const weights = new Map(shape.key.weights.map((w) => [w.optionId, w.weight]));
      return shape.content.options.map((o) => ({ ...o, correct: (weights.get(o.id) ?? 0) > 0, weight: weights.get(o.id) ?? 0 }));
    }
    return [];
  },
  items: (row) => {
    const shape = shapeOf(row);
    if (shape.type !== 'ORDERING') return [];
    const labels = new Map(shape.content.items.map((i) => [i.id, i.label]));
    return shape.key.order.map((id) => ({ id, label: labels.get(id) ?? '' }));
  },
  correctAnswer: (row) => {
    const shape = shapeOf(row);
    return shape.type === 'TRUE_FALSE' ? shape.key.correctAnswer : null;
  },
  numericAnswer: (row) => {
    const shape = shapeOf(row);
    return shape.type === 'NUMERIC' ? shape.key.value : null;
  },
  tolerance: (row) => {
    const shape = shapeOf(row);
    return shape.type === 'NUMERIC' ? shape.key.tolerance : null;
  },
  acceptedAnswers: (row) => {
    const shape = shapeOf(row);
    return shape.type === 'SHORT_TEXT' ? shape.key.acceptedAnswers : [];
  },
  caseSensitive: (row) => {
    const shape = shapeOf(row);
    return shape.type === 'SHORT_TEXT' ? shape.key.caseSensitive : null;
  },
};
