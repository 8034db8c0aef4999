import { answerKeyTag, type AnswerKey } from '@quizgraph/assessment';
import type { PrismaClient } from './__generated__/prisma/client.js';
import { settingsOf, shapeOf } from './models.js';

/** The current key is the one the caller's tag names. */
export const NOT_MODIFIED = Symbol('not modified');

/**
 * The answer key of one version of a quiz (default: the current one), with its settings: what results
 * scores against. Served only over the internal channel, never by the public graph.
 *
 * `ifNoneMatch`, for the current version: the tag (`answerKeyTag`) of the key the caller holds. When
 * the current key still has that tag, the answer is NOT_MODIFIED after one small read, instead of the
 * questions.
 */
export async function answerKey(db: PrismaClient, quizId: string, version?: number, ifNoneMatch?: string): Promise<AnswerKey | null | typeof NOT_MODIFIED> {
  const quiz = await db.quiz.findUnique({ where: { id: quizId }, select: { status: true, version: true, authorId: true } });
  if (!quiz) return null;
  if (version === undefined && ifNoneMatch !== undefined && answerKeyTag(quiz) === ifNoneMatch) return NOT_MODIFIED;
  const pinned = version ?? quiz.version;
  const [settings, questions] = await Promise.all([
    db.quizVersion.findUnique({ where: { quizId_version: { quizId, version: pinned } } }),
    db.question.findMany({ where: { quizId, version: pinned }, orderBy: { position: 'asc' } }),
  ]);
  if (!settings) return null;
  return {
    quizId,
    authorId: quiz.authorId,
    version: pinned,
    currentVersion: quiz.version,
    status: quiz.status,
    settings: settingsOf(settings),
    questions: questions.map((q) => ({
      ...shapeOf(q),
      id: q.id,
      position: q.position,
      points: q.points,
      prompt: q.prompt,
      explanation: q.explanation,
    })),
  };
}
