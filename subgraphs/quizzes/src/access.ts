import type { Viewer } from '@quizgraph/service-kit';
import type { Quiz } from './__generated__/prisma/client.js';

/** Authors and admins may change a quiz and see it as a draft. */
export function canEdit(quiz: Pick<Quiz, 'authorId'>, viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === 'ADMIN' || viewer.userId === quiz.authorId);
}

/** Drafts are private to their author and admins; published and archived quizzes are public. */
export function canView(quiz: Pick<Quiz, 'authorId' | 'status'>, viewer: Viewer | null): boolean {
  return quiz.status !== 'DRAFT' || canEdit(quiz, viewer);
}
