import { DEFAULT_SETTINGS, type QuestionDraft, type QuizSettings } from '@quizgraph/assessment';
import type { z } from 'zod';
import { createQuizInput, type CreateQuizInput } from './quizRules.js';

/**
 * The quiz exchange format: one quiz as a versioned JSON document that authors can keep, edit by
 * hand and import again (docs/quiz-format.md describes it for them). The quiz inside is exactly what
 * createQuiz takes, less the idempotency key; a document never carries ids, since import assigns new
 * ones.
 */

export const QUIZ_DOCUMENT_FORMAT = 'quizgraph.quiz';
/** The version export writes. */
export const QUIZ_DOCUMENT_VERSION = 1;
/** The versions import reads. A change that an older importer would misread gets a new version. */
export const SUPPORTED_QUIZ_DOCUMENT_VERSIONS: readonly number[] = [1];

/** The quiz fields of a version 1 document, in the order export writes them. */
const QUIZ_FIELDS = ['title', 'description', 'category', 'tags', 'difficulty', 'settings', 'questions'] as const;
const ENVELOPE_FIELDS = ['format', 'formatVersion', 'quiz'] as const;
const SETTING_FIELDS = Object.keys(DEFAULT_SETTINGS) as Array<keyof QuizSettings>;
/** The order of a question's fields in an exported document; fields not listed follow, sorted. */
const QUESTION_FIELD_ORDER = [
  'type',
  'prompt',
  'points',
  'scoring',
  'options',
  'correctAnswer',
  'numericAnswer',
  'tolerance',
  'acceptedAnswers',
  'caseSensitive',
  'items',
  'explanation',
];
const OPTION_FIELD_ORDER = ['label', 'correct', 'weight'];

/** What an export needs: a quiz version's content, without ids, author or status. */
export interface QuizDocumentContent {
  title: string;
  description: string;
  category: string | null;
  tags: string[];
  difficulty: CreateQuizInput['difficulty'];
  settings: QuizSettings;
  questions: QuestionDraft[];
}

/** `path` is where in the document, dot-separated (`quiz.questions.2.options.0.label`); "" is the whole document. */
export interface DocumentProblem {
  path: string;
  message: string;
}

export type ParsedQuizDocument = { ok: true; quiz: CreateQuizInput } | { ok: false; problems: DocumentProblem[] };

/** Writes a quiz as a document: two-space JSON, fields always in the same order, absent question fields left out. */
export function exportQuizDocument(quiz: QuizDocumentContent): string {
  const document = {
    format: QUIZ_DOCUMENT_FORMAT,
    formatVersion: QUIZ_DOCUMENT_VERSION,
    quiz: {
      title: quiz.title,
      description: quiz.description,
      category: quiz.category,
      tags: quiz.tags,
      difficulty: quiz.difficulty,
      // Settings keep their nulls: a null limit means "no limit", which a reader should see.
      settings: Object.fromEntries(SETTING_FIELDS.map((name) => [name, quiz.settings[name]])),
      questions: quiz.questions.map((question) =>
        inOrder('options' in question ? { ...question, options: question.options.map((o) => inOrder(o, OPTION_FIELD_ORDER)) } : question, QUESTION_FIELD_ORDER),
      ),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Reads a document into createQuiz's input, or says everything that is wrong with it, each problem
 * with its path. The quiz is read only when its `formatVersion` is one this importer knows: a quiz of
 * an unknown version may mean something else by the same fields.
 */
export function parseQuizDocument(text: string): ParsedQuizDocument {
  let document: unknown;
  try {
    // Editors on Windows like to start a UTF-8 file with a byte order mark, which JSON.parse refuses.
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: jsonSyntaxMessage(text, error) }] };
  }
  if (!isRecord(document)) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `A quiz document is a JSON object: { "format": "${QUIZ_DOCUMENT_FORMAT}", "formatVersion": ${QUIZ_DOCUMENT_VERSION}, "quiz": { … } }.`,
        },
      ],
    };
  }

  const problems: DocumentProblem[] = [];
  for (const key of unknownKeys(document, ENVELOPE_FIELDS)) {
    problems.push({ path: key, message: `\`${key}\` is not part of a quiz document, which holds \`format\`, \`formatVersion\` and \`quiz\`.` });
  }
  if (!('format' in document)) {
    problems.push({ path: 'format', message: `A quiz document needs "format": "${QUIZ_DOCUMENT_FORMAT}".` });
  } else if (document.format !== QUIZ_DOCUMENT_FORMAT) {
    problems.push({
      path: 'format',
      message: `The format is "${QUIZ_DOCUMENT_FORMAT}", not ${JSON.stringify(document.format)}: this is not a Quizgraph quiz document.`,
    });
  }
  const supported = `this importer reads formatVersion ${SUPPORTED_QUIZ_DOCUMENT_VERSIONS.join(', ')}`;
  const versionKnown = SUPPORTED_QUIZ_DOCUMENT_VERSIONS.includes(document.formatVersion as number);
  if (!('formatVersion' in document)) {
    problems.push({ path: 'formatVersion', message: `A quiz document needs a \`formatVersion\`: ${supported}.` });
  } else if (!versionKnown) {
    problems.push({ path: 'formatVersion', message: `formatVersion ${JSON.stringify(document.formatVersion)} is not supported: ${supported}.` });
  }
  if (!('quiz' in document)) {
    problems.push({ path: 'quiz', message: 'A quiz document needs a `quiz` object.' });
  } else if (!isRecord(document.quiz)) {
    problems.push({ path: 'quiz', message: '`quiz` is an object: { "title": …, "questions": [ … ] }.' });
  } else if (versionKnown) {
    const read = readQuiz(document.quiz);
    problems.push(...read.problems);
    if (problems.length === 0 && read.quiz) return { ok: true, quiz: read.quiz };
  }
  return { ok: false, problems };
}

