import { describe, expect, it } from 'vitest';
import { InvalidAnswerError, percentage, questionFraction, scoreAttempt, type KeyQuestion } from '../src/scoring.js';

const q1: KeyQuestion = { id: 'q1', type: 'SINGLE_CHOICE', points: 10, optionIds: ['a', 'b', 'c'], correctOptionIds: ['b'] };
const q2: KeyQuestion = { id: 'q2', type: 'SINGLE_CHOICE', points: 5, optionIds: ['d', 'e'], correctOptionIds: ['d'] };
const q3: KeyQuestion = { id: 'q3', type: 'SINGLE_CHOICE', points: 3, optionIds: ['f', 'g'], correctOptionIds: ['g'] };
const key = [q1, q2, q3];

/** Runs `fn`, expecting an InvalidAnswerError, and returns it. */
function invalidAnswer(fn: () => unknown): InvalidAnswerError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidAnswerError);
    return error as InvalidAnswerError;
  }
  throw new Error('expected an InvalidAnswerError, but nothing was thrown');
}

describe('questionFraction', () => {
  it('gives 1 for the correct single option', () => {
    expect(questionFraction(q1, ['b'])).toBe(1);
  });

  it('gives 0 for a wrong option', () => {
    expect(questionFraction(q1, ['a'])).toBe(0);
  });

  it('gives 0 when nothing is chosen', () => {
    expect(questionFraction(q1, [])).toBe(0);
  });

  it('gives 0 when more than one option is chosen, even if one is correct', () => {
    expect(questionFraction(q1, ['b', 'a'])).toBe(0);
    expect(questionFraction(q1, ['b', 'b'])).toBe(0);
  });

  it('gives 0 when the key itself has no or several correct options', () => {
    expect(questionFraction({ ...q1, correctOptionIds: [] }, ['b'])).toBe(0);
    expect(questionFraction({ ...q1, correctOptionIds: ['b', 'c'] }, ['b'])).toBe(0);
  });
});

