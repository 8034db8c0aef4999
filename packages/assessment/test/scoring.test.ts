import { describe, expect, it } from 'vitest';
import { answerFraction, percentage, roundScore, SCORE_DECIMALS, scoreAttempt, speedFactor, type Answer, type QuestionShape } from '../src/index.js';
import { build, multipleChoice, numeric, ordering, shortText, singleChoice, trueFalse, withId, type ShapeOf } from './fixtures.js';

const choose = (...optionIds: string[]): Answer => ({ optionIds });
const text = (value: string): Answer => ({ text: value });
const number = (value: number): Answer => ({ number: value });

/** Builds a MULTIPLE_CHOICE question from correct flags (derived weights); options are id1, id2, …. */
function derived(correct: readonly boolean[], scoring: 'PARTIAL' | 'ALL_OR_NOTHING' = 'PARTIAL'): ShapeOf<'MULTIPLE_CHOICE'> {
  const { shape } = build({ type: 'MULTIPLE_CHOICE', prompt: 'Q', scoring, options: correct.map((c, i) => ({ label: `${i}`, correct: c })) });
  if (shape.type !== 'MULTIPLE_CHOICE') throw new Error('expected a MULTIPLE_CHOICE question');
  return shape;
}

describe('roundScore', () => {
  it(`keeps ${SCORE_DECIMALS} decimals`, () => {
    expect(SCORE_DECIMALS).toBe(4);
    expect(roundScore(1 / 3)).toBe(0.3333);
    expect(roundScore(2 / 3)).toBe(0.6667);
    expect(roundScore(10 / 3)).toBe(3.3333);
    expect(roundScore(0.00004)).toBe(0);
    expect(roundScore(0.00005)).toBe(0.0001);
  });

  it('removes float drift', () => {
    expect(roundScore(0.1 + 0.2)).toBe(0.3);
    expect(roundScore(0.3333 + 0.6667)).toBe(1);
  });

  it('leaves whole numbers alone', () => {
    expect(roundScore(0)).toBe(0);
    expect(roundScore(100)).toBe(100);
  });
});

