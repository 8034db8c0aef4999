import type { AnyJson } from '@quizgraph/service-kit';
import { readFileSync } from 'node:fs';
import { buildQuestion, DEFAULT_SETTINGS, type QuestionDraft } from '@quizgraph/assessment';
import { describe, expect, it } from 'vitest';
import { exportQuizDocument, parseQuizDocument, type DocumentProblem, type QuizDocumentContent } from '../src/quizDocument.js';

/** One question of each type, as drafts come out of questionDraftSchema (defaults filled in). */
const questionsOfEveryType: QuestionDraft[] = [
  {
    type: 'SINGLE_CHOICE',
    prompt: 'Capital of France?',
    points: 2,
    explanation: 'Paris has been the capital since 508.',
    options: [
      { label: 'Paris', correct: true },
      { label: 'Lyon', correct: false },
    ],
  },
  {
    type: 'MULTIPLE_CHOICE',
    prompt: 'Which are primes?',
    points: 3,
    explanation: null,
    scoring: 'PARTIAL',
    options: [
      { label: '2', correct: true, weight: 1 / 3 },
      { label: '3', correct: true, weight: 1 / 3 },
      { label: '5', correct: true, weight: 1 / 3 },
      { label: '4', correct: false, weight: -1 },
    ],
  },
  { type: 'TRUE_FALSE', prompt: 'The Sun is a star.', points: 1, explanation: null, correctAnswer: true },
  { type: 'NUMERIC', prompt: 'Pi to two decimals?', points: 1, explanation: 'π ≈ 3.14159', numericAnswer: 3.14, tolerance: 0.005 },
  {
    type: 'SHORT_TEXT',
    prompt: 'Who wrote Hamlet?',
    points: 1,
    explanation: null,
    acceptedAnswers: ['Shakespeare', 'William Shakespeare'],
    caseSensitive: false,
  },
  { type: 'ORDERING', prompt: 'Smallest first.', points: 4, explanation: null, scoring: 'ALL_OR_NOTHING', items: ['1', '10', '100'] },
];

function quiz(overrides: Partial<QuizDocumentContent> = {}): QuizDocumentContent {
  return {
    title: 'General knowledge',
    description: 'A bit of everything.',
    category: 'trivia',
    tags: ['mixed', 'easy-ish'],
    difficulty: 'EASY',
    settings: { ...DEFAULT_SETTINGS, timeLimitSeconds: 600, shuffleOptions: true },
    questions: questionsOfEveryType,
    ...overrides,
  };
}

/** A valid document as an object, to break one piece at a time. */
function document(): { format: unknown; formatVersion: unknown; quiz: AnyJson } & Record<string, unknown> {
  return JSON.parse(exportQuizDocument(quiz()));
}

function problemsOf(value: unknown): DocumentProblem[] {
  const result = parseQuizDocument(typeof value === 'string' ? value : JSON.stringify(value));
  if (result.ok) throw new Error('expected the document to be refused');
  return result.problems;
}

const paths = (problems: DocumentProblem[]) => problems.map((p) => p.path);

/** Ids in the order asked for, so two builds of the same draft are comparable. */
function counter(): () => string {
  let n = 0;
  return () => `id-${++n}`;
}

