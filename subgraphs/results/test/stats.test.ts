import { describe, expect, it } from 'vitest';
import type { KeyedQuestion } from '@quizgraph/assessment';
import { chosenOptions, pearson, percentageBucket, questionFraction, questionStatsView, quizStatsView, restFraction, userStatsView } from '../src/stats.js';

/** Running sums of pairs, as QuestionStats keeps them. */
const sums = (pairs: Array<[number, number]>) =>
  pairs.reduce((s, [x, y]) => ({ n: s.n + 1, sumX: s.sumX + x, sumY: s.sumY + y, sumXX: s.sumXX + x * x, sumYY: s.sumYY + y * y, sumXY: s.sumXY + x * y }), {
    n: 0,
    sumX: 0,
    sumY: 0,
    sumXX: 0,
    sumYY: 0,
    sumXY: 0,
  });

describe('item analysis', () => {
  it('correlates a question with the rest of the attempt (Pearson r)', () => {
    expect(
      pearson(
        sums([
          [1, 1],
          [0, 0],
          [1, 0.5],
          [0, 0.5],
        ]),
      ),
    ).toBe(Math.round(Math.SQRT1_2 * 10_000) / 10_000);
    expect(
      pearson(
        sums([
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toBe(-1);
    expect(
      pearson(
        sums([
          [0, 0.2],
          [0.5, 0.5],
          [1, 0.8],
        ]),
      ),
    ).toBe(1);
  });

  it('has no discrimination before two first attempts, or when either side never varies', () => {
    expect(pearson(sums([]))).toBeNull();
    expect(pearson(sums([[1, 0.3]]))).toBeNull();
    expect(
      pearson(
        sums([
          [1, 0.3],
          [1, 0.9],
        ]),
      ),
    ).toBeNull();
    expect(
      pearson(
        sums([
          [0, 0.5],
          [1, 0.5],
        ]),
      ),
    ).toBeNull();
    // Float noise in the sums is not variance: 0.1 three times.
    expect(
      pearson(
        sums([
          [0.1, 0.2],
          [0.1, 0.7],
          [0.1, 0.4],
        ]),
      ),
    ).toBeNull();
  });

  it('takes a question’s share of its points, and of the rest of the attempt', () => {
    expect(questionFraction({ score: 0.6667, maxScore: 2, correct: false })).toBeCloseTo(0.33335);
    expect(questionFraction({ score: 0, maxScore: 0, correct: true })).toBe(1);
    expect(restFraction({ score: 4, maxScore: 6 }, { score: 1, maxScore: 2 })).toBe(0.75);
    expect(restFraction({ score: 1, maxScore: 1 }, { score: 1, maxScore: 1 })).toBe(0);
  });

  it('counts each chosen option once, and the item put first for ORDERING', () => {
    expect(
      chosenOptions([
        { questionId: 'b', answer: { optionIds: ['x', 'y'] }, fraction: 0, score: 0, maxScore: 1, correct: false },
        { questionId: 'a', answer: { order: ['i2', 'i1', 'i3'] }, fraction: 0, score: 0, maxScore: 1, correct: false },
        { questionId: 'c', answer: { number: 4 }, fraction: 0, score: 0, maxScore: 1, correct: false },
        { questionId: 'd', answer: null, fraction: 0, score: 0, maxScore: 1, correct: false },
      ]),
    ).toEqual([
      { questionId: 'a', optionId: 'i2' },
      { questionId: 'b', optionId: 'x' },
      { questionId: 'b', optionId: 'y' },
    ]);
  });

  it('lists every option of the question with its count, and the facility index', () => {
    const question = {
      id: 'q',
      position: 2,
      prompt: '?',
      explanation: null,
      type: 'SINGLE_CHOICE',
      points: 1,
      content: {
        options: [
          { id: 'o1', label: '1' },
          { id: 'o2', label: '2' },
        ],
      },
      key: { correctOptionIds: ['o1'] },
    } as KeyedQuestion;
    expect(
      questionStatsView(question, {
        questionId: 'q',
        answered: 4,
        fractionSum: 3,
        choices: { o1: 3 },
        ...sums([
          [1, 1],
          [0, 0],
        ]),
      }),
    ).toEqual({
      questionId: 'q',
      position: 2,
      answered: 4,
      facilityIndex: 0.75,
      discriminationIndex: 1,
      options: [
        { optionId: 'o1', count: 3 },
        { optionId: 'o2', count: 0 },
      ],
    });
    expect(questionStatsView(question, undefined)).toMatchObject({ answered: 0, facilityIndex: null, discriminationIndex: null });
  });
});

describe('quiz and player statistics', () => {
  it('buckets percentages by tenths exactly, 100 % in the last', () => {
    expect(percentageBucket(0, 10)).toBe(0);
    expect(percentageBucket(0.9999, 10)).toBe(0);
    expect(percentageBucket(1, 10)).toBe(1);
    expect(percentageBucket(0.3, 1)).toBe(3);
    expect(percentageBucket(0.57, 1)).toBe(5);
    expect(percentageBucket(2, 3)).toBe(6);
    expect(percentageBucket(10, 10)).toBe(9);
    expect(percentageBucket(0, 0)).toBe(0);
  });

  it('averages from the sums and fills the distribution', () => {
    const view = quizStatsView('q', { quizId: 'q', attempts: 3, players: 2, percentageSum: 200.01, buckets: [1, 0, 0, 0, 0, 0, 1, 0, 0, 1] });
    expect(view).toMatchObject({ attempts: 3, players: 2, averagePercentage: 66.67 });
    expect(view.scoreDistribution[9]).toEqual({ fromPercentage: 90, toPercentage: 100, count: 1 });
    expect(quizStatsView('q', undefined)).toMatchObject({ attempts: 0, players: 0, averagePercentage: null });
  });

  it('reads a player’s streak with the clock and their rank from the global board', () => {
    const record = { userId: 'u', attempts: 4, quizzesCompleted: 2, percentageSum: 250, bestPercentage: 100, lastActiveDay: '2024-02-29', run: 3, longest: 5 };
    expect(userStatsView(record, { score: 12.5, rank: 7 }, new Date('2024-03-01T12:00:00Z'))).toEqual({
      attempts: 4,
      quizzesCompleted: 2,
      totalScore: 12.5,
      averagePercentage: 62.5,
      bestPercentage: 100,
      currentStreakDays: 3,
      longestStreakDays: 5,
      rank: 7,
    });
    expect(userStatsView(record, null, new Date('2024-03-02T00:00:00Z'))).toMatchObject({ currentStreakDays: 0, rank: null, totalScore: 0 });
    expect(userStatsView(undefined, null, new Date())).toMatchObject({ attempts: 0, averagePercentage: null, bestPercentage: null });
  });
});