describe('scoreAttempt', () => {
  it('scores correct, wrong and unanswered questions', () => {
    const result = scoreAttempt(key, [
      { questionId: 'q1', optionIds: ['b'] },
      { questionId: 'q2', optionIds: ['e'] },
    ]);
    expect(result).toEqual({
      score: 10,
      maxScore: 18,
      correctCount: 1,
      questionCount: 3,
      questions: [
        { questionId: 'q1', selectedOptionIds: ['b'], score: 10, maxScore: 10, correct: true },
        { questionId: 'q2', selectedOptionIds: ['e'], score: 0, maxScore: 5, correct: false },
        { questionId: 'q3', selectedOptionIds: [], score: 0, maxScore: 3, correct: false },
      ],
    });
  });

  it('sums the points of every correct answer, whatever the order of the answers', () => {
    const result = scoreAttempt(key, [
      { questionId: 'q3', optionIds: ['g'] },
      { questionId: 'q1', optionIds: ['b'] },
      { questionId: 'q2', optionIds: ['d'] },
    ]);
    expect(result.score).toBe(18);
    expect(result.maxScore).toBe(18);
    expect(result.correctCount).toBe(3);
    // Questions are reported in the key's order, not the answers' order.
    expect(result.questions.map((q) => q.questionId)).toEqual(['q1', 'q2', 'q3']);
  });

  it('treats an empty options list as unanswered', () => {
    const result = scoreAttempt(key, [{ questionId: 'q1', optionIds: [] }]);
    expect(result.score).toBe(0);
    expect(result.correctCount).toBe(0);
    expect(result.questions[0]).toEqual({ questionId: 'q1', selectedOptionIds: [], score: 0, maxScore: 10, correct: false });
  });

  it('scores no answers at all as 0 out of the full maximum', () => {
    expect(scoreAttempt(key, [])).toMatchObject({ score: 0, maxScore: 18, correctCount: 0, questionCount: 3 });
  });

  it('has maxScore 0 for a quiz without questions', () => {
    expect(scoreAttempt([], [])).toEqual({ score: 0, maxScore: 0, correctCount: 0, questionCount: 0, questions: [] });
  });

  it('counts a correct 0-point question as correct without adding points', () => {
    const free: KeyQuestion = { ...q2, id: 'free', points: 0 };
    const result = scoreAttempt([q1, free], [{ questionId: 'free', optionIds: ['d'] }]);
    expect(result).toMatchObject({ score: 0, maxScore: 10, correctCount: 1, questionCount: 2 });
  });

  it('rejects an answer to a question not in the quiz, naming its index', () => {
    const error = invalidAnswer(() =>
      scoreAttempt(key, [
        { questionId: 'q1', optionIds: ['b'] },
        { questionId: 'nope', optionIds: ['b'] },
      ]),
    );
    expect(error.field).toBe('answers.1.questionId');
    expect(error.message).toContain('nope');
  });

  it('rejects a question answered twice, naming the second answer', () => {
    const error = invalidAnswer(() =>
      scoreAttempt(key, [
        { questionId: 'q2', optionIds: ['d'] },
        { questionId: 'q1', optionIds: ['a'] },
        { questionId: 'q2', optionIds: ['e'] },
      ]),
    );
    expect(error.field).toBe('answers.2.questionId');
    expect(error.message).toMatch(/twice/);
  });

  it('rejects an option that belongs to another question', () => {
    const error = invalidAnswer(() => scoreAttempt(key, [{ questionId: 'q1', optionIds: ['d'] }]));
    expect(error.field).toBe('answers.0.optionIds');
    expect(error.message).toContain('d');
  });

  it('rejects an unknown option', () => {
    const error = invalidAnswer(() =>
      scoreAttempt(key, [
        { questionId: 'q1', optionIds: ['b'] },
        { questionId: 'q2', optionIds: ['zzz'] },
      ]),
    );
    expect(error.field).toBe('answers.1.optionIds');
  });

  // BUG (subgraphs/results/src/scoring.ts:62): `if (unknown)` tests the found id for truthiness, so an empty-string
  // option id (a valid GraphQL ID) that is not an option of the question slips through and is recorded as selected.
  // Fix: `if (unknown !== undefined)`. Remove `.fails` once fixed.
  it('rejects an empty-string option id that is not an option of the question', () => {
    const error = invalidAnswer(() => scoreAttempt(key, [{ questionId: 'q1', optionIds: [''] }]));
    expect(error.field).toBe('answers.0.optionIds');
  });

  it('rejects the same option chosen twice', () => {
    const error = invalidAnswer(() => scoreAttempt(key, [{ questionId: 'q1', optionIds: ['b', 'b'] }]));
    expect(error.field).toBe('answers.0.optionIds');
    expect(error.message).toBe('An option is chosen twice.');
  });

  it('rejects two different options on a single-choice question', () => {
    const error = invalidAnswer(() => scoreAttempt(key, [{ questionId: 'q1', optionIds: ['a', 'b'] }]));
    expect(error.field).toBe('answers.0.optionIds');
    expect(error.message).toMatch(/single option/);
  });

  it('keeps InvalidAnswerError an Error', () => {
    const error = new InvalidAnswerError('bad', 'answers.0.questionId');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('bad');
    expect(error.field).toBe('answers.0.questionId');
  });
});

describe('percentage', () => {
  it('rounds to two decimals', () => {
    expect(percentage(1, 3)).toBe(33.33);
    expect(percentage(2, 3)).toBe(66.67);
    expect(percentage(1, 8)).toBe(12.5);
  });

  it('gives whole percentages exactly', () => {
    expect(percentage(0, 18)).toBe(0);
    expect(percentage(18, 18)).toBe(100);
    expect(percentage(9, 18)).toBe(50);
  });

  it('gives 0 when the maximum is 0 instead of NaN', () => {
    expect(percentage(0, 0)).toBe(0);
  });
});
