import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  answerFraction,
  buildQuestion,
  keyProblems,
  QUESTION_TYPES,
  questionDraftSchema,
  readQuestionContent,
  readQuestionShape,
  toDraft,
  type BuiltQuestion,
  type QuestionShape,
} from '../src/index.js';
import { build, FULL_DRAFTS, ids, multipleChoice, numeric, ordering, parseDraft, shortText, singleChoice, trueFalse, type ShapeOf } from './fixtures.js';

/** Narrows a built question's shape to the expected type (and fails the test otherwise). */
function shapeOf<T extends QuestionShape['type']>(question: BuiltQuestion, type: T): ShapeOf<T> {
  expect(question.shape.type).toBe(type);
  return question.shape as ShapeOf<T>;
}

/** A MULTIPLE_CHOICE draft from `correct` flags, e.g. [true, true, false]. */
const mcDraft = (correct: readonly boolean[], scoring = 'PARTIAL') => ({
  type: 'MULTIPLE_CHOICE',
  prompt: 'Q',
  scoring,
  options: correct.map((c, i) => ({ label: `Option ${i + 1}`, correct: c })),
});

const weightsOf = (shape: ShapeOf<'MULTIPLE_CHOICE'>) => shape.key.weights.map((w) => w.weight);

describe('buildQuestion', () => {
  it('copies prompt, points and explanation', () => {
    const built = build(FULL_DRAFTS.SINGLE_CHOICE);
    expect(built).toMatchObject({ prompt: 'Which is the capital of France?', points: 2, explanation: 'Paris has been the capital since 508.' });
  });

  it('gives every option a fresh id from newId, in order', () => {
    const first = build(FULL_DRAFTS.SINGLE_CHOICE, ids('x'));
    const second = build(FULL_DRAFTS.SINGLE_CHOICE, ids('y'));
    expect(shapeOf(first, 'SINGLE_CHOICE').content.options.map((o) => o.id)).toEqual(['x1', 'x2', 'x3']);
    expect(shapeOf(second, 'SINGLE_CHOICE').content.options.map((o) => o.id)).toEqual(['y1', 'y2', 'y3']);
  });

  it('gives unique ids to options and items (random ids)', () => {
    for (const type of ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'ORDERING'] as const) {
      const { shape } = build(FULL_DRAFTS[type], randomUUID);
      const listed = shape.type === 'ORDERING' ? shape.content.items : 'options' in shape.content ? shape.content.options : [];
      expect(new Set(listed.map((o) => o.id)).size).toBe(listed.length);
    }
  });

  describe('SINGLE_CHOICE', () => {
    it('keys the correct option’s id; content has ids and labels only', () => {
      const shape = shapeOf(build(FULL_DRAFTS.SINGLE_CHOICE), 'SINGLE_CHOICE');
      expect(shape.content).toStrictEqual({
        options: [
          { id: 'id1', label: 'Lyon' },
          { id: 'id2', label: 'Paris' },
          { id: 'id3', label: 'Nice' },
        ],
      });
      expect(shape.key).toStrictEqual({ correctOptionIds: ['id2'] });
    });

    it('treats an option without `correct` as wrong', () => {
      const shape = shapeOf(build({ prompt: 'Q', options: [{ label: 'A' }, { label: 'B', correct: true }] }), 'SINGLE_CHOICE');
      expect(shape.key.correctOptionIds).toEqual(['id2']);
    });

    it('keys every option marked correct (keyProblems refuses more than one at publishing)', () => {
      const shape = shapeOf(
        build({
          prompt: 'Q',
          options: [
            { label: 'A', correct: true },
            { label: 'B', correct: true },
          ],
        }),
        'SINGLE_CHOICE',
      );
      expect(shape.key.correctOptionIds).toEqual(['id1', 'id2']);
    });
  });

  describe('MULTIPLE_CHOICE', () => {
    it('derives weights: the correct options share 1, the wrong ones share -1', () => {
      const shape = shapeOf(build(mcDraft([true, false, true, false, false])), 'MULTIPLE_CHOICE');
      expect(shape.key.weights).toEqual([
        { optionId: 'id1', weight: 0.5 },
        { optionId: 'id2', weight: -1 / 3 },
        { optionId: 'id3', weight: 0.5 },
        { optionId: 'id4', weight: -1 / 3 },
        { optionId: 'id5', weight: -1 / 3 },
      ]);
    });

    it.each([
      [
        [true, true, true],
        [1 / 3, 1 / 3, 1 / 3],
      ],
      [
        [true, false],
        [1, -1],
      ],
      [
        [false, false],
        [-0.5, -0.5],
      ],
      [
        [true, true, true, false],
        [1 / 3, 1 / 3, 1 / 3, -1],
      ],
    ])('derives weights for %j', (correct, weights) => {
      expect(weightsOf(shapeOf(build(mcDraft(correct)), 'MULTIPLE_CHOICE'))).toEqual(weights);
    });

    it('keeps the author’s weights as given', () => {
      const draft = { type: 'MULTIPLE_CHOICE', prompt: 'Q', scoring: 'PARTIAL', options: [0.7, -0.2, 0.3, -1].map((weight, i) => ({ label: `${i}`, weight })) };
      expect(weightsOf(shapeOf(build(draft), 'MULTIPLE_CHOICE'))).toEqual([0.7, -0.2, 0.3, -1]);
    });

    it('puts the scoring and option labels, but no weight, in the content', () => {
      const shape = shapeOf(build(mcDraft([true, false], 'ALL_OR_NOTHING')), 'MULTIPLE_CHOICE');
      expect(shape.content).toStrictEqual({
        options: [
          { id: 'id1', label: 'Option 1' },
          { id: 'id2', label: 'Option 2' },
        ],
        scoring: 'ALL_OR_NOTHING',
      });
    });
  });

  it('TRUE_FALSE keys the answer', () => {
    const shape = shapeOf(build(FULL_DRAFTS.TRUE_FALSE), 'TRUE_FALSE');
    expect(shape).toStrictEqual({ type: 'TRUE_FALSE', content: {}, key: { correctAnswer: false } });
  });

  it('NUMERIC keys the value and tolerance', () => {
    expect(build(FULL_DRAFTS.NUMERIC).shape).toStrictEqual({ type: 'NUMERIC', content: {}, key: { value: -273.15, tolerance: 0.5 } });
  });

  describe('SHORT_TEXT', () => {
    it('keys the accepted answers and case sensitivity', () => {
      expect(build(FULL_DRAFTS.SHORT_TEXT).shape).toStrictEqual({
        type: 'SHORT_TEXT',
        content: {},
        key: { acceptedAnswers: ['Lutetia', 'Lutèce'], caseSensitive: true },
      });
    });

    it('drops duplicate accepted answers (after trimming and NFC), keeping the first of each', () => {
      const shape = shapeOf(
        build({ type: 'SHORT_TEXT', prompt: 'Q', acceptedAnswers: ['Paris', ' Paris ', 'paris', 'Lute\u0300ce', 'Lut\u00e8ce', 'Paris'] }),
        'SHORT_TEXT',
      );
      expect(shape.key.acceptedAnswers).toEqual(['Paris', 'paris', 'Lut\u00e8ce']);
    });
  });

  describe('ORDERING', () => {
    const orderingDraft = (n: number, scoring = 'ALL_OR_NOTHING') => ({
      type: 'ORDERING',
      prompt: 'Q',
      scoring,
      items: Array.from({ length: n }, (_, i) => `Item ${i + 1}`),
    });

    it('keys the item ids in the author’s order, and shows the same items with the same labels', () => {
      const shape = shapeOf(build(orderingDraft(4, 'PARTIAL')), 'ORDERING');
      expect(shape.key.order).toEqual(['id1', 'id2', 'id3', 'id4']);
      expect(shape.content.scoring).toBe('PARTIAL');
      const labelOf = new Map(shape.content.items.map((i) => [i.id, i.label]));
      expect(shape.key.order.map((id) => labelOf.get(id))).toEqual(['Item 1', 'Item 2', 'Item 3', 'Item 4']);
      expect(shape.content.items).toHaveLength(4);
    });

    it('never shows the items in their right order, over many random builds of 2 to 10 items', () => {
      for (let n = 2; n <= 10; n++) {
        for (let run = 0; run < 300; run++) {
          const shape = shapeOf(build(orderingDraft(n), randomUUID), 'ORDERING');
          const shown = shape.content.items.map((i) => i.id);
          expect(shown).not.toEqual(shape.key.order);
          expect([...shown].sort()).toEqual([...shape.key.order].sort());
        }
      }
    });

    it('a player who submits the shown order earns nothing under ALL_OR_NOTHING', () => {
      for (let run = 0; run < 200; run++) {
        const shape = shapeOf(build(orderingDraft(2 + (run % 9)), randomUUID), 'ORDERING');
        expect(answerFraction(shape, { order: shape.content.items.map((i) => i.id) })).toBe(0);
      }
    });

    it('reorders even when ids happen to sort in the right order', () => {
      // ids1 < ids2 < ids3: sorting by id gives the right order, so it must be rotated.
      expect(shapeOf(build(orderingDraft(2), ids('k')), 'ORDERING').content.items.map((i) => i.id)).toEqual(['k2', 'k1']);
      expect(shapeOf(build(orderingDraft(3), ids('k')), 'ORDERING').content.items.map((i) => i.id)).toEqual(['k2', 'k3', 'k1']);
    });

    it('shows the items sorted by id when that is not the right order', () => {
      const descending = ['c', 'b', 'a'][Symbol.iterator]();
      const shape = shapeOf(
        build(orderingDraft(3), () => descending.next().value ?? 'never'),
        'ORDERING',
      );
      expect(shape.key.order).toEqual(['c', 'b', 'a']);
      expect(shape.content.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    });
  });
});

