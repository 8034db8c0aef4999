import type { QuestionShape } from './questions.js';

/** A player's answer to one question as a client sends it: the field its question's type takes. */
export interface AnswerInput {
  questionId: string;
  /** SINGLE_CHOICE (one id) and MULTIPLE_CHOICE (any number). */
  optionIds?: readonly string[] | null;
  /** ORDERING: every item id, in the order the player puts them. */
  order?: readonly string[] | null;
  /** TRUE_FALSE. */
  boolean?: boolean | null;
  /** NUMERIC. */
  number?: number | null;
  /** SHORT_TEXT. */
  text?: string | null;
}

/** A checked answer, as stored with the attempt and read back for review. */
export type Answer = { optionIds: string[] } | { order: string[] } | { boolean: boolean } | { number: number } | { text: string };

export const MAX_TEXT_ANSWER = 500;

/** An answer that does not fit its question; `field` is relative to the answer (e.g. `optionIds`). */
export class AnswerError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const FIELDS = ['optionIds', 'order', 'boolean', 'number', 'text'] as const;
type AnswerField = (typeof FIELDS)[number];

const FIELD_OF: Record<QuestionShape['type'], AnswerField> = {
  SINGLE_CHOICE: 'optionIds',
  MULTIPLE_CHOICE: 'optionIds',
  ORDERING: 'order',
  TRUE_FALSE: 'boolean',
  NUMERIC: 'number',
  SHORT_TEXT: 'text',
};

/** The answer field a question type takes, for messages and clients. */
export function answerFieldOf(type: QuestionShape['type']): AnswerField {
  return FIELD_OF[type];
}

/**
 * Checks one answer against its question and returns it in stored form; null when the player left
 * it unanswered (the field absent). Throws AnswerError naming the field at fault.
 */
export function parseAnswer(question: QuestionShape, input: AnswerInput): Answer | null {
  const field = FIELD_OF[question.type];
  for (const other of FIELDS) {
    if (other !== field && input[other] !== undefined && input[other] !== null) {
      throw new AnswerError(`\`${other}\` does not answer a ${question.type} question: send \`${field}\`.`, other);
    }
  }
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE': {
      const chosen = input.optionIds;
      if (chosen === undefined || chosen === null) return null;
      const known = new Set(question.content.options.map((o) => o.id));
      const unknown = chosen.find((id) => !known.has(id));
      if (unknown !== undefined) throw new AnswerError(`Option ${unknown} is not an option of question ${input.questionId}.`, 'optionIds');
      if (new Set(chosen).size !== chosen.length) throw new AnswerError('An option is chosen twice.', 'optionIds');
      if (question.type === 'SINGLE_CHOICE' && chosen.length > 1) {
        throw new AnswerError(`Question ${input.questionId} takes a single option.`, 'optionIds');
      }
      return { optionIds: [...chosen] };
    }
    case 'ORDERING': {
      const order = input.order;
      if (order === undefined || order === null) return null;
      const items = new Set(question.content.items.map((i) => i.id));
      const unknown = order.find((id) => !items.has(id));
      if (unknown !== undefined) throw new AnswerError(`Item ${unknown} is not an item of question ${input.questionId}.`, 'order');
      if (new Set(order).size !== order.length || order.length !== items.size) {
        throw new AnswerError(`An order lists every item of the question exactly once (${items.size} items).`, 'order');
      }
      return { order: [...order] };
    }
    case 'TRUE_FALSE':
      return input.boolean === undefined || input.boolean === null ? null : { boolean: input.boolean };
    case 'NUMERIC': {
      if (input.number === undefined || input.number === null) return null;
      if (!Number.isFinite(input.number)) throw new AnswerError('A numeric answer must be a finite number.', 'number');
      return { number: input.number };
    }
    case 'SHORT_TEXT': {
      if (input.text === undefined || input.text === null) return null;
      if (input.text.length > MAX_TEXT_ANSWER) throw new AnswerError(`A text answer has at most ${MAX_TEXT_ANSWER} characters.`, 'text');
      if (input.text.includes('\u0000')) throw new AnswerError('A text answer cannot contain a NUL character.', 'text');
      return { text: input.text };
    }
  }
}

/** An answer set that does not fit its quiz; `field` points into the submitted list (`answers.2.order`). */
export class InvalidAnswersError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/**
 * Checks a whole submission: every answer belongs to a question of the quiz, no question is
 * answered twice, and each answer fits its question. Returns the answers by question id.
 */
export function parseAnswers(questions: ReadonlyArray<QuestionShape & { id: string }>, inputs: readonly AnswerInput[]): Map<string, Answer | null> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answers = new Map<string, Answer | null>();
  inputs.forEach((input, i) => {
    const question = byId.get(input.questionId);
    if (!question) throw new InvalidAnswersError(`Question ${input.questionId} is not part of this quiz.`, `answers.${i}.questionId`);
    if (answers.has(input.questionId)) throw new InvalidAnswersError(`Question ${input.questionId} is answered twice.`, `answers.${i}.questionId`);
    try {
      answers.set(input.questionId, parseAnswer(question, input));
    } catch (error) {
      if (error instanceof AnswerError) throw new InvalidAnswersError(error.message, `answers.${i}.${error.field}`);
      throw error;
    }
  });
  return answers;
}

/**
 * Reads an answer back from storage (a JSON column) for its question: null when it was left
 * unanswered; throws if the stored value is not an answer of the question's type, since that means
 * the record and the pinned key disagree.
 */
export function readStoredAnswer(question: QuestionShape, stored: unknown): Answer | null {
  if (stored === null || stored === undefined) return null;
  const field = FIELD_OF[question.type];
  const value = typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>)[field] : undefined;
  const fits =
    field === 'optionIds' || field === 'order'
      ? Array.isArray(value) && value.every((id) => typeof id === 'string')
      : field === 'boolean'
        ? typeof value === 'boolean'
        : field === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : typeof value === 'string';
  if (!fits) throw new Error(`A stored answer to a ${question.type} question has no valid \`${field}\`.`);
  return { [field]: value } as Answer;
}
