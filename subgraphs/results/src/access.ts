import type { Viewer } from '@quizgraph/service-kit';
import type { Attempt } from './__generated__/prisma/client.js';

/** An attempt (its answers, its review) belongs to its player; admins may read every attempt. */
export function canReadAttempt(attempt: Pick<Attempt, 'userId'>, viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === 'ADMIN' || viewer.userId === attempt.userId);
}

/** A player's history of attempts: the player and admins only. */
export function canReadAttemptsOf(userId: string, viewer: Viewer | null): boolean {
  return canReadAttempt({ userId }, viewer);
}

/** A quiz's item analysis (how each question was answered): its author and admins only. */
export function canReadItemAnalysis(authorId: string, viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === 'ADMIN' || viewer.userId === authorId);
}
