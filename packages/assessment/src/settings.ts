import { z } from 'zod';

/** How an attempt's points are counted. */
export const SCORING_POLICIES = ['CORRECTNESS', 'SPEED'] as const;
export type ScoringPolicy = (typeof SCORING_POLICIES)[number];

/**
 * What a player sees after submitting, each level including the ones before it: the score only;
 * which questions were right; the correct answers; the explanations.
 */
export const REVIEW_POLICIES = ['SCORE_ONLY', 'QUESTION_RESULTS', 'CORRECT_ANSWERS', 'EXPLANATIONS'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

/** Which of a player's attempts ranks on the quiz's leaderboard. */
export const LEADERBOARD_ATTEMPTS = ['FIRST', 'BEST'] as const;
export type LeaderboardAttempt = (typeof LEADERBOARD_ATTEMPTS)[number];

/** True when `policy` lets a player see at least what `level` shows. */
export function reviewAllows(policy: ReviewPolicy, level: ReviewPolicy): boolean {
  return REVIEW_POLICIES.indexOf(policy) >= REVIEW_POLICIES.indexOf(level);
}

/** A quiz version's settings: stored by quizzes with each version, enforced by results. */
export const quizSettingsSchema = z
  .object({
    timeLimitSeconds: z
      .number()
      .int('The time limit is a whole number of seconds.')
      .min(10, 'The time limit is at least 10 seconds.')
      .max(86_400, 'The time limit is at most 86400 seconds (a day).')
      .nullable(),
    maxAttempts: z
      .number()
      .int('The attempt limit is a whole number.')
      .min(1, 'A quiz allows at least 1 attempt.')
      .max(1000, 'A quiz allows at most 1000 attempts per player.')
      .nullable(),
    scoringPolicy: z.enum(SCORING_POLICIES),
    shuffleQuestions: z.boolean(),
    shuffleOptions: z.boolean(),
    reviewPolicy: z.enum(REVIEW_POLICIES),
    leaderboardAttempt: z.enum(LEADERBOARD_ATTEMPTS),
  })
  .refine((s) => s.scoringPolicy !== 'SPEED' || s.timeLimitSeconds !== null, {
    message: 'The SPEED scoring policy needs a time limit: points shrink with the time used out of it.',
    path: ['scoringPolicy'],
  });

export type QuizSettings = z.infer<typeof quizSettingsSchema>;

export const DEFAULT_SETTINGS: QuizSettings = {
  timeLimitSeconds: null,
  maxAttempts: null,
  scoringPolicy: 'CORRECTNESS',
  shuffleQuestions: false,
  shuffleOptions: false,
  reviewPolicy: 'QUESTION_RESULTS',
  leaderboardAttempt: 'BEST',
};

/** Settings as a client sends them: any subset, laid over `base` (nulls clear the optional limits). */
export function mergeSettings(base: QuizSettings, patch: Partial<Record<keyof QuizSettings, unknown>> | null | undefined): unknown {
  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(patch ?? {})) {
    if (value === undefined) continue;
    // A null clears a limit; for the flags and policies it means "leave as it is".
    if (value === null && name !== 'timeLimitSeconds' && name !== 'maxAttempts') continue;
    merged[name] = value;
  }
  return merged;
}
