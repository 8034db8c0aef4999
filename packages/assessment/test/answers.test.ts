import { describe, expect, it } from 'vitest';
import {
  AnswerError,
  answerFieldOf,
  InvalidAnswersError,
  MAX_TEXT_ANSWER,
  parseAnswer,
  parseAnswers,
  QUESTION_TYPES,
  type AnswerInput,
  type QuestionShape,
} from '../src/index.js';
import { multipleChoice, numeric, ordering, shortText, singleChoice, thrown, trueFalse, withId } from './fixtures.js';

/** One question of each type; options a, b, c; items x, y, z. */
const QUESTIONS = {
  SINGLE_CHOICE: singleChoice(['b']),
  MULTIPLE_CHOICE: multipleChoice({ a: 0.5, b: 0.5, c: -1 }),
  TRUE_FALSE: trueFalse(true),
  NUMERIC: numeric(3.14, 0.01),
  SHORT_TEXT: shortText(['Paris']),
  ORDERING: ordering(['x', 'y', 'z']),
} satisfies Record<QuestionShape['type'], QuestionShape>;

/** A valid answer of each type, as sent and as stored. */
const VALID: Record<QuestionShape['type'], Omit<AnswerInput, 'questionId'>> = {
  SINGLE_CHOICE: { optionIds: ['b'] },
  MULTIPLE_CHOICE: { optionIds: ['a', 'c'] },
  TRUE_FALSE: { boolean: false },
  NUMERIC: { number: -2.5 },
  SHORT_TEXT: { text: ' paris ' },
  ORDERING: { order: ['z', 'x', 'y'] },
};

/** What GraphQL sends for an answer: every field, null unless given. */
const allNull = { optionIds: null, order: null, boolean: null, number: null, text: null };

const answer = (question: QuestionShape, fields: Omit<AnswerInput, 'questionId'>) => parseAnswer(question, { questionId: 'q1', ...fields });
const answerError = (question: QuestionShape, fields: Omit<AnswerInput, 'questionId'>) => thrown(AnswerError, () => answer(question, fields));

describe('answerFieldOf', () => {
  it('names the field each type takes', () => {
    expect(Object.fromEntries(QUESTION_TYPES.map((type) => [type, answerFieldOf(type)]))).toEqual({
      SINGLE_CHOICE: 'optionIds',
      MULTIPLE_CHOICE: 'optionIds',
      TRUE_FALSE: 'boolean',
      NUMERIC: 'number',
      SHORT_TEXT: 'text',
      ORDERING: 'order',
    });
  });
});

