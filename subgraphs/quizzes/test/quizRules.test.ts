import { describe, expect, it } from 'vitest';
import { createQuizInput, publishProblems } from '../src/quizRules.js';

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
    quiz.questions[0] = { prompt: '  Why?  ', points: 1, options: [{ label: ' a ', correct: false }, { label: 'b  ', correct: true }] };
    const parsed = createQuizInput.parse(quiz);
    expect(parsed.questions[0]?.prompt).toBe('Why?');
    expect(parsed.questions[0]?.options.map((o) => o.label)).toEqual(['a', 'b']);
  });

  it('rejects a quiz without questions', () => {
    expect(problems({ ...validQuiz(), questions: [] })).toEqual(['questions: A quiz needs at least one question.']);
  });

  it('rejects a question without a correct option', () => {
    const quiz = validQuiz();
    quiz.questions[0]!.options = [
      { label: 'Paris', correct: false },
      { label: 'Lyon', correct: false },
    ];
    expect(problems(quiz)).toEqual(['questions.0.options: A single-choice question needs exactly one correct option.']);
  });

  it('rejects a question with two correct options', () => {
    const quiz = validQuiz();
    quiz.questions.push({
      prompt: 'Pick',
      points: 1,
      options: [
        { label: 'a', correct: true },
        { label: 'b', correct: true },
        { label: 'c', correct: false },
      ],
    });
    expect(problems(quiz)).toEqual(['questions.1.options: A single-choice question needs exactly one correct option.']);
  });

  it('rejects a question with a single option', () => {
    const quiz = validQuiz();
    quiz.questions[0]!.options = [{ label: 'Paris', correct: true }];
    expect(problems(quiz)).toContain('questions.0.options: A question needs at least 2 options.');
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

describe('publishProblems', () => {
  const good = { options: [{ isCorrect: true }, { isCorrect: false }] };

  it('is empty for a publishable quiz', () => {
    expect(publishProblems([{ position: 1, ...good }, { position: 2, ...good }])).toEqual([]);
  });

  it('refuses a quiz without questions', () => {
    expect(publishProblems([])).toEqual(['A quiz needs at least one question.']);
  });

  it('names every question that is not ready', () => {
    expect(
      publishProblems([
        { position: 1, ...good },
        { position: 2, options: [{ isCorrect: true }] },
        { position: 3, options: [{ isCorrect: false }, { isCorrect: false }] },
        { position: 4, options: [{ isCorrect: true }, { isCorrect: true }, { isCorrect: false }] },
      ]),
    ).toEqual([
      'Question 2 needs at least 2 options and exactly one correct option.',
      'Question 3 needs at least 2 options and exactly one correct option.',
      'Question 4 needs at least 2 options and exactly one correct option.',
    ]);
  });
});
