import { readQuestionShape, type QuestionShape, type QuizSettings } from '@quizgraph/assessment';
import { Prisma, type Question, type QuizVersion } from './__generated__/prisma/client.js';

/** A user known only by reference: the users service owns the rest. */
export interface UserRef {
  id: string;
}

/**
 * A question as players may see it: loaded without its key and explanation, so no player-facing
 * resolver can leak them by mistake.
 */
export type PlayerQuestion = Pick<Question, 'id' | 'quizId' | 'version' | 'position' | 'type' | 'prompt' | 'points' | 'content'>;

/** The columns player-facing reads select. */
export const PLAYER_QUESTION_COLUMNS = {
  id: true,
  quizId: true,
  version: true,
  position: true,
  type: true,
  prompt: true,
  points: true,
  content: true,
} as const satisfies Record<keyof PlayerQuestion, true>;

/** A question with its key and explanation: for authors, admins and the internal scoring channel. */
export type KeyedQuestionRow = Question;

/** One version of a quiz, with its settings, as authors read it. */
export interface QuizVersionView {
  row: QuizVersion;
  questions: KeyedQuestionRow[];
}

export function settingsOf(version: QuizVersion): QuizSettings {
  return {
    timeLimitSeconds: version.timeLimitSeconds,
    maxAttempts: version.maxAttempts,
    scoringPolicy: version.scoringPolicy,
    shuffleQuestions: version.shuffleQuestions,
    shuffleOptions: version.shuffleOptions,
    reviewPolicy: version.reviewPolicy,
    leaderboardAttempt: version.leaderboardAttempt,
  };
}

/** The assessment module's view of a stored question (content and key checked against its type). */
export function shapeOf(question: Pick<Question, 'type' | 'content' | 'key'>): QuestionShape {
  return readQuestionShape(question.type, question.content, question.key);
}

/** The Quiz columns raw reads select (`q.*` would bring the search vector along, which nobody reads). */
export const QUIZ_COLUMNS = Prisma.raw(
  'q.id, q."authorId", q.title, q.description, q.category, q.tags, q.difficulty, q.status, q.version, q."createdAt", ' +
    'q."updatedAt", q."publishedAt", q."archivedAt", q."idempotencyKey", q."attemptCount", q."playerCount"',
);

/** An option or an ORDERING item: an id and what players read. */
export interface LabelledItem {
  id: string;
  label: string;
}

/** An option with its part of the key, as authors read it. */
export interface KeyedOptionView extends LabelledItem {
  correct: boolean;
  weight: number | null;
}
