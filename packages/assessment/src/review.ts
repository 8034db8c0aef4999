import type { Answer } from './answers.js';
import type { KeyedQuestion, QuestionShape } from './questions.js';
import { reviewAllows, type ReviewPolicy } from './settings.js';

/** The right answer to a question, in the field its type is answered with (NUMERIC: with its tolerance). */
export type CorrectAnswer =
  | { optionIds: string[] }
  | { order: string[] }
  | { boolean: boolean }
  | { number: number; tolerance: number }
  | { acceptedTexts: string[] };

/** The right answer, read from the key. MULTIPLE_CHOICE: every option with a positive weight, in the question's order. */
export function correctAnswerOf(question: QuestionShape): CorrectAnswer {
  switch (question.type) {
    case 'SINGLE_CHOICE':
      return { optionIds: [...question.key.correctOptionIds] };
    case 'MULTIPLE_CHOICE': {
      const right = new Set(question.key.weights.filter((w) => w.weight > 0).map((w) => w.optionId));
      return { optionIds: question.content.options.map((o) => o.id).filter((id) => right.has(id)) };
    }
    case 'TRUE_FALSE':
      return { boolean: question.key.correctAnswer };
    case 'NUMERIC':
      return { number: question.key.value, tolerance: question.key.tolerance };
    case 'SHORT_TEXT':
      return { acceptedTexts: [...question.key.acceptedAnswers] };
    case 'ORDERING':
      return { order: [...question.key.order] };
  }
}

/** How one question of a submitted attempt was scored, as stored with it. */
export interface ScoredAnswer {
  answer: Answer | null;
  score: number;
  /** Fully right. */
  correct: boolean;
}

/** What a player may see of one question of a submitted attempt; null is what the policy hides. */
export interface QuestionReview {
  /** The player's own answer: never secret, shown under every policy. */
  answer: Answer | null;
  correct: boolean | null;
  score: number | null;
  correctAnswer: CorrectAnswer | null;
  explanation: string | null;
}

/**
 * The review of one question under a review policy, each level adding to the one before:
 * SCORE_ONLY shows the player's answer alone (the attempt's total score is shown elsewhere);
 * QUESTION_RESULTS adds whether it was right and its points; CORRECT_ANSWERS adds the right answer;
 * EXPLANATIONS adds the author's explanation.
 */
export function reviewQuestion(question: KeyedQuestion, scored: ScoredAnswer, policy: ReviewPolicy): QuestionReview {
  const results = reviewAllows(policy, 'QUESTION_RESULTS');
  return {
    answer: scored.answer,
    correct: results ? scored.correct : null,
    score: results ? scored.score : null,
    correctAnswer: reviewAllows(policy, 'CORRECT_ANSWERS') ? correctAnswerOf(question) : null,
    explanation: reviewAllows(policy, 'EXPLANATIONS') ? question.explanation : null,
  };
}
