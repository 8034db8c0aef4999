import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings, quizSettingsSchema, REVIEW_POLICIES, reviewAllows, type QuizSettings } from '../src/index.js';

const issuesOf = (settings: unknown) => {
  const result = quizSettingsSchema.safeParse(settings);
  if (result.success) throw new Error(`expected the settings to be refused: ${JSON.stringify(result.data)}`);
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};
const withSettings = (patch: Partial<QuizSettings>) => ({ ...DEFAULT_SETTINGS, ...patch });

describe('quizSettingsSchema', () => {
  it('accepts the default settings', () => {
    expect(quizSettingsSchema.parse(DEFAULT_SETTINGS)).toStrictEqual(DEFAULT_SETTINGS);
  });

  it('has the documented defaults: no limits, CORRECTNESS, no shuffling', () => {
    expect(DEFAULT_SETTINGS).toStrictEqual({
      timeLimitSeconds: null,
      maxAttempts: null,
      scoringPolicy: 'CORRECTNESS',
      shuffleQuestions: false,
      shuffleOptions: false,
      reviewPolicy: 'QUESTION_RESULTS',
      leaderboardAttempt: 'BEST',
    });
  });

  it('refuses SPEED without a time limit, at scoringPolicy', () => {
    expect(issuesOf(withSettings({ scoringPolicy: 'SPEED' }))).toEqual([
      { path: 'scoringPolicy', message: 'The SPEED scoring policy needs a time limit: points shrink with the time used out of it.' },
    ]);
  });

  it('accepts SPEED with a time limit', () => {
    expect(quizSettingsSchema.parse(withSettings({ scoringPolicy: 'SPEED', timeLimitSeconds: 60 }))).toMatchObject({ scoringPolicy: 'SPEED' });
  });

  it.each([10, 600, 86_400, null])('accepts a time limit of %s seconds', (timeLimitSeconds) => {
    expect(quizSettingsSchema.parse(withSettings({ timeLimitSeconds })).timeLimitSeconds).toBe(timeLimitSeconds);
  });

  it.each([
    [9, 'The time limit is at least 10 seconds.'],
    [0, 'The time limit is at least 10 seconds.'],
    [86_401, 'The time limit is at most 86400 seconds (a day).'],
    [30.5, 'The time limit is a whole number of seconds.'],
  ])('refuses a time limit of %d seconds', (timeLimitSeconds, message) => {
    expect(issuesOf(withSettings({ timeLimitSeconds }))).toEqual([{ path: 'timeLimitSeconds', message }]);
  });

  it.each([1, 3, 1000, null])('accepts %s attempts', (maxAttempts) => {
    expect(quizSettingsSchema.parse(withSettings({ maxAttempts })).maxAttempts).toBe(maxAttempts);
  });

  it.each([
    [0, 'A quiz allows at least 1 attempt.'],
    [1001, 'A quiz allows at most 1000 attempts per player.'],
    [1.5, 'The attempt limit is a whole number.'],
  ])('refuses %d attempts', (maxAttempts, message) => {
    expect(issuesOf(withSettings({ maxAttempts }))).toEqual([{ path: 'maxAttempts', message }]);
  });

  it('requires every field (limits as explicit nulls)', () => {
    const { maxAttempts: _omitted, ...rest } = DEFAULT_SETTINGS;
    expect(issuesOf(rest).map((i) => i.path)).toEqual(['maxAttempts']);
  });

  it('refuses unknown policies', () => {
    expect(issuesOf({ ...DEFAULT_SETTINGS, scoringPolicy: 'LUCK' }).map((i) => i.path)).toEqual(['scoringPolicy']);
    expect(issuesOf({ ...DEFAULT_SETTINGS, reviewPolicy: 'EVERYTHING' }).map((i) => i.path)).toEqual(['reviewPolicy']);
    expect(issuesOf({ ...DEFAULT_SETTINGS, leaderboardAttempt: 'LAST' }).map((i) => i.path)).toEqual(['leaderboardAttempt']);
  });
});

describe('mergeSettings', () => {
  const base: QuizSettings = { ...DEFAULT_SETTINGS, timeLimitSeconds: 120, maxAttempts: 3, scoringPolicy: 'SPEED', shuffleOptions: true };

  it('returns the base for no patch', () => {
    expect(mergeSettings(base, null)).toStrictEqual(base);
    expect(mergeSettings(base, undefined)).toStrictEqual(base);
    expect(mergeSettings(base, {})).toStrictEqual(base);
  });

  it('lays the given fields over the base', () => {
    expect(mergeSettings(base, { maxAttempts: 5, reviewPolicy: 'EXPLANATIONS', shuffleOptions: false })).toStrictEqual({
      ...base,
      maxAttempts: 5,
      reviewPolicy: 'EXPLANATIONS',
      shuffleOptions: false,
    });
  });

  it('clears the limits with null', () => {
    expect(mergeSettings(base, { maxAttempts: null })).toStrictEqual({ ...base, maxAttempts: null });
    expect(mergeSettings(DEFAULT_SETTINGS, { timeLimitSeconds: null, maxAttempts: null })).toStrictEqual(DEFAULT_SETTINGS);
  });

  it('leaves flags and policies as they are for null', () => {
    expect(
      mergeSettings(base, { scoringPolicy: null, shuffleQuestions: null, shuffleOptions: null, reviewPolicy: null, leaderboardAttempt: null }),
    ).toStrictEqual(base);
  });

  it('skips undefined fields', () => {
    expect(mergeSettings(base, { timeLimitSeconds: undefined, shuffleOptions: undefined })).toStrictEqual(base);
  });

  it('does not change the base', () => {
    const copy = { ...base };
    mergeSettings(base, { maxAttempts: 9, timeLimitSeconds: null });
    expect(base).toStrictEqual(copy);
  });

  it('leaves validation to the schema: clearing the time limit of a SPEED quiz is refused there', () => {
    const merged = mergeSettings(base, { timeLimitSeconds: null });
    expect(merged).toMatchObject({ timeLimitSeconds: null, scoringPolicy: 'SPEED' });
    expect(issuesOf(merged).map((i) => i.path)).toEqual(['scoringPolicy']);
    expect(issuesOf(mergeSettings(base, { maxAttempts: 0 })).map((i) => i.path)).toEqual(['maxAttempts']);
  });
});

describe('reviewAllows', () => {
  it('orders the levels SCORE_ONLY < QUESTION_RESULTS < CORRECT_ANSWERS < EXPLANATIONS', () => {
    expect(REVIEW_POLICIES).toEqual(['SCORE_ONLY', 'QUESTION_RESULTS', 'CORRECT_ANSWERS', 'EXPLANATIONS']);
  });

  it('lets a policy show its own level and every lower one, and nothing higher', () => {
    REVIEW_POLICIES.forEach((policy, p) => {
      REVIEW_POLICIES.forEach((level, l) => {
        expect(reviewAllows(policy, level), `${policy} shows ${level}`).toBe(p >= l);
      });
    });
  });

  it('reads as intended', () => {
    expect(reviewAllows('SCORE_ONLY', 'SCORE_ONLY')).toBe(true);
    expect(reviewAllows('SCORE_ONLY', 'QUESTION_RESULTS')).toBe(false);
    expect(reviewAllows('CORRECT_ANSWERS', 'QUESTION_RESULTS')).toBe(true);
    expect(reviewAllows('CORRECT_ANSWERS', 'EXPLANATIONS')).toBe(false);
    expect(reviewAllows('EXPLANATIONS', 'CORRECT_ANSWERS')).toBe(true);
  });
});