describe('toDraft', () => {
  it.each(['SINGLE_CHOICE', 'TRUE_FALSE', 'NUMERIC', 'SHORT_TEXT', 'ORDERING'] as const)('returns the parsed draft a %s question was built from', (type) => {
    const draft = parseDraft(FULL_DRAFTS[type]);
    expect(toDraft(buildQuestion(draft, randomUUID))).toStrictEqual(draft);
  });

  it('returns a MULTIPLE_CHOICE question’s draft with explicit weights', () => {
    const draft = parseDraft(FULL_DRAFTS.MULTIPLE_CHOICE);
    const back = toDraft(buildQuestion(draft, ids()));
    expect(back).toStrictEqual({
      ...draft,
      options: [
        { label: '2', correct: true, weight: 1 / 3 },
        { label: '4', correct: false, weight: -0.5 },
        { label: '3', correct: true, weight: 1 / 3 },
        { label: '9', correct: false, weight: -0.5 },
        { label: '5', correct: true, weight: 1 / 3 },
      ],
    });
  });

  it.each(['PARTIAL', 'ALL_OR_NOTHING'])('a MULTIPLE_CHOICE (%s) question rebuilt from its draft scores the same', (scoring) => {
    const draft = parseDraft({ ...FULL_DRAFTS.MULTIPLE_CHOICE, scoring });
    const built = buildQuestion(draft, ids('a'));
    const first = shapeOf(built, 'MULTIPLE_CHOICE');
    const again = shapeOf(buildQuestion(questionDraftSchema.parse(toDraft(built)), ids('b')), 'MULTIPLE_CHOICE');
    expect(weightsOf(again)).toEqual(weightsOf(first));
    expect(again.content.scoring).toBe(first.content.scoring);
    // Every subset of the 5 options earns the same fraction of the points.
    for (let mask = 0; mask < 2 ** 5; mask++) {
      const pick = (prefix: string) => ({ optionIds: [1, 2, 3, 4, 5].filter((n) => mask & (1 << (n - 1))).map((n) => `${prefix}${n}`) });
      expect(answerFraction(again, pick('b'))).toBe(answerFraction(first, pick('a')));
    }
  });

  it('keeps author weights through a round trip', () => {
    const draft = parseDraft({
      type: 'MULTIPLE_CHOICE',
      prompt: 'Q',
      scoring: 'PARTIAL',
      options: [0.7, -0.2, 0.3, -1].map((weight, i) => ({ label: `${i}`, weight })),
    });
    const back = toDraft(buildQuestion(draft, ids()));
    expect(back).toMatchObject({ options: [0.7, -0.2, 0.3, -1].map((weight) => ({ weight, correct: weight > 0 })) });
  });

  it('gives `correct: false` to SINGLE_CHOICE options that left it out, which builds the same key', () => {
    const draft = parseDraft({ prompt: 'Q', options: [{ label: 'A' }, { label: 'B', correct: true }] });
    const back = toDraft(buildQuestion(draft, ids()));
    expect(back).toMatchObject({
      options: [
        { label: 'A', correct: false },
        { label: 'B', correct: true },
      ],
    });
    expect(buildQuestion(back, ids()).shape).toStrictEqual(buildQuestion(draft, ids()).shape);
  });

  it.each(QUESTION_TYPES)('a %s draft from toDraft parses to itself', (type) => {
    const back = toDraft(build(FULL_DRAFTS[type], randomUUID));
    expect(questionDraftSchema.parse(back)).toStrictEqual(back);
  });

  it('returns the ORDERING items in their right order, not the shown one', () => {
    const built = build(FULL_DRAFTS.ORDERING, randomUUID);
    expect(toDraft(built)).toMatchObject({ items: ['Mercury', 'Mars', 'Earth', 'Jupiter'] });
  });
});