describe('exportQuizDocument', () => {
  it('writes the envelope, then the quiz fields in a fixed order, as two-space JSON', () => {
    const text = exportQuizDocument(quiz());
    expect(text.startsWith('{\n  "format": "quizgraph.quiz",\n  "formatVersion": 1,\n  "quiz": {\n    "title": "General knowledge",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const written = JSON.parse(text);
    expect(Object.keys(written)).toEqual(['format', 'formatVersion', 'quiz']);
    expect(Object.keys(written.quiz)).toEqual(['title', 'description', 'category', 'tags', 'difficulty', 'settings', 'questions']);
    expect(Object.keys(written.quiz.settings)).toEqual(Object.keys(DEFAULT_SETTINGS));
    // A null limit means "none": it stays, for the reader to see.
    expect(written.quiz.settings.maxAttempts).toBeNull();
  });

  it('writes each question with its fields in order and without null ones', () => {
    const written = JSON.parse(exportQuizDocument(quiz()));
    expect(written.quiz.questions.map((q: object) => Object.keys(q))).toEqual([
      ['type', 'prompt', 'points', 'options', 'explanation'],
      ['type', 'prompt', 'points', 'scoring', 'options'],
      ['type', 'prompt', 'points', 'correctAnswer'],
      ['type', 'prompt', 'points', 'numericAnswer', 'tolerance', 'explanation'],
      ['type', 'prompt', 'points', 'acceptedAnswers', 'caseSensitive'],
      ['type', 'prompt', 'points', 'scoring', 'items'],
    ]);
    expect(Object.keys(written.quiz.questions[1].options[0])).toEqual(['label', 'correct', 'weight']);
  });

  it('writes the same text for the same quiz whatever the order of the fields it was given', () => {
    const shuffled = quiz({
      questions: questionsOfEveryType.map((q) => Object.fromEntries(Object.entries(q).reverse()) as QuestionDraft),
      settings: Object.fromEntries(Object.entries(quiz().settings).reverse()) as QuizDocumentContent['settings'],
    });
    expect(exportQuizDocument(shuffled)).toBe(exportQuizDocument(quiz()));
  });

  it('reads cleanly: a TRUE_FALSE question is four lines', () => {
    const text = exportQuizDocument(quiz({ questions: [questionsOfEveryType[2]!] }));
    expect(text).toContain(
      [
        '      {',
        '        "type": "TRUE_FALSE",',
        '        "prompt": "The Sun is a star.",',
        '        "points": 1,',
        '        "correctAnswer": true',
        '      }',
      ].join('\n'),
    );
  });
});

describe('parseQuizDocument', () => {
  it('reads back what export wrote, every question type included', () => {
    const result = parseQuizDocument(exportQuizDocument(quiz()));
    expect(result).toEqual({ ok: true, quiz: { ...quiz() } });
  });

  it.each(questionsOfEveryType.map((q) => [q.type, q] as const))('round-trips a %s question to the same key', (_type, question) => {
    const result = parseQuizDocument(exportQuizDocument(quiz({ questions: [question] })));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.quiz.questions).toEqual([question]);
    expect(buildQuestion(result.quiz.questions[0]!, counter())).toEqual(buildQuestion(question, counter()));
  });

  it('round-trips drafts whose optional fields were left out', () => {
    const sparse: QuestionDraft[] = [
      { type: 'SINGLE_CHOICE', prompt: 'Pick one', points: 1, explanation: null, options: [{ label: 'a', correct: true }, { label: 'b' }] },
      {
        type: 'MULTIPLE_CHOICE',
        prompt: 'Pick some',
        points: 1,
        explanation: null,
        scoring: 'ALL_OR_NOTHING',
        options: [{ label: 'a', correct: true }, { label: 'b' }],
      },
    ];
    const result = parseQuizDocument(exportQuizDocument(quiz({ questions: sparse, category: null, tags: [], description: '' })));
    expect(result).toEqual({ ok: true, quiz: quiz({ questions: sparse, category: null, tags: [], description: '' }) });
  });

  it('fills in what a hand-written document leaves out', () => {
    const result = parseQuizDocument(
      JSON.stringify({
        format: 'quizgraph.quiz',
        formatVersion: 1,
        quiz: { title: 'Tiny', settings: { maxAttempts: 3 }, questions: [{ prompt: 'Yes?', options: [{ label: 'yes', correct: true }, { label: 'no' }] }] },
      }),
    );
    expect(result).toEqual({
      ok: true,
      quiz: {
        title: 'Tiny',
        description: '',
        category: null,
        tags: [],
        difficulty: 'MEDIUM',
        settings: { ...DEFAULT_SETTINGS, maxAttempts: 3 },
        questions: [{ type: 'SINGLE_CHOICE', prompt: 'Yes?', points: 1, explanation: null, options: [{ label: 'yes', correct: true }, { label: 'no' }] }],
      },
    });
  });

  it('reads the example of docs/quiz-format.md, which shows every type, exactly as export writes it', () => {
    const docs = readFileSync(new URL('../../../docs/quiz-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(docs)![1]!;
    const result = parseQuizDocument(example);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.quiz.questions.map((q) => q.type)).toEqual(['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'NUMERIC', 'SHORT_TEXT', 'ORDERING']);
    expect(exportQuizDocument(result.quiz)).toBe(example);
  });

  it('reads a document saved with a byte order mark', () => {
    expect(parseQuizDocument(`\uFEFF${exportQuizDocument(quiz())}`).ok).toBe(true);
  });

  it('says where JSON is broken, by line and column', () => {
    const problems = problemsOf('{\n  "format": "quizgraph.quiz",\n  "formatVersion": 1\n  "quiz": {}\n}');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('');
    expect(problems[0]!.message).toMatch(/^Not valid JSON: .*line 4, column 3/);
    expect(problemsOf('')[0]!.message).toMatch(/^Not valid JSON/);
  });

  it('refuses JSON that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual([{ path: '', message: expect.stringContaining('A quiz document is a JSON object') }]);
  });

  it('refuses a missing or different format', () => {
    const { format: _format, ...withoutFormat } = document();
    expect(problemsOf(withoutFormat)).toEqual([{ path: 'format', message: expect.stringContaining('"quizgraph.quiz"') }]);
    expect(problemsOf({ ...document(), format: 'moodle.xml' })).toEqual([{ path: 'format', message: expect.stringContaining('not "moodle.xml"') }]);
  });

  it('refuses a version it does not know, saying which it reads, and does not read that quiz', () => {
    const problems = problemsOf({ ...document(), formatVersion: 2, quiz: { title: '', questions: 'none' } });
    expect(problems).toEqual([{ path: 'formatVersion', message: 'formatVersion 2 is not supported: this importer reads formatVersion 1.' }]);
    const { formatVersion: _v, ...withoutVersion } = document();
    expect(problemsOf(withoutVersion)).toEqual([{ path: 'formatVersion', message: expect.stringContaining('reads formatVersion 1') }]);
    expect(paths(problemsOf({ ...document(), formatVersion: '1' }))).toEqual(['formatVersion']);
  });

  it('refuses a missing quiz or one that is not an object', () => {
    const { quiz: _quiz, ...withoutQuiz } = document();
    expect(problemsOf(withoutQuiz)).toEqual([{ path: 'quiz', message: expect.stringContaining('needs a `quiz`') }]);
    expect(paths(problemsOf({ ...document(), quiz: [] }))).toEqual(['quiz']);
  });

  it('refuses unknown fields at every level, each at its own path', () => {
    const doc = document();
    doc.exportedAt = '2025-01-01';
    doc.quiz.status = 'PUBLISHED';
    doc.quiz.settings.timeLimit = 60;
    doc.quiz.questions[2].items = ['a', 'b'];
    doc.quiz.questions[0].options[0].hint = 'the big one';
    expect(problemsOf(doc)).toEqual([
      { path: 'exportedAt', message: expect.stringContaining('is not part of a quiz document') },
      { path: 'quiz.status', message: expect.stringContaining('`status` is not a field of a quiz') },
      { path: 'quiz.settings.timeLimit', message: expect.stringContaining('`timeLimit` is not a setting') },
      { path: 'quiz.questions.0.options.0.hint', message: expect.stringContaining('`hint` is not a field of an option') },
      { path: 'quiz.questions.2.items', message: '`items` does not apply to a TRUE_FALSE question.' },
    ]);
  });

  it('refuses ids and idempotency keys: import assigns the one, the request carries the other', () => {
    const doc = document();
    doc.quiz.id = 'quiz-1';
    doc.quiz.idempotencyKey = 'abc';
    doc.quiz.questions[0].id = 'q-1';
    doc.quiz.questions[0].options[1].id = 'o-2';
    const problems = problemsOf(doc);
    expect(paths(problems).sort()).toEqual(['quiz.id', 'quiz.idempotencyKey', 'quiz.questions.0.id', 'quiz.questions.0.options.1.id']);
    expect(problems.filter((p) => p.path.endsWith('.id')).map((p) => p.message)).toEqual(
      Array(3).fill('A quiz document carries no ids: they are assigned on import.'),
    );
    expect(problems.find((p) => p.path === 'quiz.idempotencyKey')!.message).toContain('idempotency key is not part of a quiz document');
  });

  it('reports every problem of the quiz and its questions at once, with paths from the root', () => {
    const doc = document();
    doc.quiz.title = '   ';
    doc.quiz.difficulty = 'IMPOSSIBLE';
    doc.quiz.settings.scoringPolicy = 'SPEED';
    doc.quiz.settings.timeLimitSeconds = null;
    doc.quiz.questions[0].options[0].label = '';
    doc.quiz.questions[1].options[3].weight = 0;
    doc.quiz.questions[2].type = 'ESSAY';
    doc.quiz.questions[3].points = 1.5;
    doc.quiz.questions[4].acceptedAnswers = [];
    doc.quiz.questions[5].items[1] = 'x'.repeat(501);
    expect(problemsOf(doc)).toEqual([
      { path: 'quiz.title', message: 'A title cannot be empty.' },
      { path: 'quiz.difficulty', message: expect.stringContaining('EASY') },
      { path: 'quiz.settings.scoringPolicy', message: expect.stringContaining('SPEED scoring policy needs a time limit') },
      { path: 'quiz.questions.0.options.0.label', message: 'An option label cannot be empty.' },
      { path: 'quiz.questions.1.options.3.weight', message: expect.stringContaining('A weight cannot be 0') },
      { path: 'quiz.questions.2.type', message: expect.stringContaining('SINGLE_CHOICE') },
      { path: 'quiz.questions.3.points', message: 'Points are a whole number.' },
      { path: 'quiz.questions.4.acceptedAnswers', message: 'A SHORT_TEXT question needs at least one accepted answer.' },
      { path: 'quiz.questions.5.items.1', message: 'An item has at most 500 characters.' },
    ]);
  });

  it('reports problems of the envelope and of the quiz together', () => {
    const doc = document();
    doc.format = 'quizgraph';
    doc.quiz.tags = 'maths';
    doc.quiz.questions = [{ type: 'NUMERIC', prompt: 'How many?' }];
    expect(paths(problemsOf(doc))).toEqual(['format', 'quiz.tags', 'quiz.questions.0.numericAnswer']);
  });
});
