import { describe, expect, it } from 'vitest';
import { LIMITS, QUESTION_TYPES, questionDraftSchema } from '../src/index.js';
import { draftIssues, FULL_DRAFTS, parseDraft } from './fixtures.js';

const two = [{ label: 'A', correct: true }, { label: 'B' }];
const labels = (n: number) => Array.from({ length: n }, (_, i) => `Item ${i + 1}`);
const options = (n: number) => labels(n).map((label, i) => ({ label, correct: i === 0 }));

/** The smallest valid draft of each type: only the fields without a default. */
const MINIMAL = {
  SINGLE_CHOICE: { type: 'SINGLE_CHOICE', prompt: 'Q', options: two },
  MULTIPLE_CHOICE: { type: 'MULTIPLE_CHOICE', prompt: 'Q', options: two },
  TRUE_FALSE: { type: 'TRUE_FALSE', prompt: 'Q', correctAnswer: false },
  NUMERIC: { type: 'NUMERIC', prompt: 'Q', numericAnswer: 42 },
  SHORT_TEXT: { type: 'SHORT_TEXT', prompt: 'Q', acceptedAnswers: ['yes'] },
  ORDERING: { type: 'ORDERING', prompt: 'Q', items: ['a', 'b'] },
} as const;

describe('questionDraftSchema: accepted drafts and defaults', () => {
  it.each([
    ['SINGLE_CHOICE', {}],
    ['MULTIPLE_CHOICE', { scoring: 'ALL_OR_NOTHING' }],
    ['TRUE_FALSE', {}],
    ['NUMERIC', { tolerance: 0 }],
    ['SHORT_TEXT', { caseSensitive: false }],
    ['ORDERING', { scoring: 'ALL_OR_NOTHING' }],
  ] as const)('accepts a minimal %s draft and fills in its defaults', (type, defaults) => {
    expect(parseDraft(MINIMAL[type])).toStrictEqual({ ...MINIMAL[type], points: 1, explanation: null, ...defaults });
  });

  it('covers every question type', () => {
    expect(Object.keys(MINIMAL).sort()).toEqual([...QUESTION_TYPES].sort());
  });

  it.each(QUESTION_TYPES)('keeps every given field of a full %s draft as it is', (type) => {
    expect(parseDraft(FULL_DRAFTS[type])).toStrictEqual(FULL_DRAFTS[type]);
  });

  it('keeps `correct: false` on TRUE_FALSE (false is an answer, not a missing one)', () => {
    expect(parseDraft({ type: 'TRUE_FALSE', prompt: 'Q', correctAnswer: false })).toMatchObject({ correctAnswer: false });
  });

  it('leaves an option’s `correct` out when it was left out (wrong by default)', () => {
    const draft = parseDraft(MINIMAL.SINGLE_CHOICE);
    expect(draft.type === 'SINGLE_CHOICE' && draft.options[1]).toStrictEqual({ label: 'B' });
  });

  it('defaults a missing `type` to SINGLE_CHOICE', () => {
    expect(parseDraft({ prompt: 'Q', options: two })).toMatchObject({ type: 'SINGLE_CHOICE', options: two });
  });

  it('defaults a null `type` to SINGLE_CHOICE', () => {
    expect(parseDraft({ type: null, prompt: 'Q', options: two })).toMatchObject({ type: 'SINGLE_CHOICE' });
  });

  it('refuses an unknown type', () => {
    expect(draftIssues({ type: 'ESSAY', prompt: 'Q' })).toEqual([{ path: 'type', message: expect.stringContaining('SINGLE_CHOICE') }]);
  });

  it('refuses what is not an object at all', () => {
    for (const input of ['a question', 42, null, undefined, []]) expect(questionDraftSchema.safeParse(input).success).toBe(false);
  });
});

