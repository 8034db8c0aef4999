import { buildQuestion, keyProblems, questionDraftSchema, type QuestionDraftInput } from '@quizgraph/assessment';
import { parse, type GIFTQuestion, type NumericalChoice, type NumericalFormat, type TextChoice, type TextFormat } from 'gift-pegjs';
import { createQuizInput, type CreateQuizInput } from './quizRules.js';

/**
 * Import of Moodle GIFT text (https://docs.moodle.org/en/GIFT_format) into createQuiz's input. GIFT
 * carries questions only, so the quiz gets the default description, difficulty and settings; its title
 * is the caller's, else the last part of the first `$CATEGORY`, else DEFAULT_GIFT_TITLE. The subset
 * read and how each GIFT question maps to a Quizgraph type are in docs/quiz-format.md.
 */

/** The title of a quiz imported from GIFT text that names none. */
export const DEFAULT_GIFT_TITLE = 'Imported quiz';

/**
 * `line` is 1-based in the text given; 0 when the problem is not in the text (the caller's title).
 * The message does not repeat the line.
 */
export interface GiftProblem {
  line: number;
  message: string;
}

export type ParsedGift = { ok: true; quiz: CreateQuizInput } | { ok: false; problems: GiftProblem[] };

export function parseGift(text: string, options: { title?: string } = {}): ParsedGift {
  const problems: GiftProblem[] = [];
  const questions: Array<{ line: number; draft: QuestionDraftInput }> = [];
  let category: { line: number; title: string } | undefined;

  for (const { line, item } of parseItems(text, problems)) {
    if (item.type === 'Category') {
      const title = categoryTitle(item.title);
      if (!category && title) category = { line, title };
      continue;
    }
    const converted = toDraftInput(item);
    if (typeof converted === 'string') {
      problems.push({ line, message: converted });
      continue;
    }
    // Each question is checked on its own, so that its problems carry its line.
    const parsed = questionDraftSchema.safeParse(converted);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => ({ line, message: `${whereInQuestion(issue.path)}${issue.message}` })));
      continue;
    }
    // GIFT always states the answer, so an imported question must be one players can be scored on.
    let ids = 0;
    const complete = keyProblems(buildQuestion(parsed.data, () => `${++ids}`).shape);
    if (complete.length > 0) {
      problems.push(...complete.map((problem) => ({ line, message: `This question ${problem}` })));
      continue;
    }
    questions.push({ line, draft: converted });
  }

  if (problems.length === 0 && questions.length === 0) problems.push({ line: 1, message: 'The text holds no question.' });
  if (problems.length > 0) return { ok: false, problems: sorted(problems) };

  const title = options.title ?? category?.title ?? DEFAULT_GIFT_TITLE;
  const titleLine = options.title === undefined ? (category?.line ?? 0) : 0;
  const parsed = createQuizInput.safeParse({ title, settings: null, questions: questions.map((q) => q.draft) });
  if (parsed.success) return { ok: true, quiz: parsed.data };
  return {
    ok: false,
    problems: sorted(
      parsed.error.issues.map((issue) => {
        const [field, index] = issue.path;
        if (field === 'title') return { line: titleLine, message: `The quiz title: ${issue.message}` };
        // Too many questions: the first one past the limit is where the text goes wrong.
        const at = typeof index === 'number' ? index : questions.length - 1;
        return { line: field === 'questions' ? (questions[Math.min(at, questions.length - 1)]?.line ?? 0) : 0, message: issue.message };
      }),
    ),
  };
}

/**
 * The GIFT parser gives no positions for what it parses, only for what it cannot. GIFT separates
 * questions by blank lines and a question holds none (the grammar's own rule), so each run of
 * non-blank lines is parsed alone: every question then has a line, and every block's syntax error is
 * reported, not only the first of the text.
 */
