import type { LeaderboardAttempt, ScoredQuestion } from '@quizgraph/assessment';

/**
 * What a submission hands to the aggregates it keeps up to date (leaderboards, player and quiz
 * statistics, item analysis), inside the submitting transaction, so that every read is served from
 * them and never scans attempts. The attempt row itself is already written.
 */
export interface SubmittedAttempt {
  attemptId: string;
  userId: string;
  quizId: string;
  quizVersion: number;
  /** The player's 1st, 2nd, … attempt at this quiz. */
  number: number;
  /** True when no earlier attempt by this player at this quiz was submitted (expired ones do not count). */
  firstSubmission: boolean;
  /** Which attempt ranks on the quiz's boards, as the pinned version says. */
  leaderboardAttempt: LeaderboardAttempt;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  submittedAt: Date;
  /** Per question of the pinned version, in the quiz's order (not the attempt's shuffled one). */
  questions: ScoredQuestion[];
}

/** The quiz's tally after this submission: what QuizPlayed tells the quizzes service. */
export interface QuizCounts {
  attempts: number;
  players: number;
}
