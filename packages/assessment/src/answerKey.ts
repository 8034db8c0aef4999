import { z } from 'zod';
import { questionShapeSchema, type KeyedQuestion } from './questions.js';
import { quizSettingsSchema, type QuizSettings } from './settings.js';

/**
 * The answer key of one version of a quiz, as the quizzes service's internal channel sends it and
 * results reads it. One definition for both sides; results validates it, since it crosses a process
 * boundary.
 */
export const answerKeySchema = z.object({
  quizId: z.string(),
  /** The quiz's author: who, besides admins, may read its item analysis. */
  authorId: z.string(),
  version: z.number().int().positive(),
  /** The version players get now (a newer one may exist than the one asked for). */
  currentVersion: z.number().int().positive(),
  status: z.enum(['DRAFT', 'PUBLISHED', 'ARCHIVED']),
  settings: quizSettingsSchema,
  questions: z.array(
    z.intersection(
      questionShapeSchema,
      z.object({
        id: z.string(),
        position: z.number().int().positive(),
        points: z.number().int().nonnegative(),
        prompt: z.string(),
        explanation: z.string().nullable(),
      }),
    ),
  ),
});

export interface AnswerKey {
  quizId: string;
  authorId: string;
  version: number;
  currentVersion: number;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  settings: QuizSettings;
  questions: KeyedQuestion[];
}

export function parseAnswerKey(body: unknown): AnswerKey {
  return answerKeySchema.parse(body) as AnswerKey;
}

/**
 * The entity tag of a quiz's current answer key: its version and status. A published or archived
 * version's key never changes, so a reader holding the key a tag names may ask "still this one?"
 * (`If-None-Match`) and skip the key itself when the answer is yes. Drafts, edited in place, get none.
 */
export function answerKeyTag(key: Pick<AnswerKey, 'version' | 'status'>): string | null {
  return key.status === 'DRAFT' ? null : `"${key.version}-${key.status}"`;
}