describe('keyProblems', () => {
  it.each(QUESTION_TYPES)('finds none in a well-formed %s question', (type) => {
    expect(keyProblems(build(FULL_DRAFTS[type]).shape)).toEqual([]);
  });

  describe('SINGLE_CHOICE', () => {
    it('needs exactly one correct option', () => {
      expect(keyProblems(singleChoice(['b']))).toEqual([]);
      expect(keyProblems(singleChoice([]))).toEqual(['needs exactly one correct option (it has 0).']);
      expect(keyProblems(singleChoice(['a', 'b']))).toEqual(['needs exactly one correct option (it has 2).']);
    });

    it('does not count a correct id that is not an option', () => {
      expect(keyProblems(singleChoice(['zz']))).toEqual(['needs exactly one correct option (it has 0).']);
      expect(keyProblems(singleChoice(['a', 'zz']))).toEqual([]);
    });

    it('needs at least 2 options', () => {
      expect(keyProblems(singleChoice(['a'], ['a']))).toEqual(['needs at least 2 options.']);
    });

    it('is what a draft without a correct option builds into', () => {
      expect(keyProblems(build({ prompt: 'Q', options: [{ label: 'A' }, { label: 'B' }] }).shape)).toEqual(['needs exactly one correct option (it has 0).']);
    });
  });

  describe('MULTIPLE_CHOICE', () => {
    it.each(['PARTIAL', 'ALL_OR_NOTHING'] as const)('%s needs at least one correct option', (scoring) => {
      expect(keyProblems(multipleChoice({ a: -0.5, b: -0.5 }, scoring))).toEqual(['needs at least one correct option.']);
      expect(keyProblems(build(mcDraft([false, false, false], scoring)).shape)).toEqual(['needs at least one correct option.']);
    });

    it('PARTIAL needs the correct weights to add up to 1', () => {
      expect(keyProblems(multipleChoice({ a: 0.5, b: 0.4, c: -1 }))).toEqual(['needs the weights of its correct options to add up to 1 (they add up to 0.9).']);
      expect(keyProblems(multipleChoice({ a: 1, b: 0.5, c: -1 }))).toEqual(['needs the weights of its correct options to add up to 1 (they add up to 1.5).']);
      expect(keyProblems(multipleChoice({ a: 0.6, b: 0.4, c: -1 }))).toEqual([]);
    });

    it('accepts weights that add up to 1 within rounding (1/3 + 1/3 + 1/3, 1/7 × 7, 0.1 + 0.2 + 0.7)', () => {
      expect(keyProblems(multipleChoice({ a: 1 / 3, b: 1 / 3, c: 1 / 3, d: -1 }))).toEqual([]);
      expect(keyProblems(build(mcDraft([true, true, true, true, true, true, true, false, false, false])).shape)).toEqual([]);
      expect(keyProblems(multipleChoice({ a: 0.1, b: 0.2, c: 0.7, d: -1 }))).toEqual([]);
    });

    it('ALL_OR_NOTHING does not care what the weights add up to', () => {
      expect(keyProblems(multipleChoice({ a: 0.5, b: 0.4, c: -1 }, 'ALL_OR_NOTHING'))).toEqual([]);
    });

    it('PARTIAL refuses a weight of 0', () => {
      expect(keyProblems(multipleChoice({ a: 1, b: 0 }))).toEqual(['has an option with weight 0: correct options weigh more than 0, wrong ones less.']);
    });

    it('needs at least 2 options', () => {
      expect(keyProblems(multipleChoice({ a: 1 }))).toEqual(['needs at least 2 options.']);
    });

    it('derived weights always make a valid key when some option is correct', () => {
      for (let right = 1; right <= 10; right++) {
        for (let wrong = 0; right + wrong <= 10; wrong++) {
          if (right + wrong < 2) continue;
          const correct = [...Array<boolean>(right).fill(true), ...Array<boolean>(wrong).fill(false)];
          expect(keyProblems(build(mcDraft(correct)).shape)).toEqual([]);
        }
      }
    });
  });

  it('TRUE_FALSE always has a valid key', () => {
    expect(keyProblems(trueFalse(true))).toEqual([]);
    expect(keyProblems(trueFalse(false))).toEqual([]);
  });

  it('NUMERIC needs a finite value and a tolerance of at least 0', () => {
    expect(keyProblems(numeric(0))).toEqual([]);
    expect(keyProblems(numeric(-3.5, 0.1))).toEqual([]);
    expect(keyProblems(numeric(Number.NaN))).toEqual(['needs a finite value and a tolerance of at least 0.']);
    expect(keyProblems(numeric(Number.POSITIVE_INFINITY))).toEqual(['needs a finite value and a tolerance of at least 0.']);
    expect(keyProblems(numeric(1, -1))).toEqual(['needs a finite value and a tolerance of at least 0.']);
  });

  it('SHORT_TEXT needs an accepted answer that is not blank', () => {
    expect(keyProblems(shortText(['x']))).toEqual([]);
    expect(keyProblems(shortText([' ', 'x']))).toEqual([]);
    expect(keyProblems(shortText([]))).toEqual(['needs at least one accepted answer.']);
    expect(keyProblems(shortText(['  ', '']))).toEqual(['needs at least one accepted answer.']);
  });

  it('ORDERING needs at least 2 items', () => {
    expect(keyProblems(ordering(['a', 'b']))).toEqual([]);
    expect(keyProblems(ordering(['a']))).toEqual(['needs at least 2 items.']);
    expect(keyProblems(ordering([]))).toEqual(['needs at least 2 items.']);
  });
});