function parseItems(text: string, problems: GiftProblem[]): Array<{ line: number; item: GIFTQuestion }> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const items: Array<{ line: number; item: GIFTQuestion }> = [];
  let start = 0;
  while (start < lines.length) {
    if (isBlank(lines[start]!)) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < lines.length && !isBlank(lines[end]!)) end += 1;
    const block = lines.slice(start, end);
    // Comment lines before a question belong to it (they may carry its [id:] and [tag:]s); a block of
    // comments alone is no question at all.
    const firstContent = block.findIndex((l) => !l.trim().startsWith('//'));
    if (firstContent >= 0) {
      try {
        for (const item of parse(block.join('\n'))) items.push({ line: start + firstContent + 1, item });
      } catch (error) {
        if (!isGiftSyntaxError(error)) throw error;
        problems.push({ line: start + error.location.start.line, message: syntaxMessage(error, end < lines.length) });
      }
    }
    start = end;
  }
  return items;
}

const isBlank = (line: string) => /^[ \t]*$/.test(line);

interface GiftSyntaxError {
  message: string;
  found: string | null;
  location: { start: { line: number; column: number } };
}

function isGiftSyntaxError(error: unknown): error is GiftSyntaxError {
  return error instanceof Error && error.name === 'SyntaxError' && 'location' in error && 'found' in error;
}

function syntaxMessage(error: GiftSyntaxError, moreFollows: boolean): string {
  let message = error.message;
  // The parser saw only this question; the end of its input is a blank line, unless it is the text's end.
  if (error.found === null && moreFollows) message = message.replace(/end of input found\.$/, 'a blank line found (a blank line ends a GIFT question).');
  if (error.found !== null && error.found.length === 1 && '=~#{}:'.includes(error.found)) {
    message += ` Write \\${error.found} for a literal ${error.found}.`;
  }
  return `Syntax error at column ${error.location.start.column}: ${message}`;
}

/** A draft for questionDraftSchema, or why this GIFT item has no Quizgraph counterpart. */
function toDraftInput(item: Exclude<GIFTQuestion, { type: 'Category' }>): QuestionDraftInput | string {
  const prompt = plainText(item.stem);
  switch (item.type) {
    case 'TF':
      return { type: 'TRUE_FALSE', prompt, correctAnswer: item.isTrue, ...explanation(item.globalFeedback) };
    case 'MC':
      return choiceDraft(prompt, item.choices, item.globalFeedback);
    case 'Short': {
      if (item.choices.some((c) => credit(c) !== 100)) {
        return 'Short answers with partial credit (=%50%…) are not supported: every accepted answer of a SHORT_TEXT question earns full marks.';
      }
      return { type: 'SHORT_TEXT', prompt, acceptedAnswers: item.choices.map((c) => plainText(c.text)), ...explanation(item.globalFeedback) };
    }
    case 'Numerical': {
      const answer = numericAnswer(item.choices);
      if (typeof answer === 'string') return answer;
      return { type: 'NUMERIC', prompt, ...answer, ...explanation(item.globalFeedback) };
    }
    case 'Matching':
      return 'Matching questions are not supported: Quizgraph has no matching type (and ORDERING has no GIFT form).';
    case 'Essay':
      return 'Essay questions are not supported: every Quizgraph question is scored automatically.';
    case 'Description':
      return 'Descriptions (text without answers) are not supported: every item must be a question.';
    default:
      return `${(item as { type: string }).type} questions are not supported.`;
  }
}

/**
 * A GIFT answer's credit in percent. `=` is full credit and `~` none, unless a `%n%` weight says
 * otherwise; the parser leaves `isCorrect` false on `~%50%…`, so the weight decides.
 */
const credit = (choice: TextChoice | NumericalChoice) => choice.weight ?? (choice.isCorrect ? 100 : 0);

