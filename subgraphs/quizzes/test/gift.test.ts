import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '@quizgraph/assessment';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GIFT_TITLE, parseGift, type GiftProblem } from '../src/gift.js';
import type { CreateQuizInput } from '../src/quizRules.js';

/** GIFT text from lines, so that tests can say which line a problem is on. */
const gift = (...lines: string[]) => lines.join('\n');

function quizOf(text: string, options?: { title?: string }): CreateQuizInput {
  const result = parseGift(text, options);
  if (!result.ok) throw new Error(`expected the text to parse: ${JSON.stringify(result.problems)}`);
  return result.quiz;
}

function problemsOf(text: string, options?: { title?: string }): GiftProblem[] {
  const result = parseGift(text, options);
  if (result.ok) throw new Error('expected the text to be refused');
  return result.problems;
}

const onlyQuestion = (text: string) => quizOf(text).questions[0];

describe('parseGift: question types', () => {
  it('reads a choice with one right answer as SINGLE_CHOICE, its general feedback as the explanation', () => {
    const text = gift(
      '::Capitals:: What is the capital of France? {',
      '  =Paris#Right!',
      '  ~Lyon#No',
      '  ~Nice',
      '  ####Paris has been the capital since 508.',
      '}',
    );
    expect(onlyQuestion(text)).toEqual({
      type: 'SINGLE_CHOICE',
      prompt: 'What is the capital of France?',
      points: 1,
      explanation: 'Paris has been the capital since 508.',
      options: [
        { label: 'Paris', correct: true },
        { label: 'Lyon', correct: false },
        { label: 'Nice', correct: false },
      ],
    });
  });

  it('reads weighted answers as MULTIPLE_CHOICE with PARTIAL scoring, negative percents as negative weights', () => {
    expect(onlyQuestion('Which are primes? {~%50%2 ~%50%3 ~%-100%4}')).toEqual({
      type: 'MULTIPLE_CHOICE',
      prompt: 'Which are primes?',
      points: 1,
      explanation: null,
      scoring: 'PARTIAL',
      options: [
        { label: '2', correct: true, weight: 0.5 },
        { label: '3', correct: true, weight: 0.5 },
        { label: '4', correct: false, weight: -1 },
      ],
    });
  });

  it('gives wrong answers without a penalty a share of -100%: Quizgraph has no weight 0', () => {
    const question = onlyQuestion('Which are even? {~%50%2 ~%50%4 ~%0%5 ~7}');
    expect(question).toMatchObject({ type: 'MULTIPLE_CHOICE', scoring: 'PARTIAL' });
    expect(question?.type === 'MULTIPLE_CHOICE' && question.options.map((o) => o.weight)).toEqual([0.5, 0.5, -0.5, -0.5]);
  });

  it('reads several right answers without weights as MULTIPLE_CHOICE with PARTIAL scoring', () => {
    expect(onlyQuestion('Which are primes? {=2 =3 ~4}')).toEqual({
      type: 'MULTIPLE_CHOICE',
      prompt: 'Which are primes?',
      points: 1,
      explanation: null,
      scoring: 'PARTIAL',
      options: [
        { label: '2', correct: true },
        { label: '3', correct: true },
        { label: '4', correct: false },
      ],
    });
  });

  it('reads {T}, {F}, {TRUE} and {FALSE} as TRUE_FALSE', () => {
    const quiz = quizOf(gift('The Sun is a star. {T}', '', 'The Moon is a planet. {FALSE#It is a satellite.#Right.}', '', 'Water is wet. {TRUE}'));
    expect(quiz.questions).toEqual([
      { type: 'TRUE_FALSE', prompt: 'The Sun is a star.', points: 1, explanation: null, correctAnswer: true },
      { type: 'TRUE_FALSE', prompt: 'The Moon is a planet.', points: 1, explanation: null, correctAnswer: false },
      { type: 'TRUE_FALSE', prompt: 'Water is wet.', points: 1, explanation: null, correctAnswer: true },
    ]);
  });

  it('reads right answers only as SHORT_TEXT, case-insensitive', () => {
    expect(onlyQuestion("Who is buried in Grant's tomb? {=Grant =Ulysses S. Grant =Ulysses Grant}")).toEqual({
      type: 'SHORT_TEXT',
      prompt: "Who is buried in Grant's tomb?",
      points: 1,
      explanation: null,
      acceptedAnswers: ['Grant', 'Ulysses S. Grant', 'Ulysses Grant'],
      caseSensitive: false,
    });
    expect(onlyQuestion('Two plus two, in words? {four}')).toMatchObject({ type: 'SHORT_TEXT', acceptedAnswers: ['four'] });
  });

  it('reads numbers as NUMERIC: exact, with a tolerance, and a range as its midpoint ± half its width', () => {
    const quiz = quizOf(
      gift('Two plus two? {#4}', '', 'Pi? {#3.14:0.005}', '', 'A number from 1 to 5? {#1..5}', '', 'Year of Hastings? {#=1066:0 ~1067#Close.}'),
    );
    expect(quiz.questions.map((q) => q.type === 'NUMERIC' && [q.numericAnswer, q.tolerance])).toEqual([
      [4, 0],
      [3.14, 0.005],
      [3, 2],
      [1066, 0],
    ]);
  });

  it('keeps the blank of a fill-in question and strips the [format] markers and HTML', () => {
    expect(onlyQuestion("Gandhi's birthday is on {~15th =2nd} of October.")?.prompt).toBe("Gandhi's birthday is on _____ of October.");
    expect(onlyQuestion('[html]<p>Is 3 &lt; 5?</p><p>Think <b>hard</b>.</p> {=[html]<i>Yes</i> ~No}')).toMatchObject({
      prompt: 'Is 3 < 5?\nThink hard.',
      options: [{ label: 'Yes' }, { label: 'No' }],
    });
    expect(onlyQuestion('[markdown]Which is **bold**? {=this ~that}')?.prompt).toBe('Which is **bold**?');
    expect(onlyQuestion('Escaped \\= and \\{braces\\} {T}')?.prompt).toBe('Escaped = and {braces}');
  });
});

