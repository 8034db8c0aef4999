/**
 * Small builders shared by the assessment tests: ids, drafts, hand-written question shapes, and a
 * helper that catches an expected error.
 */
import { expect } from 'vitest';
import {
  buildQuestion,
  questionDraftSchema,
  type BuiltQuestion,
  type PartialScoring,
  type QuestionDraft,
  type QuestionShape,
  type QuestionType,
} from '../src/index.js';

/** Ids `${prefix}1`, `${prefix}2`, … in call order, so tests can name them. */
export function ids(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

export function parseDraft(input: unknown): QuestionDraft {
  return questionDraftSchema.parse(input);
}

/** Every issue of a refused draft, as `path` (dot-joined) and `message`. */
export function draftIssues(input: unknown): Array<{ path: string; message: string }> {
  const result = questionDraftSchema.safeParse(input);
  if (result.success) throw new Error(`expected the draft to be refused, got ${JSON.stringify(result.data)}`);
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Parses and builds a draft with ids id1, id2, … (or the given generator). */
export function build(input: unknown, newId: () => string = ids()): BuiltQuestion {
  return buildQuestion(parseDraft(input), newId);
}

/** A valid draft of each type, with every field given (so that parsing adds nothing). */
export const FULL_DRAFTS = {
  SINGLE_CHOICE: {
    type: 'SINGLE_CHOICE',
    prompt: 'Which is the capital of France?',
    points: 2,
    explanation: 'Paris has been the capital since 508.',
    options: [
      { label: 'Lyon', correct: false },
      { label: 'Paris', correct: true },
      { label: 'Nice', correct: false },
    ],
  },
  MULTIPLE_CHOICE: {
    type: 'MULTIPLE_CHOICE',
    prompt: 'Which are prime?',
    points: 3,
    explanation: null,
    scoring: 'PARTIAL',
    options: [
      { label: '2', correct: true },
      { label: '4', correct: false },
      { label: '3', correct: true },
      { label: '9', correct: false },
      { label: '5', correct: true },
    ],
  },
  TRUE_FALSE: { type: 'TRUE_FALSE', prompt: 'The Earth is flat.', points: 1, explanation: 'It is round.', correctAnswer: false },
  NUMERIC: { type: 'NUMERIC', prompt: 'Absolute zero in °C?', points: 4, explanation: null, numericAnswer: -273.15, tolerance: 0.5 },
  SHORT_TEXT: {
    type: 'SHORT_TEXT',
    prompt: 'Old name of Paris?',
    points: 5,
    explanation: null,
    acceptedAnswers: ['Lutetia', 'Lutèce'],
    caseSensitive: true,
  },
  ORDERING: {
    type: 'ORDERING',
    prompt: 'Order by size, smallest first.',
    points: 6,
    explanation: 'Think of the diameter.',
    items: ['Mercury', 'Mars', 'Earth', 'Jupiter'],
    scoring: 'PARTIAL',
  },
} as const satisfies Record<QuestionType, object>;

// ---------------------------------------------------------------------------------------------------
// Hand-written shapes, with readable ids, for answers and scoring.

export type ShapeOf<T extends QuestionType> = Extract<QuestionShape, { type: T }>;

const labelled = (optionIds: readonly string[]) => optionIds.map((id) => ({ id, label: `Label ${id}` }));

export function singleChoice(correct: readonly string[] = ['b'], optionIds: readonly string[] = ['a', 'b', 'c']): ShapeOf<'SINGLE_CHOICE'> {
  return { type: 'SINGLE_CHOICE', content: { options: labelled(optionIds) }, key: { correctOptionIds: [...correct] } };
}

/** A MULTIPLE_CHOICE question whose options are the weights' keys, in that order. */
export function multipleChoice(weights: Record<string, number>, scoring: PartialScoring = 'PARTIAL'): ShapeOf<'MULTIPLE_CHOICE'> {
  return {
    type: 'MULTIPLE_CHOICE',
    content: { options: labelled(Object.keys(weights)), scoring },
    key: { weights: Object.entries(weights).map(([optionId, weight]) => ({ optionId, weight })) },
  };
}

export function trueFalse(correctAnswer: boolean): ShapeOf<'TRUE_FALSE'> {
  return { type: 'TRUE_FALSE', content: {}, key: { correctAnswer } };
}

export function numeric(value: number, tolerance = 0): ShapeOf<'NUMERIC'> {
  return { type: 'NUMERIC', content: {}, key: { value, tolerance } };
}

export function shortText(acceptedAnswers: readonly string[], caseSensitive = false): ShapeOf<'SHORT_TEXT'> {
  return { type: 'SHORT_TEXT', content: {}, key: { acceptedAnswers: [...acceptedAnswers], caseSensitive } };
}

/** An ORDERING question whose right order is `order`; players see `shown` (default: reversed). */
export function ordering(
  order: readonly string[],
  scoring: PartialScoring = 'ALL_OR_NOTHING',
  shown: readonly string[] = [...order].reverse(),
): ShapeOf<'ORDERING'> {
  return { type: 'ORDERING', content: { items: labelled(shown), scoring }, key: { order: [...order] } };
}

export function withId<S extends QuestionShape>(shape: S, id: string, points = 1): S & { id: string; points: number } {
  return { ...shape, id, points };
}

/** Runs `fn`, expecting it to throw an instance of `type`, and returns what it threw. */
export function thrown<E extends Error>(type: new (message: string, field: string) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}