describe('questionDraftSchema: nulls (as GraphQL sends them)', () => {
  /** Every field GraphQL's input type has, all null. */
  const allNull = {
    type: null,
    prompt: null,
    points: null,
    explanation: null,
    options: null,
    scoring: null,
    correctAnswer: null,
    numericAnswer: null,
    tolerance: null,
    acceptedAnswers: null,
    caseSensitive: null,
    items: null,
  };

  it.each(QUESTION_TYPES)('drops the null fields of other types and fills defaults for a %s draft', (type) => {
    expect(parseDraft({ ...allNull, ...MINIMAL[type] })).toStrictEqual(parseDraft(MINIMAL[type]));
  });

  it('drops nulls inside options', () => {
    const draft = parseDraft({
      type: 'MULTIPLE_CHOICE',
      prompt: 'Q',
      options: [
        { label: 'A', correct: true, weight: null },
        { label: 'B', correct: null, weight: null },
      ],
    });
    expect(draft).toMatchObject({ options: [{ label: 'A', correct: true }, { label: 'B' }] });
    expect(draft.type === 'MULTIPLE_CHOICE' && draft.options[1]).toStrictEqual({ label: 'B' });
  });

  it('treats a null required field as missing', () => {
    expect(draftIssues({ ...MINIMAL.NUMERIC, numericAnswer: null })).toEqual([
      { path: 'numericAnswer', message: 'A NUMERIC question’s `numericAnswer` is required.' },
    ]);
  });
});

describe('questionDraftSchema: fields of another type are refused by name', () => {
  it.each([
    ['NUMERIC', { items: ['a', 'b'] }, '`items` does not apply to a NUMERIC question.'],
    ['TRUE_FALSE', { options: two }, '`options` does not apply to a TRUE_FALSE question.'],
    ['SINGLE_CHOICE', { scoring: 'PARTIAL' }, '`scoring` does not apply to a SINGLE_CHOICE question.'],
    ['MULTIPLE_CHOICE', { correctAnswer: true }, '`correctAnswer` does not apply to a MULTIPLE_CHOICE question.'],
    ['SHORT_TEXT', { tolerance: 1 }, '`tolerance` does not apply to a SHORT_TEXT question.'],
    ['ORDERING', { caseSensitive: true }, '`caseSensitive` does not apply to a ORDERING question.'],
    ['NUMERIC', { acceptedAnswers: ['x'] }, '`acceptedAnswers` does not apply to a NUMERIC question.'],
    ['TRUE_FALSE', { numericAnswer: 1 }, '`numericAnswer` does not apply to a TRUE_FALSE question.'],
    ['SINGLE_CHOICE', { colour: 'red' }, '`colour` does not apply to a SINGLE_CHOICE question.'],
  ] as const)('%s with %o', (type, extra, message) => {
    expect(draftIssues({ ...MINIMAL[type], ...extra })).toEqual([{ path: '', message }]);
  });

  it('names every stray field at once, in the plural', () => {
    expect(draftIssues({ ...MINIMAL.NUMERIC, items: ['a', 'b'], options: two })).toEqual([
      { path: '', message: '`items`, `options` do not apply to a NUMERIC question.' },
    ]);
  });

  it('refuses an unknown field inside an option', () => {
    expect(
      draftIssues({
        ...MINIMAL.SINGLE_CHOICE,
        options: [
          { label: 'A', correct: true },
          { label: 'B', hint: 'no' },
        ],
      }),
    ).toEqual([{ path: 'options.1', message: expect.stringContaining('hint') }]);
  });
});

describe('questionDraftSchema: missing per-type fields', () => {
  it.each([
    ['SINGLE_CHOICE', 'options', 'A SINGLE_CHOICE question needs `options`.'],
    ['MULTIPLE_CHOICE', 'options', 'A MULTIPLE_CHOICE question needs `options`.'],
    ['TRUE_FALSE', 'correctAnswer', 'A TRUE_FALSE question needs `correctAnswer` (true or false).'],
    ['NUMERIC', 'numericAnswer', 'A NUMERIC question’s `numericAnswer` is required.'],
    ['SHORT_TEXT', 'acceptedAnswers', 'A SHORT_TEXT question needs `acceptedAnswers`.'],
    ['ORDERING', 'items', 'An ORDERING question needs `items`, in their right order.'],
  ] as const)('%s without `%s`', (type, field, message) => {
    const { [field]: _omitted, ...rest } = MINIMAL[type] as Record<string, unknown>;
    expect(draftIssues(rest)).toEqual([{ path: field, message }]);
  });

  it('a prompt is required', () => {
    const { prompt: _omitted, ...rest } = MINIMAL.TRUE_FALSE;
    expect(draftIssues(rest)).toEqual([{ path: 'prompt', message: 'A question prompt is required.' }]);
  });
});

