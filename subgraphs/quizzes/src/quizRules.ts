import { z } from 'zod';

const text = (max: number, what: string) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, `${what} cannot be empty.`).max(max, `${what} has at most ${max} characters.`));

const option = z.object({ label: text(500, 'An option label'), correct: z.boolean() });

const question = z
  .object({
    prompt: text(1000, 'A question prompt'),
    points: z.number().int().min(1, 'A question is worth at least 1 point.').max(100, 'A question is worth at most 100 points.'),
    explanation: z.string().trim().max(2000, 'An explanation has at most 2000 characters.').nullish(),
    options: z.array(option).min(2, 'A question needs at least 2 options.').max(10, 'A question has at most 10 options.'),
  })
  .refine((q) => q.options.filter((o) => o.correct).length === 1, {
    message: 'A single-choice question needs exactly one correct option.',
    path: ['options'],
  });

export const createQuizInput = z.object({
  title: text(200, 'A title'),
  description: z.string().trim().max(2000, 'A description has at most 2000 characters.').default(''),
  category: z
    .string()
    .trim()
    .toLowerCase()
    .max(50, 'A category has at most 50 characters.')
    .nullish()
    .transform((c) => (c ? c : null)),
  tags: z
    .array(z.string().trim().toLowerCase().min(1, 'A tag cannot be empty.').max(30, 'A tag has at most 30 characters.'))
    .max(10, 'A quiz has at most 10 tags.')
    .nullish()
    .transform((tags) => [...new Set(tags ?? [])]),
  difficulty: z.enum(['EASY', 'MEDIUM', 'HARD']).nullish().transform((d) => d ?? 'MEDIUM'),
  questions: z.array(question).min(1, 'A quiz needs at least one question.').max(100, 'A quiz has at most 100 questions.'),
  idempotencyKey: z.string().min(1).max(200, 'An idempotency key has at most 200 characters.').nullish(),
});

export type CreateQuizInput = z.infer<typeof createQuizInput>;

export interface KeyedQuestion {
  position: number;
  options: ReadonlyArray<{ isCorrect: boolean }>;
}

/** Why a quiz cannot be published yet; empty when it can. */
export function publishProblems(questions: readonly KeyedQuestion[]): string[] {
  if (questions.length === 0) return ['A quiz needs at least one question.'];
  return questions
    .filter((q) => q.options.length < 2 || q.options.filter((o) => o.isCorrect).length !== 1)
    .map((q) => `Question ${q.position} needs at least 2 options and exactly one correct option.`);
}