function choiceDraft(prompt: string, choices: TextChoice[], feedback: TextFormat | null): QuestionDraftInput {
  const labels = choices.map((c) => plainText(c.text));
  if (choices.every((c) => c.weight === null)) {
    const correct = choices.filter((c) => c.isCorrect).length;
    return correct > 1
      ? {
          type: 'MULTIPLE_CHOICE',
          prompt,
          scoring: 'PARTIAL',
          options: choices.map((c, i) => ({ label: labels[i]!, correct: c.isCorrect })),
          ...explanation(feedback),
        }
      : { type: 'SINGLE_CHOICE', prompt, options: choices.map((c, i) => ({ label: labels[i]!, correct: c.isCorrect })), ...explanation(feedback) };
  }
  // Weights make a multiple-answer question. Quizgraph has no weight 0: the wrong answers GIFT gives
  // no penalty share one of -100%, as Quizgraph does by default, so that choosing everything earns nothing.
  const unpenalised = choices.filter((c) => credit(c) === 0).length;
  return {
    type: 'MULTIPLE_CHOICE',
    prompt,
    scoring: 'PARTIAL',
    options: choices.map((c, i) => {
      const weight = credit(c) === 0 ? -1 / unpenalised : credit(c) / 100;
      return { label: labels[i]!, correct: weight > 0, weight };
    }),
    ...explanation(feedback),
  };
}

function numericAnswer(choices: NumericalChoice[] | NumericalFormat): { numericAnswer: number; tolerance: number } | string {
  if (!Array.isArray(choices)) return valueAndTolerance(choices);
  // Wrong answers (~) only carry feedback in GIFT: they earn nothing, as any other wrong answer does.
  if (choices.some((c) => credit(c) > 0 && credit(c) < 100)) {
    return 'Numerical answers with partial credit (=%50%…) are not supported: a NUMERIC question has one answer and a tolerance.';
  }
  const full = choices.filter((c) => credit(c) === 100);
  if (full.length !== 1)
    return `A numerical question needs exactly one correct answer here (it has ${full.length}): a NUMERIC question has one answer and a tolerance.`;
  return valueAndTolerance(full[0]!.text);
}

function valueAndTolerance(answer: NumericalFormat | TextFormat): { numericAnswer: number; tolerance: number } | string {
  // `{#=}` gives a text "*" in place of a number.
  if (!('type' in answer)) return 'A numerical answer needs a number.';
  switch (answer.type) {
    case 'simple':
      return { numericAnswer: answer.number ?? Number.NaN, tolerance: 0 };
    case 'range':
      return { numericAnswer: answer.number ?? Number.NaN, tolerance: answer.range ?? 0 };
    case 'high-low': {
      const low = answer.numberLow ?? Number.NaN;
      const high = answer.numberHigh ?? Number.NaN;
      return { numericAnswer: (low + high) / 2, tolerance: Math.abs(high - low) / 2 };
    }
  }
}

function explanation(feedback: TextFormat | null): { explanation?: string } {
  return feedback ? { explanation: plainText(feedback) } : {};
}

/**
 * GIFT text as plain text. The parser has already taken off the `[format]` marker and decoded the
 * escapes; HTML is reduced to its text, Markdown kept as written (it reads as plain text).
 */
function plainText(text: TextFormat): string {
  if (text.format !== 'html') return text.text;
  return decodeEntities(text.text.replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])>/giu, '\n').replace(/<[^>]*>/gu, ''))
    .split('\n')
    .map((line) => line.replace(/[ \t]+/gu, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** `$course$/top/Geography/Capitals` names the quiz "Capitals"; `$course$` alone names nothing. */
function categoryTitle(path: string): string | undefined {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && !/^\$\w+\$$/u.test(p));
  return parts.at(-1);
}

/** Where in a question a draft problem is, in GIFT's words. */
function whereInQuestion(path: readonly PropertyKey[]): string {
  const [field, index] = path;
  if (field === 'prompt') return 'The question text: ';
  if (field === 'explanation') return 'The general feedback (####): ';
  if ((field === 'options' || field === 'acceptedAnswers') && typeof index === 'number') return `Answer ${index + 1}: `;
  return '';
}

function sorted(problems: GiftProblem[]): GiftProblem[] {
  return [...problems].sort((a, b) => a.line - b.line);
}