describe('questionDraftSchema: text is NFC and trimmed', () => {
  const composed = 'Caf\u00e9'; // é as one code point
  const decomposed = 'Cafe\u0301'; // e + combining acute accent

  it('normalises and trims the prompt, keeping inner spacing', () => {
    expect(parseDraft({ ...MINIMAL.TRUE_FALSE, prompt: `  ${decomposed}  au   lait \n` }).prompt).toBe(`${composed}  au   lait`);
  });

  it('normalises and trims option labels', () => {
    const draft = parseDraft({ ...MINIMAL.SINGLE_CHOICE, options: [{ label: ` ${decomposed} `, correct: true }, { label: 'B' }] });
    expect(draft).toMatchObject({ options: [{ label: composed }, { label: 'B' }] });
  });

  it('normalises and trims ORDERING items and accepted answers', () => {
    expect(parseDraft({ ...MINIMAL.ORDERING, items: [` ${decomposed}`, 'b '] })).toMatchObject({ items: [composed, 'b'] });
    expect(parseDraft({ ...MINIMAL.SHORT_TEXT, acceptedAnswers: [`${decomposed}\t`] })).toMatchObject({ acceptedAnswers: [composed] });
  });

  it('normalises and trims the explanation, and makes a blank one null', () => {
    expect(parseDraft({ ...MINIMAL.TRUE_FALSE, explanation: ` ${decomposed} ` }).explanation).toBe(composed);
    expect(parseDraft({ ...MINIMAL.TRUE_FALSE, explanation: '   ' }).explanation).toBeNull();
    expect(parseDraft({ ...MINIMAL.TRUE_FALSE, explanation: '' }).explanation).toBeNull();
  });
});

describe('questionDraftSchema: prompt, explanation and points limits', () => {
  const withPrompt = (prompt: string) => ({ ...MINIMAL.TRUE_FALSE, prompt });

  it(`accepts a prompt of ${LIMITS.promptLength} characters and refuses one more`, () => {
    expect(parseDraft(withPrompt('x'.repeat(LIMITS.promptLength))).prompt).toHaveLength(LIMITS.promptLength);
    expect(draftIssues(withPrompt('x'.repeat(LIMITS.promptLength + 1)))).toEqual([
      { path: 'prompt', message: 'A question prompt has at most 1000 characters.' },
    ]);
  });

  it('counts the prompt’s length after trimming and NFC', () => {
    expect(parseDraft(withPrompt(`   ${'x'.repeat(LIMITS.promptLength)}   `)).prompt).toHaveLength(LIMITS.promptLength);
    // 2000 UTF-16 units before NFC, 1000 after.
    expect(parseDraft(withPrompt('e\u0301'.repeat(LIMITS.promptLength))).prompt).toBe('\u00e9'.repeat(LIMITS.promptLength));
  });

  it('refuses a blank prompt', () => {
    expect(draftIssues(withPrompt(' \n\t '))).toEqual([{ path: 'prompt', message: 'A question prompt cannot be empty.' }]);
    expect(draftIssues(withPrompt(''))).toEqual([{ path: 'prompt', message: 'A question prompt cannot be empty.' }]);
  });

  it(`accepts an explanation of ${LIMITS.explanationLength} characters and refuses one more`, () => {
    expect(parseDraft({ ...MINIMAL.TRUE_FALSE, explanation: 'x'.repeat(LIMITS.explanationLength) }).explanation).toHaveLength(LIMITS.explanationLength);
    expect(draftIssues({ ...MINIMAL.TRUE_FALSE, explanation: 'x'.repeat(LIMITS.explanationLength + 1) })).toEqual([
      { path: 'explanation', message: 'An explanation has at most 2000 characters.' },
    ]);
  });

  it.each([1, 7, 100])('accepts %d points', (points) => {
    expect(parseDraft({ ...MINIMAL.TRUE_FALSE, points }).points).toBe(points);
  });

  it.each([
    [0, 'A question is worth at least 1 point.'],
    [-5, 'A question is worth at least 1 point.'],
    [101, 'A question is worth at most 100 points.'],
    [1.5, 'Points are a whole number.'],
  ])('refuses %d points', (points, message) => {
    expect(draftIssues({ ...MINIMAL.TRUE_FALSE, points })).toEqual([{ path: 'points', message }]);
  });
});

