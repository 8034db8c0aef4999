import type { Viewer } from '@quizgraph/service-kit';
import type { Attempt } from './__generated__/prisma/client.js';

/** An attempt (its answers, its review) belongs to its player; admins may read every attempt. */
export function canReadAttempt(attempt: Pick<Attempt, 'userId'>, viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === 'ADMIN' || viewer.userId === attempt.userId);
}
