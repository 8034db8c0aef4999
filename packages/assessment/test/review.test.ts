import { describe, expect, it } from 'vitest';
import { correctAnswerOf, readStoredAnswer, REVIEW_POLICIES, reviewQuestion, type KeyedQuestion, type QuestionShape, type ReviewPolicy } from '../src/index.js';
import { multipleChoice, numeric, ordering, shortText, singleChoice, trueFalse } from './fixtures.js';

const keyed = (shape: QuestionShape, explanation: string | null = 'Because.'): KeyedQuestion => ({
  ...shape,
  id: 'q1',
  position: 1,
  points: 2,
  prompt: 'Prompt',
  explanation,
});

describe('correctAnswerOf', () => {
  it('reads the right answer of every type from its key', () => {
    expect(correctAnswerOf(singleChoice(['b']))).toEqual({ optionIds: ['b'] });
    // The options with a positive weight, in the question's order (not the key's).
    const mc = multipleChoice({ a: -0.5, b: 0.5, c: -0.5, d: 0.5 });
    expect(correctAnswerOf({ ...mc, key: { weights: [...mc.key.weights].reverse() } })).toEqual({ optionIds: ['b', 'd'] });
    expect(correctAnswerOf(trueFalse(false))).toEqual({ boolean: false });
    expect(correctAnswerOf(numeric(3.14, 0.01))).toEqual({ number: 3.14, tolerance: 0.01 });
    expect(correctAnswerOf(shortText(['Paris', 'paris']))).toEqual({ acceptedTexts: ['Paris', 'paris'] });
    expect(correctAnswerOf(ordering(['x', 'y', 'z']))).toEqual({ order: ['x', 'y', 'z'] });
  });
});

describe('reviewQuestion', () => {
  const question = keyed(singleChoice(['b']));
  const scored = { answer: { optionIds: ['a'] }, score: 0, correct: false };
  const review = (policy: ReviewPolicy) => reviewQuestion(question, scored, policy);

  it('shows the player’s own answer alone under SCORE_ONLY', () => {
    expect(review('SCORE_ONLY')).toEqual({ answer: { optionIds: ['a'] }, correct: null, score: null, correctAnswer: null, explanation: null });
  });

  it('adds whether it was right and its points under QUESTION_RESULTS', () => {
    expect(review('QUESTION_RESULTS')).toEqual({ answer: { optionIds: ['a'] }, correct: false, score: 0, correctAnswer: null, explanation: null });
  });

  it('adds the right answer under CORRECT_ANSWERS', () => {
    expect(review('CORRECT_ANSWERS')).toEqual({
      answer: { optionIds: ['a'] },
      correct: false,
      score: 0,
      correctAnswer: { optionIds: ['b'] },
      explanation: null,
    });
  });

  it('adds the explanation under EXPLANATIONS', () => {
    expect(review('EXPLANATIONS')).toMatchObject({ correctAnswer: { optionIds: ['b'] }, explanation: 'Because.' });
    expect(reviewQuestion(keyed(trueFalse(true), null), { answer: null, score: 0, correct: false }, 'EXPLANATIONS').explanation).toBeNull();
  });

  it('each level shows everything the one before did', () => {
    const shown = REVIEW_POLICIES.map((p) => Object.values(review(p)).filter((v) => v !== null).length);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(new Set(shown).size).toBe(REVIEW_POLICIES.length);
  });

  it('keeps a partial score as stored', () => {
    const partial = reviewQuestion(
      keyed(ordering(['a', 'b', 'c'], 'PARTIAL')),
      { answer: { order: ['a', 'c', 'b'] }, score: 0.6667, correct: false },
      'QUESTION_RESULTS',
    );
    expect(partial).toMatchObject({ correct: false, score: 0.6667 });
  });
});

describe('readStoredAnswer', () => {
  it('reads back what each type stores', () => {
    expect(readStoredAnswer(singleChoice(), { optionIds: ['a'] })).toEqual({ optionIds: ['a'] });
    expect(readStoredAnswer(ordering(['a', 'b']), { order: ['b', 'a'] })).toEqual({ order: ['b', 'a'] });
    expect(readStoredAnswer(trueFalse(true), { boolean: false })).toEqual({ boolean: false });
    expect(readStoredAnswer(numeric(1), { number: 0.5 })).toEqual({ number: 0.5 });
    expect(readStoredAnswer(shortText(['x']), { text: 'x' })).toEqual({ text: 'x' });
  });

  it('reads null as unanswered', () => {
    expect(readStoredAnswer(numeric(1), null)).toBeNull();
  });

  it('fails loudly on an answer of another type', () => {
    expect(() => readStoredAnswer(numeric(1), { text: '1' })).toThrow(/NUMERIC/);
    expect(() => readStoredAnswer(singleChoice(), { optionIds: [1] })).toThrow();
  });
});