describe('questionDraftSchema: options', () => {
  it.each(['SINGLE_CHOICE', 'MULTIPLE_CHOICE'] as const)('%s: accepts 2 to 10 options, refuses 1 and 11', (type) => {
    expect(parseDraft({ ...MINIMAL[type], options: options(2) })).toMatchObject({ options: options(2) });
    expect(parseDraft({ ...MINIMAL[type], options: options(LIMITS.options) })).toMatchObject({ options: options(10) });
    expect(draftIssues({ ...MINIMAL[type], options: options(1) })).toEqual([{ path: 'options', message: 'A question needs at least 2 options.' }]);
    expect(draftIssues({ ...MINIMAL[type], options: [] })).toEqual([{ path: 'options', message: 'A question needs at least 2 options.' }]);
    expect(draftIssues({ ...MINIMAL[type], options: options(LIMITS.options + 1) })).toEqual([
      { path: 'options', message: 'A question has at most 10 options.' },
    ]);
  });

  it(`accepts a label of ${LIMITS.labelLength} characters, refuses one more and a blank one, by path`, () => {
    const withLabel = (label: string) => ({ ...MINIMAL.SINGLE_CHOICE, options: [{ label: 'A', correct: true }, { label }] });
    expect(parseDraft(withLabel('x'.repeat(LIMITS.labelLength)))).toMatchObject({ options: [{ label: 'A' }, { label: 'x'.repeat(500) }] });
    expect(draftIssues(withLabel('x'.repeat(LIMITS.labelLength + 1)))).toEqual([
      { path: 'options.1.label', message: 'An option label has at most 500 characters.' },
    ]);
    expect(draftIssues(withLabel('  '))).toEqual([{ path: 'options.1.label', message: 'An option label cannot be empty.' }]);
  });

  it('requires a label on every option', () => {
    expect(draftIssues({ ...MINIMAL.SINGLE_CHOICE, options: [{ label: 'A' }, { correct: true }] })).toEqual([
      { path: 'options.1.label', message: 'An option label is required.' },
    ]);
  });

  it('does not require a correct option in a draft (publishing does, see keyProblems)', () => {
    expect(parseDraft({ ...MINIMAL.SINGLE_CHOICE, options: [{ label: 'A' }, { label: 'B' }] })).toMatchObject({ type: 'SINGLE_CHOICE' });
  });

  it('refuses a weight on a SINGLE_CHOICE option', () => {
    expect(draftIssues({ ...MINIMAL.SINGLE_CHOICE, options: [{ label: 'A', correct: true, weight: 1 }, { label: 'B' }] })).toEqual([
      { path: 'options.0.weight', message: 'Only MULTIPLE_CHOICE options take a weight.' },
    ]);
  });
});

