import {
  DEFAULT_SETTINGS,
  keyProblems,
  LEADERBOARD_ATTEMPTS,
  mergeSettings,
  questionDraftSchema,
  quizSettingsSchema,
  REVIEW_POLICIES,
  SCORING_POLICIES,
  type QuestionShape,
  type QuizSettings,
} from '@quizgraph/assessment';
import { z } from 'zod';

/** The most questions one quiz version holds. */
export const MAX_QUESTIONS = 100;

const text = (max: number, what: string) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, `${what} cannot be empty.`).max(max, `${what} has at most ${max} characters.`));

/** Tags as stored: NFC like every other text (search and the tag filter compare NFC), lower case. */
const tagList = z
  .array(z.string().normalize('NFC').trim().toLowerCase().min(1, 'A tag cannot be empty.').max(30, 'A tag has at most 30 characters.'))
  .max(10, 'A quiz has at most 10 tags.');

/** A category as stored: NFC and lower case, so that the category filter finds it however it was typed. */
const categoryText = z.string().normalize('NFC').trim().toLowerCase().max(50, 'A category has at most 50 characters.');

/** A quiz's descriptive fields, as createQuiz, updateQuiz and import take them. */
const metadata = {
  title: text(200, 'A title'),
  description: z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(2000, 'A description has at most 2000 characters.')),
  category: categoryText.nullish().transform((c) => (c ? c : null)),
  tags: tagList.nullish().transform((tags) => [...new Set(tags ?? [])]),
  difficulty: z.enum(['EASY', 'MEDIUM', 'HARD']),
};

/** Settings as a client sends them: any subset; absent ones keep their value (or the default). */
export const settingsPatch = z
  .object({
    timeLimitSeconds: z.number().nullish(),
    maxAttempts: z.number().nullish(),
    scoringPolicy: z.enum(SCORING_POLICIES).nullish(),
    shuffleQuestions: z.boolean().nullish(),
    shuffleOptions: z.boolean().nullish(),
    reviewPolicy: z.enum(REVIEW_POLICIES).nullish(),
    leaderboardAttempt: z.enum(LEADERBOARD_ATTEMPTS).nullish(),
  })
  .nullish();

export type SettingsPatch = z.infer<typeof settingsPatch>;

/** Lays a patch over `base` and checks the result as a whole (SPEED needs a time limit, …). */
export function applySettings(base: QuizSettings, patch: SettingsPatch): z.ZodSafeParseResult<QuizSettings> {
  return quizSettingsSchema.safeParse(mergeSettings(base, patch ?? undefined));
}

const questions = z.array(questionDraftSchema).max(MAX_QUESTIONS, `A quiz has at most ${MAX_QUESTIONS} questions.`);

const idempotencyKey = z.string().min(1, 'An idempotency key cannot be empty.').max(200, 'An idempotency key has at most 200 characters.').nullish();

/** A new quiz: metadata, settings and questions (none yet is fine for a draft). */
export const createQuizInput = z.object({
  ...metadata,
  description: metadata.description.nullish().transform((d) => d ?? ''),
  difficulty: metadata.difficulty.nullish().transform((d) => d ?? 'MEDIUM'),
  settings: settingsPatch.transform((patch, ctx) => {
    const merged = applySettings(DEFAULT_SETTINGS, patch);
    if (merged.success) return merged.data;
    for (const issue of merged.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }),
  questions: questions.nullish().transform((q) => q ?? []),
  idempotencyKey,
});

export type CreateQuizInput = z.infer<typeof createQuizInput>;

/** Changes to a quiz's metadata and settings; absent fields stay as they are. */
export const updateQuizInput = z.object({
  title: metadata.title.nullish(),
  description: metadata.description.nullish(),
  /** null clears the category. */
  category: categoryText.nullish(),
  /** null leaves the tags as they are, as for the other fields; [] removes them. */
  tags: tagList.transform((tags) => [...new Set(tags)]).nullish(),
  difficulty: metadata.difficulty.nullish(),
  settings: settingsPatch,
});

export type UpdateQuizInput = z.infer<typeof updateQuizInput>;

export { questionDraftSchema, idempotencyKey as idempotencyKeySchema };

export interface PublishableQuestion {
  position: number;
  shape: QuestionShape;
}

/** Why a quiz version cannot be offered to players; empty when it can. */
export function publishProblems(questions: readonly PublishableQuestion[]): string[] {
  if (questions.length === 0) return ['A quiz needs at least one question.'];
  return questions.flatMap((q) => keyProblems(q.shape).map((problem) => `Question ${q.position} ${problem}`));
}