/** The quiz object of a version 1 document, or every problem it has, with paths from the document's root. */
function readQuiz(quiz: Record<string, unknown>): { quiz?: CreateQuizInput; problems: DocumentProblem[] } {
  const problems: DocumentProblem[] = [];
  for (const key of unknownKeys(quiz, QUIZ_FIELDS)) {
    problems.push({ path: `quiz.${key}`, message: unknownQuizFieldMessage(key) });
  }
  // createQuizInput lays settings over the defaults and drops names it does not know; a document
  // refuses them instead, so that a misspelt setting does not silently become the default.
  if (isRecord(quiz.settings)) {
    for (const key of unknownKeys(quiz.settings, SETTING_FIELDS)) {
      problems.push({
        path: `quiz.settings.${key}`,
        message: `\`${key}\` is not a setting; the settings are ${SETTING_FIELDS.map((f) => `\`${f}\``).join(', ')}.`,
      });
    }
  }
  // Only the fields of the format reach createQuizInput: no idempotency key slips in through a document.
  // Settings left out are the defaults (said explicitly: createQuizInput's settings field is not optional).
  const known = { settings: null, ...Object.fromEntries(QUIZ_FIELDS.filter((f) => f in quiz).map((f) => [f, quiz[f]])) };
  const parsed = createQuizInput.safeParse(known);
  if (!parsed.success) return { problems: [...problems, ...parsed.error.issues.flatMap((issue) => issueProblems(issue, quiz))] };
  return { quiz: parsed.data, problems };
}

/** One problem per zod issue, except that unknown fields get one each, at their own path. */
function issueProblems(issue: z.core.$ZodIssue, quiz: Record<string, unknown>): DocumentProblem[] {
  const path = ['quiz', ...issue.path.map(String)];
  if (issue.code !== 'unrecognized_keys') return [{ path: path.join('.'), message: issue.message }];
  return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: unknownNestedFieldMessage(issue.path, key, quiz) }));
}

function unknownQuizFieldMessage(key: string): string {
  if (key === 'id' || key === 'quizId') return IDS_MESSAGE;
  if (key === 'idempotencyKey') return 'An idempotency key is not part of a quiz document: give it to the import request instead.';
  return `\`${key}\` is not a field of a quiz; a quiz has ${QUIZ_FIELDS.map((f) => `\`${f}\``).join(', ')}.`;
}

const IDS_MESSAGE = 'A quiz document carries no ids: they are assigned on import.';

function unknownNestedFieldMessage(path: readonly PropertyKey[], key: string, quiz: Record<string, unknown>): string {
  if (key === 'id') return IDS_MESSAGE;
  const [list, index, field] = path;
  if (list === 'questions' && path.length === 2) {
    const question = (quiz.questions as unknown[])[index as number];
    const type = isRecord(question) && typeof question.type === 'string' ? question.type : 'SINGLE_CHOICE';
    return `\`${key}\` does not apply to a ${type} question.`;
  }
  if (list === 'questions' && field === 'options') return `\`${key}\` is not a field of an option; an option has \`label\`, \`correct\` and \`weight\`.`;
  return `\`${key}\` is not a field here.`;
}

/** JSON.parse's message, with the line and column where Node gives only a character position. */
function jsonSyntaxMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (!position || /line \d+/.test(message)) return `Not valid JSON: ${message.replace(/\.?$/, '.')}`;
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `Not valid JSON: ${message} (line ${line}, column ${column}).`;
}

function unknownKeys(object: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(object).filter((key) => !known.includes(key));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object's fields in `order`, then any others sorted by name, without null or undefined ones. */
function inOrder(object: object, order: readonly string[]): Record<string, unknown> {
  const entries = Object.entries(object).filter(([, value]) => value !== null && value !== undefined);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