describe('parseGift: the quiz', () => {
  it('takes its title from the caller, else the first $CATEGORY, else a default; the rest are defaults', () => {
    const text = gift('$CATEGORY: $course$/top/Geography/Capitals', '', 'Paris is in France. {T}', '', '$CATEGORY: $course$/Other');
    expect(quizOf(text)).toEqual({
      title: 'Capitals',
      description: '',
      category: null,
      tags: [],
      difficulty: 'MEDIUM',
      settings: DEFAULT_SETTINGS,
      questions: [{ type: 'TRUE_FALSE', prompt: 'Paris is in France.', points: 1, explanation: null, correctAnswer: true }],
    });
    expect(quizOf(text, { title: 'Europe' }).title).toBe('Europe');
    expect(quizOf('::Only a question title:: Paris is in France. {T}').title).toBe(DEFAULT_GIFT_TITLE);
  });

  it('skips comments, and reads Windows line ends', () => {
    const quiz = quizOf(gift('// Exported from Moodle', '// [tag:geo]', 'Paris is in France. {T}', '', '// the end').replace(/\n/g, '\r\n'));
    expect(quiz.questions).toHaveLength(1);
  });
});

describe('parseGift: the example of docs/quiz-format.md', () => {
  it('imports as the documentation says', () => {
    const docs = readFileSync(new URL('../../../docs/quiz-format.md', import.meta.url), 'utf8');
    const quiz = quizOf(/```gift\n([\s\S]*?)```/.exec(docs)![1]!);
    expect(quiz.title).toBe('Capitals');
    expect(quiz.questions.map((q) => q.type)).toEqual(['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_TEXT', 'NUMERIC', 'NUMERIC', 'NUMERIC']);
    expect(quiz.questions[0]?.explanation).toBe('Paris has been the capital since 508.');
    expect(quiz.questions[1]?.type === 'MULTIPLE_CHOICE' && quiz.questions[1].options.map((o) => o.weight)).toEqual([0.5, 0.5, -1]);
    expect(quiz.questions.slice(4).map((q) => q.type === 'NUMERIC' && [q.numericAnswer, q.tolerance])).toEqual([
      [8, 0],
      [48.86, 0.5],
      [1889, 2],
    ]);
  });
});

