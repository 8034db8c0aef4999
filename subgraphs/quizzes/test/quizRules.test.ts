import { describe, expect, it } from 'vitest';
import { buildQuestion, DEFAULT_SETTINGS } from '@quizgraph/assessment';
import { randomUUID } from 'node:crypto';
import { createQuizInput, publishProblems, updateQuizInput } from '../src/quizRules.js';

function validQuiz(): Record<string, unknown> & { questions: Array<Record<string, unknown>> } {
  return {
    title: 'Capitals',
    questions: [
      {
        prompt: 'Capital of France?',
        points: 10,
        options: [
          { label: 'Paris', correct: true },
          { label: 'Lyon', correct: false },
        ],
      },
    ],
  };
}

/** Parses `input`, expecting a failure, and returns its issues as `path: message`. */
function problems(input: unknown): string[] {
  const result = createQuizInput.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('createQuizInput', () => {
  it('accepts a minimal quiz and fills the defaults', () => {
    const parsed = createQuizInput.parse(validQuiz());
    expect(parsed).toEqual({
      title: 'Capitals',
      description: '',
      category: null,
      tags: [],
      difficulty: 'MEDIUM',
      settings: DEFAULT_SETTINGS,
      questions: [
        {
          type: 'SINGLE_CHOICE',
          prompt: 'Capital of France?',
          points: 10,
          explanation: null,
          options: [
            { label: 'Paris', correct: true },
            { label: 'Lyon', correct: false },
          ],
        },
      ],
    });
  });

  it('normalises title, category and tags', () => {
    const parsed = createQuizInput.parse({
      ...validQuiz(),
      title: '   Capitals of Europe  ',
      description: '  Test yourself.  ',
      category: '  GeoGraphy ',
      tags: [' Europe', 'europe ', 'CITIES', 'cities', 'maps'],
      difficulty: 'HARD',
    });
    expect(parsed.title).toBe('Capitals of Europe');
    expect(parsed.description).toBe('Test yourself.');
    expect(parsed.category).toBe('geography');
    expect(parsed.tags).toEqual(['europe', 'cities', 'maps']);
    expect(parsed.difficulty).toBe('HARD');
  });

  it('turns a blank category and null tags/difficulty into their defaults', () => {
    const parsed = createQuizInput.parse({ ...validQuiz(), category: '   ', tags: null, difficulty: null });
    expect(parsed.category).toBeNull();
    expect(parsed.tags).toEqual([]);
    expect(parsed.difficulty).toBe('MEDIUM');
  });

  it('trims prompts and option labels', () => {
    const quiz = validQuiz();
    quiz.questions[0] = {
      prompt: '  Why?  ',
      points: 1,
      options: [
        { label: ' a ', correct: false },
        { label: 'b  ', correct: true },
      ],
    };
    const parsed = createQuizInput.parse(quiz).questions[0];
    expect(parsed?.prompt).toBe('Why?');
    expect(parsed?.type === 'SINGLE_CHOICE' && parsed.options.map((o) => o.label)).toEqual(['a', 'b']);
  });

  it('lets a draft start without questions; publishing is what needs one', () => {
    expect(createQuizInput.parse({ ...validQuiz(), questions: [] }).questions).toEqual([]);
    expect(createQuizInput.parse({ title: 'Later' }).questions).toEqual([]);
  });

  it('keeps a question without a correct option in a draft; publishing names it', () => {
    const quiz = validQuiz();
    quiz.questions[0]!.options = [
      { label: 'Paris', correct: false },
      { label: 'Lyon', correct: false },
    ];
    const [draft] = createQuizInput.parse(quiz).questions;
    const shape = buildQuestion(draft!, randomUUID).shape;
    expect(publishProblems([{ position: 1, shape }])).toEqual(['Question 1 needs exactly one correct option (it has 0).']);
  });

  it('rejects a question with a single option', () => {
    const quiz = validQuiz();
    quiz.questions[0]!.options = [{ label: 'Paris', correct: true }];
    expect(problems(quiz)).toContain('questions.0.options: A question needs at least 2 options.');
  });

  it('fills default settings and checks them as a whole', () => {
    expect(createQuizInput.parse(validQuiz()).settings).toEqual(DEFAULT_SETTINGS);
    expect(createQuizInput.parse({ ...validQuiz(), settings: { timeLimitSeconds: 60, scoringPolicy: 'SPEED' } }).settings).toMatchObject({
      timeLimitSeconds: 60,
      scoringPolicy: 'SPEED',
      reviewPolicy: 'QUESTION_RESULTS',
    });
    expect(problems({ ...validQuiz(), settings: { scoringPolicy: 'SPEED' } })).toEqual([
      'settings.scoringPolicy: The SPEED scoring policy needs a time limit: points shrink with the time used out of it.',
    ]);
    expect(problems({ ...validQuiz(), settings: { maxAttempts: 0 } })).toEqual(['settings.maxAttempts: A quiz allows at least 1 attempt.']);
  });

  it('rejects 0 and 101 points, accepts 1 and 100', () => {
    for (const [points, message] of [
      [0, 'A question is worth at least 1 point.'],
      [101, 'A question is worth at most 100 points.'],
    ] as const) {
      const quiz = validQuiz();
      quiz.questions[0]!.points = points;
      expect(problems(quiz)).toEqual([`questions.0.points: ${message}`]);
    }
    for (const points of [1, 100]) {
      const quiz = validQuiz();
      quiz.questions[0]!.points = points;
      expect(createQuizInput.parse(quiz).questions[0]?.points).toBe(points);
    }
  });

  it('rejects fractional points', () => {
    const quiz = validQuiz();
    quiz.questions[0]!.points = 2.5;
    expect(problems(quiz).map((p) => p.split(':')[0])).toEqual(['questions.0.points']);
  });

  it('accepts a 200-character title and rejects 201 characters', () => {
    expect(createQuizInput.parse({ ...validQuiz(), title: 'x'.repeat(200) }).title).toHaveLength(200);
    expect(problems({ ...validQuiz(), title: 'x'.repeat(201) })).toEqual(['title: A title has at most 200 characters.']);
  });

  it('measures the title after trimming', () => {
    expect(createQuizInput.parse({ ...validQuiz(), title: ` ${'x'.repeat(200)} ` }).title).toHaveLength(200);
  });

  it('rejects a blank title', () => {
    expect(problems({ ...validQuiz(), title: '   ' })).toEqual(['title: A title cannot be empty.']);
  });

  it('rejects an empty tag, more than 10 tags, and an unknown difficulty', () => {
    expect(problems({ ...validQuiz(), tags: ['ok', '  '] })).toEqual(['tags.1: A tag cannot be empty.']);
    expect(problems({ ...validQuiz(), tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })).toEqual(['tags: A quiz has at most 10 tags.']);
    expect(problems({ ...validQuiz(), difficulty: 'IMPOSSIBLE' }).map((p) => p.split(':')[0])).toEqual(['difficulty']);
  });
});

describe('updateQuizInput', () => {
  it('leaves out what is not given, and lets null clear the category', () => {
    expect(updateQuizInput.parse({ title: ' New ' })).toEqual({ title: 'New' });
    expect(updateQuizInput.parse({ category: null }).category).toBeNull();
    expect(updateQuizInput.parse({ settings: { maxAttempts: 3 } }).settings).toEqual({ maxAttempts: 3 });
  });
});

describe('publishProblems', () => {
  const choice = (correct: number[], count = 2) =>
    buildQuestion(
      {
        type: 'SINGLE_CHOICE',
        prompt: 'Q',
        points: 1,
        explanation: null,
        options: Array.from({ length: count }, (_, i) => ({ label: `o${i}`, correct: correct.includes(i) })),
      },
      randomUUID,
    ).shape;

  it('is empty for a publishable quiz', () => {
    expect(
      publishProblems([
        { position: 1, shape: choice([0]) },
        { position: 2, shape: choice([1]) },
      ]),
    ).toEqual([]);
  });

  it('refuses a quiz without questions', () => {
    expect(publishProblems([])).toEqual(['A quiz needs at least one question.']);
  });

  it('names every question that is not ready', () => {
    expect(
      publishProblems([
        { position: 1, shape: choice([0]) },
        { position: 2, shape: choice([]) },
        { position: 3, shape: choice([0, 1], 3) },
      ]),
    ).toEqual(['Question 2 needs exactly one correct option (it has 0).', 'Question 3 needs exactly one correct option (it has 2).']);
  });
});