describe('parseAnswer', () => {
  it.each(QUESTION_TYPES)('returns a %s answer in stored form', (type) => {
    expect(answer(QUESTIONS[type], VALID[type])).toStrictEqual(VALID[type]);
  });

  it.each(QUESTION_TYPES)('accepts a %s answer sent with every other field null', (type) => {
    expect(answer(QUESTIONS[type], { ...allNull, ...VALID[type] })).toStrictEqual(VALID[type]);
  });

  it('copies the lists it returns', () => {
    const optionIds = ['a', 'b'];
    const stored = answer(QUESTIONS.MULTIPLE_CHOICE, { optionIds });
    expect(stored).toEqual({ optionIds: ['a', 'b'] });
    expect(stored !== null && 'optionIds' in stored && stored.optionIds).not.toBe(optionIds);
  });

  describe('unanswered', () => {
    it.each(QUESTION_TYPES)('%s with its field absent is null', (type) => {
      expect(answer(QUESTIONS[type], {})).toBeNull();
    });

    it.each(QUESTION_TYPES)('%s with every field null is null', (type) => {
      expect(answer(QUESTIONS[type], allNull)).toBeNull();
    });
  });

  describe('a field of another type', () => {
    it.each([
      ['NUMERIC', { text: '3.14' }, 'text', '`text` does not answer a NUMERIC question: send `number`.'],
      ['SINGLE_CHOICE', { order: ['a'] }, 'order', '`order` does not answer a SINGLE_CHOICE question: send `optionIds`.'],
      ['ORDERING', { optionIds: ['x'] }, 'optionIds', '`optionIds` does not answer a ORDERING question: send `order`.'],
      ['TRUE_FALSE', { number: 1 }, 'number', '`number` does not answer a TRUE_FALSE question: send `boolean`.'],
      ['SHORT_TEXT', { boolean: false }, 'boolean', '`boolean` does not answer a SHORT_TEXT question: send `text`.'],
      ['MULTIPLE_CHOICE', { text: '' }, 'text', '`text` does not answer a MULTIPLE_CHOICE question: send `optionIds`.'],
    ] as const)('%s given %o is refused, naming the field', (type, fields, field, message) => {
      const error = answerError(QUESTIONS[type], fields);
      expect(error.field).toBe(field);
      expect(error.message).toBe(message);
    });

    it('is refused even alongside the right field', () => {
      expect(answerError(QUESTIONS.TRUE_FALSE, { boolean: true, number: 1 }).field).toBe('number');
    });

    it('is refused even when it is falsy (0, false, empty)', () => {
      expect(answerError(QUESTIONS.SHORT_TEXT, { number: 0 }).field).toBe('number');
      expect(answerError(QUESTIONS.NUMERIC, { boolean: false }).field).toBe('boolean');
      expect(answerError(QUESTIONS.NUMERIC, { optionIds: [] }).field).toBe('optionIds');
    });
  });

  describe('SINGLE_CHOICE and MULTIPLE_CHOICE', () => {
    it.each(['SINGLE_CHOICE', 'MULTIPLE_CHOICE'] as const)('%s refuses an option that is not the question’s', (type) => {
      const error = answerError(QUESTIONS[type], { optionIds: ['a', 'nope'] });
      expect(error).toMatchObject({ field: 'optionIds', message: 'Option nope is not an option of question q1.' });
    });

    it('refuses an option chosen twice', () => {
      expect(answerError(QUESTIONS.MULTIPLE_CHOICE, { optionIds: ['a', 'b', 'a'] })).toMatchObject({
        field: 'optionIds',
        message: 'An option is chosen twice.',
      });
      expect(answerError(QUESTIONS.SINGLE_CHOICE, { optionIds: ['b', 'b'] }).message).toBe('An option is chosen twice.');
    });

    it('SINGLE_CHOICE refuses two options', () => {
      expect(answerError(QUESTIONS.SINGLE_CHOICE, { optionIds: ['a', 'b'] })).toMatchObject({
        field: 'optionIds',
        message: 'Question q1 takes a single option.',
      });
    });

    it('MULTIPLE_CHOICE takes any number of options, every one included', () => {
      expect(answer(QUESTIONS.MULTIPLE_CHOICE, { optionIds: ['c', 'b', 'a'] })).toEqual({ optionIds: ['c', 'b', 'a'] });
    });

    it.each(['SINGLE_CHOICE', 'MULTIPLE_CHOICE'] as const)('%s takes an empty choice as an answer (worth nothing)', (type) => {
      expect(answer(QUESTIONS[type], { optionIds: [] })).toEqual({ optionIds: [] });
    });
  });

  describe('ORDERING', () => {
    const orderMessage = 'An order lists every item of the question exactly once (3 items).';

    it('refuses an item that is not the question’s', () => {
      expect(answerError(QUESTIONS.ORDERING, { order: ['x', 'y', 'w'] })).toMatchObject({ field: 'order', message: 'Item w is not an item of question q1.' });
    });

    it.each([
      ['a missing item', ['x', 'y']],
      ['an item twice', ['x', 'y', 'y']],
      ['an item twice in place of another', ['x', 'x', 'z']],
      ['an extra repeated item', ['x', 'y', 'z', 'x']],
      ['no items', []],
    ])('refuses %s: the order must be a full permutation', (_, order) => {
      expect(answerError(QUESTIONS.ORDERING, { order })).toMatchObject({ field: 'order', message: orderMessage });
    });

    it('accepts any permutation, the right one included', () => {
      expect(answer(QUESTIONS.ORDERING, { order: ['x', 'y', 'z'] })).toEqual({ order: ['x', 'y', 'z'] });
      expect(answer(QUESTIONS.ORDERING, { order: ['y', 'z', 'x'] })).toEqual({ order: ['y', 'z', 'x'] });
    });
  });

  describe('TRUE_FALSE', () => {
    it('takes true and false', () => {
      expect(answer(QUESTIONS.TRUE_FALSE, { boolean: true })).toEqual({ boolean: true });
      expect(answer(QUESTIONS.TRUE_FALSE, { boolean: false })).toEqual({ boolean: false });
    });
  });

  describe('NUMERIC', () => {
    it.each([0, -0, -1e300, 1e300, 0.1 + 0.2])('takes %d', (number) => {
      expect(answer(QUESTIONS.NUMERIC, { number })).toEqual({ number });
    });

    it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %d', (number) => {
      expect(answerError(QUESTIONS.NUMERIC, { number })).toMatchObject({ field: 'number', message: 'A numeric answer must be a finite number.' });
    });
  });

  describe('SHORT_TEXT', () => {
    it(`takes up to ${MAX_TEXT_ANSWER} characters, as sent`, () => {
      const text = ` ${'x'.repeat(MAX_TEXT_ANSWER - 2)} `;
      expect(answer(QUESTIONS.SHORT_TEXT, { text })).toEqual({ text });
    });

    it('refuses one character more', () => {
      expect(answerError(QUESTIONS.SHORT_TEXT, { text: 'x'.repeat(MAX_TEXT_ANSWER + 1) })).toMatchObject({
        field: 'text',
        message: 'A text answer has at most 500 characters.',
      });
    });

    it('refuses a NUL character', () => {
      expect(answerError(QUESTIONS.SHORT_TEXT, { text: 'Par\u0000is' })).toMatchObject({
        field: 'text',
        message: 'A text answer cannot contain a NUL character.',
      });
    });

    it('takes an empty text as an answer (worth nothing)', () => {
      expect(answer(QUESTIONS.SHORT_TEXT, { text: '' })).toEqual({ text: '' });
    });
  });
});