describe('answerFraction', () => {
  const ALL: QuestionShape[] = [singleChoice(), multipleChoice({ a: 1, b: -1 }), trueFalse(true), numeric(1), shortText(['x']), ordering(['a', 'b'])];

  it('gives 0 for an unanswered question of any type', () => {
    for (const question of ALL) expect(answerFraction(question, null)).toBe(0);
  });

  it('gives 0 for an answer of the wrong kind', () => {
    expect(answerFraction(singleChoice(), text('b'))).toBe(0);
    expect(answerFraction(multipleChoice({ a: 1, b: -1 }), { order: ['a'] })).toBe(0);
    expect(answerFraction(trueFalse(true), number(1))).toBe(0);
    expect(answerFraction(numeric(1), { boolean: true })).toBe(0);
    expect(answerFraction(shortText(['1']), number(1))).toBe(0);
    expect(answerFraction(ordering(['a', 'b']), choose('a', 'b'))).toBe(0);
  });

  describe('SINGLE_CHOICE', () => {
    const question = singleChoice(['b']);

    it('gives 1 for the correct option and 0 for another', () => {
      expect(answerFraction(question, choose('b'))).toBe(1);
      expect(answerFraction(question, choose('a'))).toBe(0);
    });

    it('gives 0 for no option, and for more than one even if one is right', () => {
      expect(answerFraction(question, choose())).toBe(0);
      expect(answerFraction(question, choose('b', 'a'))).toBe(0);
    });

    it('gives 0 when the key does not have exactly one correct option', () => {
      expect(answerFraction(singleChoice([]), choose('b'))).toBe(0);
      expect(answerFraction(singleChoice(['a', 'b']), choose('b'))).toBe(0);
    });
  });

  describe('TRUE_FALSE', () => {
    it.each([
      [true, true, 1],
      [true, false, 0],
      [false, false, 1],
      [false, true, 0],
    ])('key %s, answer %s: %d', (key, given, fraction) => {
      expect(answerFraction(trueFalse(key), { boolean: given })).toBe(fraction);
    });
  });

  describe('MULTIPLE_CHOICE, ALL_OR_NOTHING', () => {
    const question = derived([true, false, true, false], 'ALL_OR_NOTHING');

    it('gives 1 for exactly the correct set, in any order', () => {
      expect(answerFraction(question, choose('id1', 'id3'))).toBe(1);
      expect(answerFraction(question, choose('id3', 'id1'))).toBe(1);
    });

    it('gives 0 for part of it, more than it, something else, or nothing', () => {
      expect(answerFraction(question, choose('id1'))).toBe(0);
      expect(answerFraction(question, choose('id1', 'id3', 'id2'))).toBe(0);
      expect(answerFraction(question, choose('id2', 'id4'))).toBe(0);
      expect(answerFraction(question, choose('id1', 'id2', 'id3', 'id4'))).toBe(0);
      expect(answerFraction(question, choose())).toBe(0);
    });

    it('takes the correct set from the signs of explicit weights', () => {
      const weighted = multipleChoice({ a: 0.9, b: 0.1, c: -0.1 }, 'ALL_OR_NOTHING');
      expect(answerFraction(weighted, choose('a', 'b'))).toBe(1);
      expect(answerFraction(weighted, choose('a'))).toBe(0);
    });
  });

  describe('MULTIPLE_CHOICE, PARTIAL with derived weights', () => {
    // 2 right (0.5 each), 2 wrong (-0.5 each).
    const twoOfFour = derived([true, true, false, false]);

    it('gives each right option its share', () => {
      expect(answerFraction(twoOfFour, choose('id1'))).toBe(0.5);
      expect(answerFraction(twoOfFour, choose('id2'))).toBe(0.5);
      expect(answerFraction(twoOfFour, choose('id1', 'id2'))).toBe(1);
    });

    it('takes a wrong option’s share away', () => {
      expect(answerFraction(twoOfFour, choose('id1', 'id2', 'id3'))).toBe(0.5);
      expect(answerFraction(twoOfFour, choose('id1', 'id3'))).toBe(0);
    });

    it('never goes below 0: only wrong options earn 0', () => {
      expect(answerFraction(twoOfFour, choose('id3'))).toBe(0);
      expect(answerFraction(twoOfFour, choose('id3', 'id4'))).toBe(0);
      expect(answerFraction(twoOfFour, choose('id1', 'id3', 'id4'))).toBe(0);
    });

    it('gives 0 for no option', () => {
      expect(answerFraction(twoOfFour, choose())).toBe(0);
    });

    it('gives exactly 0 for choosing every option, and exactly 1 for every right one, whatever the mix', () => {
      for (let right = 1; right <= 9; right++) {
        for (let wrong = 1; right + wrong <= 10; wrong++) {
          const question = derived([...Array<boolean>(right).fill(true), ...Array<boolean>(wrong).fill(false)]);
          const every = question.content.options.map((o) => o.id);
          expect(answerFraction(question, choose(...every)), `${right} right, ${wrong} wrong`).toBe(0);
          expect(answerFraction(question, choose(...every.slice(0, right))), `${right} right, ${wrong} wrong`).toBe(1);
        }
      }
    });

    it('adds up thirds to exactly 1 (1/3 + 1/3 + 1/3)', () => {
      const thirds = derived([true, true, true, false]);
      expect(answerFraction(thirds, choose('id1', 'id2', 'id3'))).toBe(1);
      expect(answerFraction(thirds, choose('id1', 'id2'))).toBeCloseTo(2 / 3, 12);
      expect(answerFraction(thirds, choose('id1', 'id2', 'id3', 'id4'))).toBe(0);
    });
  });

  describe('MULTIPLE_CHOICE, PARTIAL with explicit weights', () => {
    const question = multipleChoice({ a: 0.7, b: 0.3, c: -0.2, d: -1 });

    it.each([
      [['a'], 0.7],
      [['b'], 0.3],
      [['a', 'b'], 1],
      [['a', 'c'], 0.5],
      [['a', 'b', 'c'], 0.8],
      [['b', 'd'], 0],
      [['a', 'b', 'd'], 0],
      [['c'], 0],
    ])('choosing %j earns %d', (chosen, fraction) => {
      expect(answerFraction(question, choose(...chosen))).toBeCloseTo(fraction, 12);
    });

    it('counts 0.1 + 0.2 + 0.7 as exactly 1', () => {
      expect(answerFraction(multipleChoice({ a: 0.1, b: 0.2, c: 0.7, d: -1 }), choose('a', 'b', 'c'))).toBe(1);
    });
  });

  describe('NUMERIC', () => {
    it('with a tolerance, passes exactly at value ± tolerance and fails just beyond', () => {
      const question = numeric(10, 0.5);
      expect(answerFraction(question, number(10))).toBe(1);
      expect(answerFraction(question, number(10.5))).toBe(1);
      expect(answerFraction(question, number(9.5))).toBe(1);
      expect(answerFraction(question, number(10.5001))).toBe(0);
      expect(answerFraction(question, number(9.4999))).toBe(0);
    });

    it('with decimal tolerances, passes at the boundary despite binary rounding', () => {
      expect(answerFraction(numeric(0.3, 0.1), number(0.4))).toBe(1);
      expect(answerFraction(numeric(0.3, 0.1), number(0.2))).toBe(1);
      expect(answerFraction(numeric(1, 0.1), number(1.1))).toBe(1);
      expect(answerFraction(numeric(1, 0.1), number(0.9))).toBe(1);
      expect(answerFraction(numeric(1e6, 0.1), number(1000000.1))).toBe(1);
      expect(answerFraction(numeric(1e6, 0.1), number(1000000.2))).toBe(0);
    });

    it('with tolerance 0, accepts float noise (0.1 + 0.2 for 0.3) but nothing more', () => {
      expect(answerFraction(numeric(0.3), number(0.1 + 0.2))).toBe(1);
      expect(answerFraction(numeric(0.1 + 0.2), number(0.3))).toBe(1);
      expect(answerFraction(numeric(1.21), number(1.1 * 1.1))).toBe(1);
      expect(answerFraction(numeric(0.3), number(0.3000001))).toBe(0);
      expect(answerFraction(numeric(10), number(10.000000001))).toBe(0);
      expect(answerFraction(numeric(0), number(0))).toBe(1);
      expect(answerFraction(numeric(0), number(-0))).toBe(1);
      expect(answerFraction(numeric(0), number(1e-12))).toBe(0);
    });

    it('with tolerance 0, refuses an off-by-one large whole number', () => {
      expect(answerFraction(numeric(1_073_741_824), number(1_073_741_824))).toBe(1);
      expect(answerFraction(numeric(1_073_741_824), number(1_073_741_825))).toBe(0);
      expect(answerFraction(numeric(3_155_760_000), number(3_155_759_999))).toBe(0);
      expect(answerFraction(numeric(1e12), number(1e12 + 1))).toBe(0);
      expect(answerFraction(numeric(-1e12), number(-1e12 + 1))).toBe(0);
    });

    it('with tolerance 0, refuses a wrong tiny value (0 for 1.602e-19)', () => {
      expect(answerFraction(numeric(1.602e-19), number(1.602e-19))).toBe(1);
      expect(answerFraction(numeric(1.602e-19), number(0))).toBe(0);
      expect(answerFraction(numeric(1.602e-19), number(1.603e-19))).toBe(0);
      expect(answerFraction(numeric(1.602e-19, 1e-21), number(1.612e-19))).toBe(1);
    });

    it('handles negative values', () => {
      const question = numeric(-5, 1);
      expect(answerFraction(question, number(-4))).toBe(1);
      expect(answerFraction(question, number(-6))).toBe(1);
      expect(answerFraction(question, number(-6.01))).toBe(0);
      expect(answerFraction(question, number(-3.99))).toBe(0);
      expect(answerFraction(question, number(5))).toBe(0);
      expect(answerFraction(numeric(-273.15, 0.5), number(-273.65))).toBe(1);
      expect(answerFraction(numeric(-273.15, 0.5), number(-272.65))).toBe(1);
    });

    it('accepts every decimal boundary and refuses one last-digit step beyond it (deterministic sweep)', () => {
      // Values and tolerances with up to 13 significant digits, written in decimal as authors and players do.
      let seed = 12345;
      const next = (below: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % below;
      };
      for (let run = 0; run < 5000; run++) {
        const decimals = next(7);
        const v = (next(2) ? -1 : 1) * next(10 ** (13 - decimals));
        const t = next(4) === 0 ? 0 : next(10 ** Math.min(7, 13 - decimals));
        const sign = next(2) ? -1 : 1;
        const at = (units: number) => Number(`${units}e-${decimals}`);
        const question = numeric(at(v), at(t));
        const label = `value ${at(v)}, tolerance ${at(t)}`;
        expect(answerFraction(question, number(at(v + sign * t))), `${label}, answer ${at(v + sign * t)}`).toBe(1);
        expect(answerFraction(question, number(at(v + sign * (t + 1)))), `${label}, answer ${at(v + sign * (t + 1))}`).toBe(0);
      }
    });
  });

  describe('SHORT_TEXT', () => {
    it('matches an accepted answer, whichever of them', () => {
      const question = shortText(['Paris', 'Lutetia']);
      expect(answerFraction(question, text('Paris'))).toBe(1);
      expect(answerFraction(question, text('Lutetia'))).toBe(1);
      expect(answerFraction(question, text('Lyon'))).toBe(0);
      expect(answerFraction(question, text('Pari'))).toBe(0);
    });

    it('compares in Unicode NFC: a precomposed é matches e + combining accent, both ways', () => {
      expect(answerFraction(shortText(['caf\u00e9']), text('cafe\u0301'))).toBe(1);
      expect(answerFraction(shortText(['cafe\u0301']), text('caf\u00e9'))).toBe(1);
      expect(answerFraction(shortText(['caf\u00e9'], true), text('cafe\u0301'))).toBe(1);
      expect(answerFraction(shortText(['cafe']), text('caf\u00e9'))).toBe(0);
    });

    it('ignores case by default, also beyond ASCII', () => {
      expect(answerFraction(shortText(['Paris']), text('PARIS'))).toBe(1);
      expect(answerFraction(shortText(['Paris']), text('paris'))).toBe(1);
      expect(answerFraction(shortText(['école']), text('E\u0301COLE'))).toBe(1);
      expect(answerFraction(shortText(['Straße']), text('STRASSE'))).toBe(0);
    });

    it('respects case when the question is case sensitive', () => {
      const question = shortText(['NaCl'], true);
      expect(answerFraction(question, text('NaCl'))).toBe(1);
      expect(answerFraction(question, text('nacl'))).toBe(0);
      expect(answerFraction(question, text('NACL'))).toBe(0);
      expect(answerFraction(question, text('  NaCl '))).toBe(1);
    });

    it('trims and collapses inner white space on both sides', () => {
      expect(answerFraction(shortText(['New York']), text('  new   york\t'))).toBe(1);
      expect(answerFraction(shortText(['New York']), text('New\n\tYork'))).toBe(1);
      expect(answerFraction(shortText(['New   York']), text('New York'))).toBe(1);
      expect(answerFraction(shortText(['New York']), text('NewYork'))).toBe(0);
    });

    it('gives 0 for an empty or blank answer', () => {
      expect(answerFraction(shortText(['x']), text(''))).toBe(0);
      expect(answerFraction(shortText(['x']), text(' \t\n '))).toBe(0);
      // Even against a blank accepted answer (keyProblems stops such a key from being published).
      expect(answerFraction(shortText(['  ']), text(''))).toBe(0);
    });
  });

  describe('ORDERING', () => {
    it('ALL_OR_NOTHING: 1 for the right order only', () => {
      const question = ordering(['a', 'b', 'c']);
      expect(answerFraction(question, { order: ['a', 'b', 'c'] })).toBe(1);
      expect(answerFraction(question, { order: ['a', 'c', 'b'] })).toBe(0);
      expect(answerFraction(question, { order: ['c', 'b', 'a'] })).toBe(0);
    });

    it('ALL_OR_NOTHING with 2 items', () => {
      const question = ordering(['a', 'b']);
      expect(answerFraction(question, { order: ['a', 'b'] })).toBe(1);
      expect(answerFraction(question, { order: ['b', 'a'] })).toBe(0);
    });

    it.each([
      [['a', 'b', 'c'], 1],
      [['a', 'c', 'b'], 1 / 3],
      [['c', 'b', 'a'], 1 / 3],
      [['b', 'c', 'a'], 0],
      [['c', 'a', 'b'], 0],
    ])('PARTIAL: %j earns the fraction of items in place, %d', (order, fraction) => {
      expect(answerFraction(ordering(['a', 'b', 'c'], 'PARTIAL'), { order })).toBe(fraction);
    });

    it('PARTIAL: 2 of 4 in place is a half', () => {
      expect(answerFraction(ordering(['a', 'b', 'c', 'd'], 'PARTIAL'), { order: ['a', 'b', 'd', 'c'] })).toBe(0.5);
    });

    it('PARTIAL: an empty key earns nothing', () => {
      expect(answerFraction(ordering([], 'PARTIAL'), { order: [] })).toBe(0);
    });
  });
});

