/**
 * Scoring rules, free of I/O: given the answer key of the quiz version attempted and a player's answers,
 * how many points each answer earns.
 */

export interface KeyQuestion {
  id: string;
  type: 'SINGLE_CHOICE';
  points: number;
  optionIds: string[];
  correctOptionIds: string[];
}

export interface Answer {
  questionId: string;
  optionIds: string[];
}

export interface ScoredQuestion {
  questionId: string;
  selectedOptionIds: string[];
  score: number;
  maxScore: number;
  correct: boolean;
}

export interface ScoredAttempt {
  score: number;
  maxScore: number;
  correctCount: number;
  questionCount: number;
  questions: ScoredQuestion[];
}

/** An answer that does not fit the quiz; `field` points into the submitted `answers` list. */
export class InvalidAnswerError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** The fraction (0..1) of a question's points that the chosen options earn. */
export function questionFraction(question: KeyQuestion, chosen: readonly string[]): number {
  switch (question.type) {
    case 'SINGLE_CHOICE':
      return chosen.length === 1 && question.correctOptionIds.length === 1 && chosen[0] === question.correctOptionIds[0] ? 1 : 0;
  }
}

export function scoreAttempt(questions: readonly KeyQuestion[], answers: readonly Answer[]): ScoredAttempt {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const chosen = new Map<string, string[]>();
  answers.forEach((answer, i) => {
    const question = byId.get(answer.questionId);
    if (!question) throw new InvalidAnswerError(`Question ${answer.questionId} is not part of this quiz.`, `answers.${i}.questionId`);
    if (chosen.has(answer.questionId)) throw new InvalidAnswerError(`Question ${answer.questionId} is answered twice.`, `answers.${i}.questionId`);
    const options = new Set(question.optionIds);
    const unknown = answer.optionIds.find((id) => !options.has(id));
    if (unknown !== undefined) throw new InvalidAnswerError(`Option ${unknown} is not an option of question ${answer.questionId}.`, `answers.${i}.optionIds`);
    if (new Set(answer.optionIds).size !== answer.optionIds.length) {
      throw new InvalidAnswerError('An option is chosen twice.', `answers.${i}.optionIds`);
    }
    if (question.type === 'SINGLE_CHOICE' && answer.optionIds.length > 1) {
      throw new InvalidAnswerError(`Question ${answer.questionId} takes a single option.`, `answers.${i}.optionIds`);
    }
    chosen.set(answer.questionId, answer.optionIds);
  });

  const scored = questions.map((question): ScoredQuestion => {
    const selected = chosen.get(question.id) ?? [];
    const fraction = questionFraction(question, selected);
    return {
      questionId: question.id,
      selectedOptionIds: selected,
      score: Math.round(fraction * question.points),
      maxScore: question.points,
      correct: fraction === 1,
    };
  });
  return {
    score: scored.reduce((sum, q) => sum + q.score, 0),
    maxScore: scored.reduce((sum, q) => sum + q.maxScore, 0),
    correctCount: scored.filter((q) => q.correct).length,
    questionCount: scored.length,
    questions: scored,
  };
}

export function percentage(score: number, maxScore: number): number {
  return maxScore === 0 ? 0 : Math.round((score / maxScore) * 10_000) / 100;
}