describe('questionDraftSchema: MULTIPLE_CHOICE weights', () => {
  const withOptions = (opts: object[], scoring = 'PARTIAL') => ({ type: 'MULTIPLE_CHOICE', prompt: 'Q', scoring, options: opts });

  it('accepts weights on every option, with or without `correct`', () => {
    expect(
      parseDraft(
        withOptions([
          { label: 'A', weight: 0.6 },
          { label: 'B', weight: 0.4 },
          { label: 'C', weight: -1 },
        ]),
      ),
    ).toMatchObject({
      options: [{ weight: 0.6 }, { weight: 0.4 }, { weight: -1 }],
    });
    expect(
      parseDraft(
        withOptions([
          { label: 'A', correct: true, weight: 1 },
          { label: 'B', correct: false, weight: -0.5 },
        ]),
      ),
    ).toMatchObject({
      options: [
        { correct: true, weight: 1 },
        { correct: false, weight: -0.5 },
      ],
    });
  });

  it('refuses weights given to some options only', () => {
    expect(
      draftIssues(
        withOptions([
          { label: 'A', weight: 1 },
          { label: 'B', correct: false },
        ]),
      ),
    ).toEqual([{ path: 'options', message: 'Give a weight to every option or to none.' }]);
  });

  it('refuses a weight of 0', () => {
    expect(
      draftIssues(
        withOptions([
          { label: 'A', weight: 1 },
          { label: 'B', weight: 0 },
        ]),
      ),
    ).toEqual([{ path: 'options.1.weight', message: 'A weight cannot be 0: correct options weigh more, wrong ones less.' }]);
  });

  it.each([
    [true, -0.5],
    [false, 0.5],
  ])('refuses correct: %s with weight %d (the sign disagrees)', (correct, weight) => {
    expect(
      draftIssues(
        withOptions([
          { label: 'A', weight: 1 },
          { label: 'B', correct, weight },
        ]),
      ),
    ).toEqual([{ path: 'options.1.weight', message: 'A correct option has a positive weight and a wrong one a negative weight.' }]);
  });

  it('refuses weights beyond -1..1', () => {
    expect(
      draftIssues(
        withOptions([
          { label: 'A', weight: 1.5 },
          { label: 'B', weight: -1 },
        ]),
      ),
    ).toEqual([{ path: 'options.0.weight', message: 'A weight is at most 1.' }]);
    expect(
      draftIssues(
        withOptions([
          { label: 'A', weight: 1 },
          { label: 'B', weight: -1.01 },
        ]),
      ),
    ).toEqual([{ path: 'options.1.weight', message: 'A weight is at least -1.' }]);
  });

  it('refuses an unknown scoring', () => {
    expect(draftIssues(withOptions([{ label: 'A', correct: true }, { label: 'B' }], 'SOMETIMES'))).toEqual([
      { path: 'scoring', message: expect.stringContaining('PARTIAL') },
    ]);
  });
});

describe('questionDraftSchema: NUMERIC', () => {
  const withAnswer = (numericAnswer: unknown, tolerance?: unknown) => ({ type: 'NUMERIC', prompt: 'Q', numericAnswer, tolerance });
  const answerMessage = (end: string) => [{ path: 'numericAnswer', message: `A NUMERIC question’s \`numericAnswer\` ${end}` }];

  it.each([0, -273.15, 1e12, -1e12, 0.1])('accepts the answer %d', (value) => {
    expect(parseDraft(withAnswer(value))).toMatchObject({ numericAnswer: value, tolerance: 0 });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses the non-finite answer %d, saying so', (value) => {
    expect(draftIssues(withAnswer(value))).toEqual(answerMessage('must be a finite number.'));
  });

  it('refuses an answer beyond ±1e12', () => {
    expect(draftIssues(withAnswer(1e12 + 1))).toEqual(answerMessage('is at most 1000000000000 in size.'));
    expect(draftIssues(withAnswer(-2e12))).toEqual(answerMessage('is at most 1000000000000 in size.'));
  });

  it('refuses an answer that is not a number', () => {
    expect(draftIssues(withAnswer('42'))).toEqual(answerMessage('is required.'));
  });

  it('accepts a tolerance from 0 to 1e12', () => {
    expect(parseDraft(withAnswer(1, 0))).toMatchObject({ tolerance: 0 });
    expect(parseDraft(withAnswer(1, 0.25))).toMatchObject({ tolerance: 0.25 });
    expect(parseDraft(withAnswer(1, 1e12))).toMatchObject({ tolerance: 1e12 });
  });

  it('refuses a negative, huge or non-finite tolerance', () => {
    expect(draftIssues(withAnswer(1, -0.1))).toEqual([{ path: 'tolerance', message: 'The tolerance cannot be negative.' }]);
    expect(draftIssues(withAnswer(1, 1e13))).toEqual([{ path: 'tolerance', message: 'The tolerance is at most 1000000000000 in size.' }]);
    expect(draftIssues(withAnswer(1, Number.POSITIVE_INFINITY))).toEqual([{ path: 'tolerance', message: 'The tolerance must be a finite number.' }]);
  });
});

