import {
  presentedChoices,
  readStoredAnswer,
  reviewQuestion,
  shuffled,
  type Answer,
  type Choice,
  type CorrectAnswer,
  type KeyedQuestion,
  type QuestionType,
  type QuizSettings,
} from '@quizgraph/assessment';
import type { Attempt, AttemptAnswer } from './__generated__/prisma/client.js';
import type { AnswerKey } from './quizKeys.js';

/** GivenAnswer: an answer or a right answer, flattened into the fields of every type. */
export interface GivenAnswerView {
  optionIds: string[];
  order: string[];
  boolean: boolean | null;
  number: number | null;
  tolerance: number | null;
  text: string | null;
  acceptedTexts: string[];
}

/** QuestionReview: what the review policy shows of one question; null is what it hides. */
export interface QuestionReviewView {
  answer: GivenAnswerView | null;
  correct: boolean | null;
  score: number | null;
  correctAnswer: GivenAnswerView | null;
  explanation: string | null;
}

/** AttemptQuestion: a question as one attempt shows it, never with its key. */
export interface AttemptQuestionView {
  id: string;
  position: number;
  type: QuestionType;
  prompt: string;
  points: number;
  options: Choice[];
  items: Choice[];
  partialCredit: boolean;
  /** Null until the attempt is submitted (and for one that expired: nothing was scored). */
  review: QuestionReviewView | null;
}

function givenAnswer(answer: Answer | CorrectAnswer): GivenAnswerView {
  return {
    optionIds: 'optionIds' in answer ? answer.optionIds : [],
    order: 'order' in answer ? answer.order : [],
    boolean: 'boolean' in answer ? answer.boolean : null,
    number: 'number' in answer ? answer.number : null,
    tolerance: 'tolerance' in answer ? answer.tolerance : null,
    text: 'text' in answer ? answer.text : null,
    acceptedTexts: 'acceptedTexts' in answer ? answer.acceptedTexts : [],
  };
}

function reviewView(question: KeyedQuestion, stored: AttemptAnswer | undefined, settings: QuizSettings): QuestionReviewView {
  // Every question is stored with a submitted attempt (unanswered ones with a null answer); one
  // missing reads as unanswered.
  const review = reviewQuestion(
    question,
    { answer: stored ? readStoredAnswer(question, stored.answer) : null, score: stored?.score.toNumber() ?? 0, correct: stored?.correct ?? false },
    settings.reviewPolicy,
  );
  return {
    ...review,
    answer: review.answer && givenAnswer(review.answer),
    correctAnswer: review.correctAnswer && givenAnswer(review.correctAnswer),
  };
}

/**
 * The questions of an attempt's pinned version as the attempt shows them: in an order of its own
 * when the quiz shuffles (seeded by the attempt's id, so always the same for the same attempt and
 * stored nowhere), and, once submitted, each with the review its settings allow. `answers` are the
 * attempt's stored answers, null until it is submitted.
 */
export function attemptQuestions(
  attempt: Pick<Attempt, 'id'>,
  settings: QuizSettings,
  key: Pick<AnswerKey, 'questions'>,
  answers: AttemptAnswer[] | null,
): AttemptQuestionView[] {
  const inQuizOrder = [...key.questions].sort((a, b) => a.position - b.position);
  const ordered = settings.shuffleQuestions ? shuffled(inQuizOrder, attempt.id) : inQuizOrder;
  const stored = new Map(answers?.map((a) => [a.questionId, a]));
  return ordered.map((question, i) => {
    // Seeded per question too: two questions with as many options are not shuffled alike.
    const { options, items } = presentedChoices(question, settings.shuffleOptions ? `${attempt.id}:${question.id}` : null);
    return {
      id: question.id,
      position: i + 1,
      type: question.type,
      prompt: question.prompt,
      points: question.points,
      options,
      items,
      partialCredit: 'scoring' in question.content && question.content.scoring === 'PARTIAL',
      review: answers === null ? null : reviewView(question, stored.get(question.id), settings),
    };
  });
}
