import { z } from 'zod';
import { cleanText } from './text.js';

/**
 * The question model. A question has a public part (`content`: what a player needs to answer) and a
 * secret part (`key`: what makes an answer right). They are stored apart so that no code path that
 * serves players ever holds the key. Adding a question type means adding it here, in answers.ts and
 * in scoring.ts: nothing else in the services switches on the type.
 */
export const QUESTION_TYPES = ['SINGLE_CHOICE', 'TRUE_FALSE', 'MULTIPLE_CHOICE', 'NUMERIC', 'SHORT_TEXT', 'ORDERING'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Whether a MULTIPLE_CHOICE or ORDERING question gives partial credit. */
export const PARTIAL_SCORINGS = ['ALL_OR_NOTHING', 'PARTIAL'] as const;
export type PartialScoring = (typeof PARTIAL_SCORINGS)[number];

export const LIMITS = {
  promptLength: 1000,
  explanationLength: 2000,
  labelLength: 500,
  options: 10,
  acceptedAnswers: 20,
  acceptedAnswerLength: 200,
  minPoints: 1,
  maxPoints: 100,
  /** |value| and tolerance of a NUMERIC key. */
  numericMagnitude: 1e12,
} as const;

/** Weights that add up to 1 within this much count as adding up to 1 (1/3 + 1/3 + 1/3). */
const WEIGHT_EPSILON = 1e-6;

// ---------------------------------------------------------------------------------------------------
// Drafts: a question as an author writes it (GraphQL input, the JSON export format, GIFT import).

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} is required.` })
    .transform(cleanText)
    .pipe(z.string().min(1, `${what} cannot be empty.`).max(max, `${what} has at most ${max} characters.`));

const common = {
  prompt: text(LIMITS.promptLength, 'A question prompt'),
  points: z
    .number()
    .int('Points are a whole number.')
    .min(LIMITS.minPoints, `A question is worth at least ${LIMITS.minPoints} point.`)
    .max(LIMITS.maxPoints, `A question is worth at most ${LIMITS.maxPoints} points.`)
    .default(1),
  explanation: z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(LIMITS.explanationLength, `An explanation has at most ${LIMITS.explanationLength} characters.`))
    .optional()
    .transform((e) => (e ? e : null)),
};

const options = (what: string) =>
  z
    .array(
      z.strictObject({
        label: text(LIMITS.labelLength, 'An option label'),
        correct: z.boolean().optional(),
        weight: z.number().min(-1, 'A weight is at least -1.').max(1, 'A weight is at most 1.').optional(),
      }),
      { error: `${what} needs \`options\`.` },
    )
    .min(2, 'A question needs at least 2 options.')
    .max(LIMITS.options, `A question has at most ${LIMITS.options} options.`);

const finite = (what: string) =>
  z
    // zod refuses NaN and ±Infinity as not numbers at all: say so rather than "required".
    .number({ error: (issue) => (typeof issue.input === 'number' ? `${what} must be a finite number.` : `${what} is required.`) })
    .refine(Number.isFinite, `${what} must be a finite number.`)
    .refine((n) => Math.abs(n) <= LIMITS.numericMagnitude, `${what} is at most ${LIMITS.numericMagnitude} in size.`);