describe('speedFactor', () => {
  it.each([
    [0, 1000, 1],
    [250, 1000, 0.875],
    [500, 1000, 0.75],
    [1000, 1000, 0.5],
    [5000, 1000, 0.5],
    [-100, 1000, 1],
  ])('%d ms of %d ms: %d', (taken, limit, factor) => {
    expect(speedFactor(taken, limit)).toBe(factor);
  });

  it('is 1 without a positive time limit', () => {
    expect(speedFactor(500, 0)).toBe(1);
    expect(speedFactor(500, -1)).toBe(1);
    expect(speedFactor(500, Number.NaN)).toBe(1);
  });
});

describe('scoreAttempt', () => {
  const quiz = [
    withId(singleChoice(['b']), 'single', 2),
    withId(multipleChoice({ a: 0.5, b: 0.5, c: -1 }), 'multiple', 4),
    withId(trueFalse(false), 'truefalse', 1),
    withId(numeric(42, 0), 'numeric', 3),
    withId(shortText(['Paris']), 'text', 5),
    withId(ordering(['x', 'y', 'z'], 'PARTIAL'), 'ordering', 1),
  ];
  const answers = (entries: Record<string, Answer | null>) => new Map(Object.entries(entries));
  const allRight = answers({
    single: choose('b'),
    multiple: choose('a', 'b'),
    truefalse: { boolean: false },
    numeric: number(42),
    text: text('paris'),
    ordering: { order: ['x', 'y', 'z'] },
  });

  it('scores an all-right attempt in full', () => {
    expect(scoreAttempt(quiz, allRight)).toMatchObject({ score: 16, maxScore: 16, correctCount: 6, questionCount: 6 });
  });

  it('scores an empty attempt 0, with every question unanswered', () => {
    const scored = scoreAttempt(quiz, new Map());
    expect(scored).toMatchObject({ score: 0, maxScore: 16, correctCount: 0, questionCount: 6 });
    for (const q of scored.questions) expect(q).toMatchObject({ answer: null, fraction: 0, score: 0, correct: false });
  });

  it('treats a null answer like a missing one', () => {
    const scored = scoreAttempt(quiz, answers({ single: null, truefalse: { boolean: false } }));
    expect(scored.questions[0]).toMatchObject({ questionId: 'single', answer: null, score: 0 });
    expect(scored.score).toBe(1);
  });

  it('scores an all-wrong attempt 0', () => {
    const scored = scoreAttempt(
      quiz,
      answers({
        single: choose('a'),
        multiple: choose('c'),
        truefalse: { boolean: true },
        numeric: number(41),
        text: text('Lyon'),
        ordering: { order: ['y', 'z', 'x'] },
      }),
    );
    expect(scored).toMatchObject({ score: 0, maxScore: 16, correctCount: 0 });
  });

  it('lists every question in quiz order with its answer, fraction, score and max', () => {
    const scored = scoreAttempt(quiz, answers({ multiple: choose('a'), ordering: { order: ['x', 'z', 'y'] }, single: choose('b') }));
    expect(scored.questions.map((q) => q.questionId)).toEqual(['single', 'multiple', 'truefalse', 'numeric', 'text', 'ordering']);
    expect(scored.questions[0]).toStrictEqual({ questionId: 'single', answer: choose('b'), fraction: 1, score: 2, maxScore: 2, correct: true });
    expect(scored.questions[1]).toStrictEqual({ questionId: 'multiple', answer: choose('a'), fraction: 0.5, score: 2, maxScore: 4, correct: false });
    expect(scored.questions[5]).toMatchObject({ fraction: 1 / 3, score: 0.3333, maxScore: 1, correct: false });
  });

  it('counts only fully right questions as correct', () => {
    const scored = scoreAttempt(quiz, answers({ single: choose('b'), multiple: choose('a'), ordering: { order: ['x', 'z', 'y'] } }));
    expect(scored.correctCount).toBe(1);
    expect(scored.score).toBe(4.3333);
  });

  it('keeps fractions of points to 4 decimals, per question and in total', () => {
    const thirds = [1, 2, 3].map((n) => withId(ordering(['a', 'b', 'c'], 'PARTIAL'), `o${n}`, n));
    const oneInPlace = { order: ['a', 'c', 'b'] };
    const scored = scoreAttempt(thirds, answers({ o1: oneInPlace, o2: oneInPlace, o3: oneInPlace }));
    expect(scored.questions.map((q) => q.score)).toEqual([0.3333, 0.6667, 1]);
    expect(scored.score).toBe(2);
    expect(scored.maxScore).toBe(6);
  });

  it('adds rounded question scores without float drift', () => {
    const tenths = Array.from({ length: 10 }, (_, i) => withId(multipleChoice({ a: 0.1, b: 0.9, c: -1 }), `m${i}`, 1));
    const scored = scoreAttempt(tenths, new Map(tenths.map((q) => [q.id, choose('a')])));
    expect(scored.score).toBe(1);
  });

  it('sums maxScore over every question, answered or not', () => {
    expect(scoreAttempt(quiz, new Map()).maxScore).toBe(2 + 4 + 1 + 3 + 5 + 1);
    expect(scoreAttempt([], new Map())).toStrictEqual({ score: 0, maxScore: 0, correctCount: 0, questionCount: 0, questions: [] });
  });

  it('ignores answers to questions not in the list', () => {
    expect(scoreAttempt(quiz, answers({ other: choose('b') })).score).toBe(0);
  });

  describe('SPEED policy', () => {
    const speed = (timeTakenMs: number, timeLimitMs: number | null = 60_000) => scoreAttempt(quiz, allRight, { policy: 'SPEED', timeTakenMs, timeLimitMs });

    it('gives all points at time 0', () => {
      expect(speed(0).score).toBe(16);
    });

    it('gives three quarters of the points at half time', () => {
      expect(speed(30_000).score).toBe(12);
    });

    it('gives half the points at and after the limit', () => {
      expect(speed(60_000).score).toBe(8);
      expect(speed(120_000).score).toBe(8);
    });

    it('scales partial credit too, keeping fractions and correctness as they are', () => {
      const scored = scoreAttempt(quiz, answers({ ordering: { order: ['x', 'z', 'y'] }, single: choose('b') }), {
        policy: 'SPEED',
        timeTakenMs: 30_000,
        timeLimitMs: 60_000,
      });
      expect(scored.questions[0]).toMatchObject({ fraction: 1, score: 1.5, maxScore: 2, correct: true });
      expect(scored.questions[5]).toMatchObject({ fraction: 1 / 3, score: 0.25, maxScore: 1, correct: false });
      expect(scored).toMatchObject({ score: 1.75, maxScore: 16, correctCount: 1 });
    });

    it('gives all points without a time limit, or without a time taken', () => {
      expect(speed(999_999, null).score).toBe(16);
      expect(scoreAttempt(quiz, allRight, { policy: 'SPEED', timeLimitMs: 60_000 }).score).toBe(16);
    });

    it('is ignored under CORRECTNESS, the default', () => {
      expect(scoreAttempt(quiz, allRight, { policy: 'CORRECTNESS', timeTakenMs: 60_000, timeLimitMs: 60_000 }).score).toBe(16);
      expect(scoreAttempt(quiz, allRight).score).toBe(16);
    });

    it('rounds sped-up fractions to 4 decimals', () => {
      const one = [withId(singleChoice(['b']), 'q', 1)];
      expect(scoreAttempt(one, answers({ q: choose('b') }), { policy: 'SPEED', timeTakenMs: 1, timeLimitMs: 3 }).score).toBe(0.8333);
    });
  });
});

describe('percentage', () => {
  it.each([
    [0, 0, 0],
    [0, 10, 0],
    [10, 10, 100],
    [7.5, 10, 75],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [0.3333, 1, 33.33],
    [1, 8, 12.5],
  ])('%d of %d is %d%', (score, max, expected) => {
    expect(percentage(score, max)).toBe(expected);
  });
});