describe('questionDraftSchema: SHORT_TEXT', () => {
  const withAnswers = (acceptedAnswers: unknown) => ({ type: 'SHORT_TEXT', prompt: 'Q', acceptedAnswers });

  it(`accepts 1 to ${LIMITS.acceptedAnswers} accepted answers`, () => {
    expect(parseDraft(withAnswers(['one']))).toMatchObject({ acceptedAnswers: ['one'] });
    expect(parseDraft(withAnswers(labels(LIMITS.acceptedAnswers)))).toMatchObject({ acceptedAnswers: labels(20) });
  });

  it('refuses none, and more than 20', () => {
    expect(draftIssues(withAnswers([]))).toEqual([{ path: 'acceptedAnswers', message: 'A SHORT_TEXT question needs at least one accepted answer.' }]);
    expect(draftIssues(withAnswers(labels(LIMITS.acceptedAnswers + 1)))).toEqual([
      { path: 'acceptedAnswers', message: 'A question has at most 20 accepted answers.' },
    ]);
  });

  it(`accepts an answer of ${LIMITS.acceptedAnswerLength} characters, refuses one more and a blank one`, () => {
    expect(parseDraft(withAnswers(['x'.repeat(LIMITS.acceptedAnswerLength)]))).toMatchObject({ acceptedAnswers: ['x'.repeat(200)] });
    expect(draftIssues(withAnswers(['ok', 'x'.repeat(LIMITS.acceptedAnswerLength + 1)]))).toEqual([
      { path: 'acceptedAnswers.1', message: 'An accepted answer has at most 200 characters.' },
    ]);
    expect(draftIssues(withAnswers([' ']))).toEqual([{ path: 'acceptedAnswers.0', message: 'An accepted answer cannot be empty.' }]);
  });

  it('keeps caseSensitive when given', () => {
    expect(parseDraft({ ...withAnswers(['A']), caseSensitive: true })).toMatchObject({ caseSensitive: true });
  });
});

describe('questionDraftSchema: ORDERING', () => {
  const withItems = (items: unknown) => ({ type: 'ORDERING', prompt: 'Q', items });

  it(`accepts 2 to ${LIMITS.options} items`, () => {
    expect(parseDraft(withItems(labels(2)))).toMatchObject({ items: labels(2) });
    expect(parseDraft(withItems(labels(LIMITS.options)))).toMatchObject({ items: labels(10) });
  });

  it('refuses fewer than 2 and more than 10', () => {
    expect(draftIssues(withItems(labels(1)))).toEqual([{ path: 'items', message: 'An ORDERING question needs at least 2 items.' }]);
    expect(draftIssues(withItems(labels(LIMITS.options + 1)))).toEqual([{ path: 'items', message: 'A question has at most 10 items.' }]);
  });

  it('refuses a blank or too long item, by path', () => {
    expect(draftIssues(withItems(['a', '  ']))).toEqual([{ path: 'items.1', message: 'An item cannot be empty.' }]);
    expect(draftIssues(withItems(['x'.repeat(LIMITS.labelLength + 1), 'b']))).toEqual([{ path: 'items.0', message: 'An item has at most 500 characters.' }]);
  });
});