/** Refuses fields that do not belong to the type, by name. */
const unknownFields = (type: string) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `${(issue.keys ?? []).map((k) => `\`${k}\``).join(', ')} ${(issue.keys ?? []).length > 1 ? 'do' : 'does'} not apply to a ${type} question.`
      : undefined,
});

const draftVariants = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('SINGLE_CHOICE'), ...common, options: options('A SINGLE_CHOICE question') }, unknownFields('SINGLE_CHOICE')),
  z.strictObject(
    {
      type: z.literal('MULTIPLE_CHOICE'),
      ...common,
      options: options('A MULTIPLE_CHOICE question'),
      scoring: z.enum(PARTIAL_SCORINGS).default('ALL_OR_NOTHING'),
    },
    unknownFields('MULTIPLE_CHOICE'),
  ),
  z.strictObject(
    {
      type: z.literal('TRUE_FALSE'),
      ...common,
      correctAnswer: z.boolean({ error: 'A TRUE_FALSE question needs `correctAnswer` (true or false).' }),
    },
    unknownFields('TRUE_FALSE'),
  ),
  z.strictObject(
    {
      type: z.literal('NUMERIC'),
      ...common,
      numericAnswer: finite('A NUMERIC question’s `numericAnswer`'),
      tolerance: finite('The tolerance')
        .refine((t) => t >= 0, 'The tolerance cannot be negative.')
        .default(0),
    },
    unknownFields('NUMERIC'),
  ),
  z.strictObject(
    {
      type: z.literal('SHORT_TEXT'),
      ...common,
      acceptedAnswers: z
        .array(text(LIMITS.acceptedAnswerLength, 'An accepted answer'), { error: 'A SHORT_TEXT question needs `acceptedAnswers`.' })
        .min(1, 'A SHORT_TEXT question needs at least one accepted answer.')
        .max(LIMITS.acceptedAnswers, `A question has at most ${LIMITS.acceptedAnswers} accepted answers.`),
      caseSensitive: z.boolean().default(false),
    },
    unknownFields('SHORT_TEXT'),
  ),
  z.strictObject(
    {
      type: z.literal('ORDERING'),
      ...common,
      items: z
        .array(text(LIMITS.labelLength, 'An item'), { error: 'An ORDERING question needs `items`, in their right order.' })
        .min(2, 'An ORDERING question needs at least 2 items.')
        .max(LIMITS.options, `A question has at most ${LIMITS.options} items.`),
      scoring: z.enum(PARTIAL_SCORINGS).default('ALL_OR_NOTHING'),
    },
    unknownFields('ORDERING'),
  ),
]);

/** Drops absent (null) fields first: GraphQL sends null for what a client left out. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/**
 * A question as an author writes it. Fields that do not belong to the type are refused by name
 * (`items` on a NUMERIC question), so a client learns at once which fields a type takes.
 */
export const questionDraftSchema = z.preprocess(
  (value) => {
    const cleaned = withoutNulls(value);
    // SINGLE_CHOICE is the default type, as it was before there were others.
    return cleaned && typeof cleaned === 'object' && !('type' in cleaned) ? { ...cleaned, type: 'SINGLE_CHOICE' } : cleaned;
  },
  draftVariants.superRefine((draft, ctx) => {
    if (draft.type === 'SINGLE_CHOICE') {
      draft.options.forEach((o, i) => {
        if (o.weight !== undefined) ctx.addIssue({ code: 'custom', message: 'Only MULTIPLE_CHOICE options take a weight.', path: ['options', i, 'weight'] });
      });
    }
    if (draft.type === 'MULTIPLE_CHOICE') {
      const weighted = draft.options.filter((o) => o.weight !== undefined).length;
      if (weighted > 0 && weighted < draft.options.length) {
        ctx.addIssue({ code: 'custom', message: 'Give a weight to every option or to none.', path: ['options'] });
      }
      draft.options.forEach((o, i) => {
        if (o.weight === undefined) return;
        if (o.weight === 0)
          ctx.addIssue({ code: 'custom', message: 'A weight cannot be 0: correct options weigh more, wrong ones less.', path: ['options', i, 'weight'] });
        if (o.correct !== undefined && o.correct !== o.weight > 0) {
          ctx.addIssue({
            code: 'custom',
            message: 'A correct option has a positive weight and a wrong one a negative weight.',
            path: ['options', i, 'weight'],
          });
        }
      });
    }
  }),
);

export type QuestionDraft = z.output<typeof draftVariants>;
/** A draft before defaults are filled in: what may be written in an import document. */
export type QuestionDraftInput = z.input<typeof draftVariants>;

// ---------------------------------------------------------------------------------------------------
// Stored questions: public content and secret key, by type.

const labelled = z.object({ id: z.string().min(1), label: z.string() });

const shapes = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('SINGLE_CHOICE'),
    content: z.object({ options: z.array(labelled) }),
    key: z.object({ correctOptionIds: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('MULTIPLE_CHOICE'),
    content: z.object({ options: z.array(labelled), scoring: z.enum(PARTIAL_SCORINGS) }),
    /** Every option's weight: positive for correct options (summing to 1), negative for wrong ones. */
    key: z.object({ weights: z.array(z.object({ optionId: z.string(), weight: z.number() })) }),
  }),
  z.object({ type: z.literal('TRUE_FALSE'), content: z.object({}), key: z.object({ correctAnswer: z.boolean() }) }),
  z.object({ type: z.literal('NUMERIC'), content: z.object({}), key: z.object({ value: z.number(), tolerance: z.number().nonnegative() }) }),
  z.object({
    type: z.literal('SHORT_TEXT'),
    content: z.object({}),
    key: z.object({ acceptedAnswers: z.array(z.string()), caseSensitive: z.boolean() }),
  }),
  z.object({
    type: z.literal('ORDERING'),
    /** The items in the order players see them: never the right order. */
    content: z.object({ items: z.array(labelled), scoring: z.enum(PARTIAL_SCORINGS) }),
    /** Item ids in the right order. */
    key: z.object({ order: z.array(z.string()) }),
  }),
]);

/** The type, public content and secret key of a question (how JSON columns and the key channel carry it). */
export const questionShapeSchema = shapes;
export type QuestionShape = z.infer<typeof shapes>;
export type QuestionContent = QuestionShape['content'];
export type QuestionKey = QuestionShape['key'];

/** Reads a stored question's content and key, failing loudly if the stored JSON is not of its type. */
export function readQuestionShape(type: string, content: unknown, key: unknown): QuestionShape {
  return shapes.parse({ type, content, key });
}

/** Reads a stored question's public content only (players' paths never load the key). */
export function readQuestionContent(type: QuestionType, content: unknown): QuestionContent {
  const variant = shapes.options.find((o) => o.shape.type.value === type);
  if (!variant) throw new Error(`Unknown question type ${type}`);
  return variant.shape.content.parse(content) as QuestionContent;
}

/** A question with everything scoring needs: what the quizzes service sends results. */
export type KeyedQuestion = QuestionShape & {
  id: string;
  position: number;
  points: number;
  prompt: string;
  explanation: string | null;
};

export interface BuiltQuestion {
  prompt: string;
  points: number;
  explanation: string | null;
  shape: QuestionShape;
}

/**
 * Turns a draft into what is stored: fresh ids for options and items, derived weights, and the
 * ORDERING items scrambled so that players never see them in their right order.
 */
export function buildQuestion(draft: QuestionDraft, newId: () => string): BuiltQuestion {
  const base = { prompt: draft.prompt, points: draft.points, explanation: draft.explanation };
  switch (draft.type) {
    case 'SINGLE_CHOICE': {
      const opts = draft.options.map((o) => ({ id: newId(), label: o.label, correct: o.correct ?? false }));
      return {
        ...base,
        shape: {
          type: draft.type,
          content: { options: opts.map(({ id, label }) => ({ id, label })) },
          key: { correctOptionIds: opts.filter((o) => o.correct).map((o) => o.id) },
        },
      };
    }
    case 'MULTIPLE_CHOICE': {
      const opts = draft.options.map((o) => ({ id: newId(), label: o.label, correct: o.correct ?? (o.weight ?? 0) > 0, weight: o.weight }));
      const right = opts.filter((o) => o.correct).length;
      const wrong = opts.length - right;
      // Without weights from the author: the correct options share 1; the wrong ones share -1, so
      // that choosing every option earns nothing.
      const weightOf = (o: (typeof opts)[number]) => o.weight ?? (o.correct ? 1 / Math.max(right, 1) : -1 / Math.max(wrong, 1));
      return {
        ...base,
        shape: {
          type: draft.type,
          content: { options: opts.map(({ id, label }) => ({ id, label })), scoring: draft.scoring },
          key: { weights: opts.map((o) => ({ optionId: o.id, weight: weightOf(o) })) },
        },
      };
    }
    case 'TRUE_FALSE':
      return { ...base, shape: { type: draft.type, content: {}, key: { correctAnswer: draft.correctAnswer } } };
    case 'NUMERIC':
      return { ...base, shape: { type: draft.type, content: {}, key: { value: draft.numericAnswer, tolerance: draft.tolerance } } };
    case 'SHORT_TEXT':
      return {
        ...base,
        shape: { type: draft.type, content: {}, key: { acceptedAnswers: [...new Set(draft.acceptedAnswers)], caseSensitive: draft.caseSensitive } },
      };
    case 'ORDERING': {
      const items = draft.items.map((label) => ({ id: newId(), label }));
      return {
        ...base,
        shape: { type: draft.type, content: { items: scramble(items), scoring: draft.scoring }, key: { order: items.map((i) => i.id) } },
      };
    }
  }
}

/**
 * A fixed order that is never the right one: by id (ids are random, so the order is too), rotated
 * by one if that happens to be the right order.
 */
function scramble<T extends { id: string }>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const same = sorted.every((item, i) => item.id === items[i]!.id);
  return same && sorted.length > 1 ? [...sorted.slice(1), sorted[0]!] : sorted;
}

/** The draft that builds this question again: what export writes and authors read. */
export function toDraft(question: { prompt: string; points: number; explanation: string | null; shape: QuestionShape }): QuestionDraft {
  const base = { prompt: question.prompt, points: question.points, explanation: question.explanation };
  const { shape } = question;
  switch (shape.type) {
    case 'SINGLE_CHOICE': {
      const correct = new Set(shape.key.correctOptionIds);
      return { ...base, type: shape.type, options: shape.content.options.map((o) => ({ label: o.label, correct: correct.has(o.id) })) };
    }
    case 'MULTIPLE_CHOICE': {
      const weights = new Map(shape.key.weights.map((w) => [w.optionId, w.weight]));
      return {
        ...base,
        type: shape.type,
        scoring: shape.content.scoring,
        options: shape.content.options.map((o) => {
          const weight = weights.get(o.id) ?? 0;
          return { label: o.label, correct: weight > 0, weight };
        }),
      };
    }
    case 'TRUE_FALSE':
      return { ...base, type: shape.type, correctAnswer: shape.key.correctAnswer };
    case 'NUMERIC':
      return { ...base, type: shape.type, numericAnswer: shape.key.value, tolerance: shape.key.tolerance };
    case 'SHORT_TEXT':
      return { ...base, type: shape.type, acceptedAnswers: shape.key.acceptedAnswers, caseSensitive: shape.key.caseSensitive };
    case 'ORDERING': {
      const labels = new Map(shape.content.items.map((i) => [i.id, i.label]));
      return { ...base, type: shape.type, scoring: shape.content.scoring, items: shape.key.order.map((id) => labels.get(id) ?? '') };
    }
  }
}

/**
 * Why this question's key cannot be scored yet; empty when it can. Drafts may hold incomplete keys;
 * publishing (and every edit of a published quiz) requires none of these.
 */
export function keyProblems(shape: QuestionShape): string[] {
  switch (shape.type) {
    case 'SINGLE_CHOICE': {
      const ids = new Set(shape.content.options.map((o) => o.id));
      const correct = shape.key.correctOptionIds.filter((id) => ids.has(id));
      if (shape.content.options.length < 2) return ['needs at least 2 options.'];
      return correct.length === 1 ? [] : [`needs exactly one correct option (it has ${correct.length}).`];
    }
    case 'MULTIPLE_CHOICE': {
      const problems: string[] = [];
      if (shape.content.options.length < 2) problems.push('needs at least 2 options.');
      const positive = shape.key.weights.filter((w) => w.weight > 0);
      if (positive.length === 0) problems.push('needs at least one correct option.');
      else if (shape.content.scoring === 'PARTIAL') {
        const sum = positive.reduce((s, w) => s + w.weight, 0);
        if (Math.abs(sum - 1) > WEIGHT_EPSILON) problems.push(`needs the weights of its correct options to add up to 1 (they add up to ${round(sum)}).`);
        if (shape.key.weights.some((w) => w.weight === 0)) problems.push('has an option with weight 0: correct options weigh more than 0, wrong ones less.');
      }
      return problems;
    }
    case 'TRUE_FALSE':
      return [];
    case 'NUMERIC':
      return Number.isFinite(shape.key.value) && shape.key.tolerance >= 0 ? [] : ['needs a finite value and a tolerance of at least 0.'];
    case 'SHORT_TEXT':
      return shape.key.acceptedAnswers.some((a) => a.trim().length > 0) ? [] : ['needs at least one accepted answer.'];
    case 'ORDERING':
      return shape.content.items.length >= 2 ? [] : ['needs at least 2 items.'];
  }
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