describe('parseAnswers', () => {
  const quiz = [withId(QUESTIONS.SINGLE_CHOICE, 'q1'), withId(QUESTIONS.ORDERING, 'q2'), withId(QUESTIONS.NUMERIC, 'q3'), withId(QUESTIONS.SHORT_TEXT, 'q4')];
  const invalid = (inputs: AnswerInput[]) => thrown(InvalidAnswersError, () => parseAnswers(quiz, inputs));

  it('returns the checked answers by question id, null for unanswered ones, nothing for ones not sent', () => {
    const answers = parseAnswers(quiz, [
      { questionId: 'q2', order: ['z', 'y', 'x'] },
      { questionId: 'q1', optionIds: ['a'] },
      { questionId: 'q3', ...allNull },
    ]);
    expect([...answers.entries()]).toEqual([
      ['q2', { order: ['z', 'y', 'x'] }],
      ['q1', { optionIds: ['a'] }],
      ['q3', null],
    ]);
    expect(answers.has('q4')).toBe(false);
  });

  it('takes an empty submission', () => {
    expect(parseAnswers(quiz, []).size).toBe(0);
  });

  it('refuses a question that is not part of the quiz, at answers.<i>.questionId', () => {
    const error = invalid([
      { questionId: 'q1', optionIds: ['b'] },
      { questionId: 'q9', text: 'x' },
    ]);
    expect(error).toMatchObject({ field: 'answers.1.questionId', message: 'Question q9 is not part of this quiz.' });
  });

  it('refuses a question answered twice, at the second answer', () => {
    const error = invalid([
      { questionId: 'q1', optionIds: ['b'] },
      { questionId: 'q3', number: 1 },
      { questionId: 'q1', optionIds: ['a'] },
    ]);
    expect(error).toMatchObject({ field: 'answers.2.questionId', message: 'Question q1 is answered twice.' });
  });

  it('refuses a question answered twice even when the first answer was empty', () => {
    expect(invalid([{ questionId: 'q3' }, { questionId: 'q3', number: 3 }]).field).toBe('answers.1.questionId');
  });

  it('puts the field of an answer’s own error under answers.<i>', () => {
    expect(
      invalid([
        { questionId: 'q3', number: 3 },
        { questionId: 'q2', order: ['x', 'y'] },
      ]),
    ).toMatchObject({
      field: 'answers.1.order',
      message: 'An order lists every item of the question exactly once (3 items).',
    });
    expect(invalid([{ questionId: 'q1', optionIds: ['a', 'b'] }]).field).toBe('answers.0.optionIds');
    expect(
      invalid([
        { questionId: 'q4', text: 'x' },
        { questionId: 'q3', number: Number.NaN },
      ]).field,
    ).toBe('answers.1.number');
  });

  it('names the wrong field of a type under answers.<i>', () => {
    expect(invalid([{ questionId: 'q4', number: 75 }])).toMatchObject({
      field: 'answers.0.number',
      message: '`number` does not answer a SHORT_TEXT question: send `text`.',
    });
  });

  it('stops at the first problem, in the order sent', () => {
    expect(invalid([{ questionId: 'q9' }, { questionId: 'q1', order: [] }]).field).toBe('answers.0.questionId');
  });
});