describe('parseGift: problems', () => {
  it('reports a syntax error with its line and column', () => {
    const text = gift('Fine. {T}', '', '// a comment', 'What is 2 + 2? {', '  =4', '  ~5', '  ~%150%6', '}');
    expect(problemsOf(text)).toEqual([{ line: 7, message: 'Syntax error at column 5: Expected a value between -100 and 100 but "150" found.' }]);
  });

  it('reports the syntax errors of every question, not only the first, with hints', () => {
    const text = gift('Note: colons need escaping {T}', '', 'Fine. {T}', '', 'Unclosed {', '=a', '', '~b}');
    expect(problemsOf(text)).toEqual([
      { line: 1, message: expect.stringMatching(/^Syntax error at column 5: .*":" found\. Write \\: for a literal :\.$/) },
      { line: 6, message: expect.stringContaining('a blank line found (a blank line ends a GIFT question)') },
      { line: 8, message: expect.stringContaining('Syntax error at column 1') },
    ]);
  });

  it('refuses question types Quizgraph does not have, naming their line', () => {
    const text = gift('Fine. {T}', '', 'Match the capitals. {', '  =France -> Paris', '  =Italy -> Rome', '}', '', 'Write an essay. {}', '', 'Just some text.');
    expect(problemsOf(text)).toEqual([
      { line: 3, message: 'Matching questions are not supported: Quizgraph has no matching type (and ORDERING has no GIFT form).' },
      { line: 8, message: expect.stringContaining('Essay questions are not supported') },
      { line: 10, message: expect.stringContaining('Descriptions (text without answers) are not supported') },
    ]);
  });

  it('refuses partial credit that a Quizgraph type cannot hold', () => {
    const text = gift('Grant? {=Grant =%50%Ulysses}', '', 'Year? {#=1066:0 =%50%1066:2}', '', 'Year? {#=1066 =1067}', '', 'Number? {#=}');
    expect(problemsOf(text)).toEqual([
      { line: 1, message: expect.stringContaining('Short answers with partial credit') },
      { line: 3, message: expect.stringContaining('Numerical answers with partial credit') },
      { line: 5, message: expect.stringContaining('exactly one correct answer here (it has 2)') },
      { line: 7, message: 'A numerical answer needs a number.' },
    ]);
  });

  it('checks each question as a draft, reporting its problems on its line', () => {
    const tooLong = 'x'.repeat(501);
    const options = Array.from({ length: 11 }, (_, i) => `${i === 0 ? '=' : '~'}option ${i}`).join(' ');
    const text = gift('Fine. {T}', '', `Long answer? {=${tooLong} ~short}`, '', `Too many? {${options}}`, '', 'Negative tolerance? {#5:-1}');
    expect(problemsOf(text)).toEqual([
      { line: 3, message: 'Answer 1: An option label has at most 500 characters.' },
      { line: 5, message: 'A question has at most 10 options.' },
      { line: 7, message: 'The tolerance cannot be negative.' },
    ]);
  });

  it('refuses questions whose answers cannot be scored', () => {
    const text = gift('No right answer? {~a ~b}', '', 'Weights over 100%? {=a ~%50%b ~c}');
    expect(problemsOf(text)).toEqual([
      { line: 1, message: 'This question needs exactly one correct option (it has 0).' },
      { line: 3, message: 'This question needs the weights of its correct options to add up to 1 (they add up to 1.5).' },
    ]);
  });

  it('refuses a title that does not fit, and a text without questions', () => {
    expect(problemsOf('Fine. {T}', { title: ' ' })).toEqual([{ line: 0, message: 'The quiz title: A title cannot be empty.' }]);
    expect(problemsOf(gift('', `$CATEGORY: ${'c'.repeat(201)}`, '', 'Fine. {T}'))).toEqual([
      { line: 2, message: 'The quiz title: A title has at most 200 characters.' },
    ]);
    expect(problemsOf(gift('$CATEGORY: Empty', '', '// nothing here'))).toEqual([{ line: 1, message: 'The text holds no question.' }]);
  });

  it('refuses more questions than a quiz holds, at the first one too many', () => {
    const text = Array.from({ length: 101 }, (_, i) => `Question ${i + 1}. {T}`).join('\n\n');
    expect(problemsOf(text)).toEqual([{ line: 201, message: 'A quiz has at most 100 questions.' }]);
  });
});