describe('readQuestionShape', () => {
  it.each(QUESTION_TYPES)('reads back a built %s question', (type) => {
    const { shape } = build(FULL_DRAFTS[type]);
    expect(readQuestionShape(shape.type, shape.content, shape.key)).toStrictEqual(shape);
  });

  it('fails loudly when the key is not of the type', () => {
    expect(() => readQuestionShape('NUMERIC', {}, { correctOptionIds: ['a'] })).toThrow();
    expect(() => readQuestionShape('MULTIPLE_CHOICE', singleChoice().content, singleChoice().key)).toThrow();
    expect(() => readQuestionShape('ESSAY', {}, {})).toThrow();
  });
});

describe('readQuestionContent', () => {
  it('reads the public content of each type', () => {
    for (const type of QUESTION_TYPES) {
      const { shape } = build(FULL_DRAFTS[type]);
      expect(readQuestionContent(type, shape.content)).toStrictEqual(shape.content);
    }
  });

  it('drops anything that is not content, so a key stored by mistake never reaches a player', () => {
    const content = readQuestionContent('SINGLE_CHOICE', {
      options: [{ id: 'a', label: 'A', correct: true }],
      correctOptionIds: ['a'],
    });
    expect(content).toStrictEqual({ options: [{ id: 'a', label: 'A' }] });
  });

  it('fails on content of another type, and on an unknown type', () => {
    expect(() => readQuestionContent('ORDERING', { options: [] })).toThrow();
    expect(() => readQuestionContent('ESSAY' as never, {})).toThrow('Unknown question type ESSAY');
  });
});
