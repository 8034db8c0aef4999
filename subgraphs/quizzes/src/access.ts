import { ForbiddenError, UnauthenticatedError, type Viewer } from '@quizgraph/service-kit';
import type { Quiz } from './__generated__/prisma/client.js';

/**
 * Who may do what with quizzes: the one place these rules are written. Resolvers and use cases ask
 * here; nothing else compares roles or author ids.
 */

/** Only authors and admins write quizzes. */
export function canCreateQuiz(viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === 'AUTHOR' || viewer.role === 'ADMIN');
}

/** Throws the error a client should see when `viewer` may not create quizzes. */
export function assertCanCreateQuiz(viewer: Viewer | null, action = 'create a quiz'): asserts viewer is Viewer {
  if (!viewer) throw new UnauthenticatedError(`Sign in to ${action}.`);
  if (!canCreateQuiz(viewer)) throw new ForbiddenError(`Only authors and admins can ${action}.`);
}

/** The author of a quiz and admins may change it, see it as a draft, and read its answer key. */
export function canEdit(quiz: Pick<Quiz, 'authorId'>, viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === 'ADMIN' || viewer.userId === quiz.authorId);
}

/** Drafts are private to their author and admins; published and archived quizzes are public. */
export function canView(quiz: Pick<Quiz, 'authorId' | 'status'>, viewer: Viewer | null): boolean {
  return quiz.status !== 'DRAFT' || canEdit(quiz, viewer);
}

/** Answer keys, weights and explanations: the quiz's author and admins only. */
export function assertCanReadKey(quiz: Pick<Quiz, 'authorId'>, viewer: Viewer | null): void {
  if (!viewer) throw new UnauthenticatedError('Sign in as the quiz’s author to read its answer key.');
  if (!canEdit(quiz, viewer)) throw new ForbiddenError('Only the quiz’s author and admins can read its answer key.');
}
