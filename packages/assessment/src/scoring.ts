import type { Answer } from './answers.js';
import type { QuestionShape } from './questions.js';
import type { ScoringPolicy } from './settings.js';
import { normaliseAnswerText } from './text.js';

/**
 * Scores are exact to 1/10,000 of a point: partial credit (2 of 3 items in place on a 1-point
 * question) keeps its fraction, and totals add up without floating-point drift because results
 * stores them as numeric(…, 4).
 */
export const SCORE_DECIMALS = 4;
const SCALE = 10 ** SCORE_DECIMALS;

export function roundScore(points: number): number {
  return Math.round(points * SCALE) / SCALE;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/**
 * How close a NUMERIC answer must be beyond the tolerance: float noise such as 0.1 + 0.2, i.e. a few
 * units in the last place of the numbers compared. Relative to their size, with no absolute floor, so
 * that it never accepts a real difference (1073741825 for 1073741824, or 0 for 1.6e-19).
 */
const numericSlack = (value: number, tolerance: number) => 4 * Number.EPSILON * (Math.abs(value) + tolerance);

/** The fraction (0..1) of a question's points that an answer earns; an unanswered question earns 0. */
export function answerFraction(question: QuestionShape, answer: Answer | null): number {
  if (answer === null) return 0;
  switch (question.type) {
    case 'SINGLE_CHOICE': {
      if (!('optionIds' in answer) || question.key.correctOptionIds.length !== 1) return 0;
      return answer.optionIds.length === 1 && answer.optionIds[0] === question.key.correctOptionIds[0] ? 1 : 0;
    }
    case 'MULTIPLE_CHOICE': {
      if (!('optionIds' in answer)) return 0;
      const chosen = new Set(answer.optionIds);
      if (question.content.scoring === 'ALL_OR_NOTHING') {
        const correct = question.key.weights.filter((w) => w.weight > 0).map((w) => w.optionId);
        return correct.length === chosen.size && correct.every((id) => chosen.has(id)) ? 1 : 0;
      }
      // PARTIAL: the chosen options' weights, added up; wrong choices take credit away, never below 0.
      const sum = question.key.weights.filter((w) => chosen.has(w.optionId)).reduce((s, w) => s + w.weight, 0);
      // Within rounding of 1 is all of it (1/3 + 1/3 + 1/3), and within rounding of 0 is nothing
      // (every option chosen: 1/3 × 3 - 1/2 × 2 adds up to 1.1e-16, not 0).
      return Math.abs(sum - 1) < 1e-9 ? 1 : Math.abs(sum) < 1e-9 ? 0 : clamp01(sum);
    }
    case 'TRUE_FALSE':
      return 'boolean' in answer && answer.boolean === question.key.correctAnswer ? 1 : 0;
    case 'NUMERIC': {
      if (!('number' in answer)) return 0;
      const { value, tolerance } = question.key;
      return Math.abs(answer.number - value) <= tolerance + numericSlack(value, tolerance) ? 1 : 0;
    }
    case 'SHORT_TEXT': {
      if (!('text' in answer)) return 0;
      const given = normaliseAnswerText(answer.text, question.key.caseSensitive);
      if (given === '') return 0;
      return question.key.acceptedAnswers.some((a) => normaliseAnswerText(a, question.key.caseSensitive) === given) ? 1 : 0;
    }
    case 'ORDERING': {
      if (!('order' in answer)) return 0;
      const right = question.key.order;
      const inPlace = right.filter((id, i) => answer.order[i] === id).length;
      if (question.content.scoring === 'ALL_OR_NOTHING') return inPlace === right.length ? 1 : 0;
      return right.length === 0 ? 0 : inPlace / right.length;
    }
  }
}

/**
 * Under the SPEED policy a correct answer earns between half and all of its points, linearly with
 * the share of the time limit left when the attempt was submitted (server-measured).
 */
export function speedFactor(timeTakenMs: number, timeLimitMs: number): number {
  if (!(timeLimitMs > 0)) return 1;
  return 0.5 + 0.5 * clamp01(1 - timeTakenMs / timeLimitMs);
}

export interface ScoringContext {
  policy: ScoringPolicy;
  /** Both needed for SPEED; ignored under CORRECTNESS. */
  timeTakenMs?: number;
  timeLimitMs?: number | null;
}

export interface ScoredQuestion {
  questionId: string;
  answer: Answer | null;
  /** Fraction of the question answered right, before any speed factor. */
  fraction: number;
  score: number;
  maxScore: number;
  /** Fully right. */
  correct: boolean;
}

export interface ScoredAttempt {
  score: number;
  maxScore: number;
  correctCount: number;
  questionCount: number;
  questions: ScoredQuestion[];
}

/** Scores every question of a quiz version (unanswered ones earn 0) and adds them up. */
export function scoreAttempt(
  questions: ReadonlyArray<QuestionShape & { id: string; points: number }>,
  answers: ReadonlyMap<string, Answer | null>,
  context: ScoringContext = { policy: 'CORRECTNESS' },
): ScoredAttempt {
  const factor = context.policy === 'SPEED' ? speedFactor(context.timeTakenMs ?? 0, context.timeLimitMs ?? 0) : 1;
  const scored = questions.map((question): ScoredQuestion => {
    const answer = answers.get(question.id) ?? null;
    const fraction = answerFraction(question, answer);
    return {
      questionId: question.id,
      answer,
      fraction,
      score: roundScore(fraction * factor * question.points),
      maxScore: question.points,
      correct: fraction === 1,
    };
  });
  return {
    score: roundScore(scored.reduce((sum, q) => sum + q.score, 0)),
    maxScore: scored.reduce((sum, q) => sum + q.maxScore, 0),
    correctCount: scored.filter((q) => q.correct).length,
    questionCount: scored.length,
    questions: scored,
  };
}

/** score / maxScore × 100, to two decimals. */
export function percentage(score: number, maxScore: number): number {
  return maxScore === 0 ? 0 : Math.round((score / maxScore) * 10_000) / 100;
}
