import { Prisma, type Attempt } from './__generated__/prisma/client.js';
import {
  bucketCountsSql,
  bucketDeltas,
  entryMoves,
  GLOBAL_SCOPE,
  periodsOf,
  scoreText,
  toScoreUnits,
  type BoardKey,
  type BucketDelta,
  type EntryMove,
  type LeaderboardWindow,
  type Standing,
} from './ranking.js';
import { addToOptionChoicesSql, addToPlayerStatsSql, addToQuestionStatsSql, addToQuizTallySql } from './stats.js';
import { extendStreak, NO_STREAK, utcDay, type Streak } from './streaks.js';
import type { QuizCounts, SubmittedAttempt } from './submitted.js';

/**
 * Keeps the leaderboards (entries and bucket counts) and the statistics up to date in the submitting
 * transaction, so that no read ever scans attempts. Two statements, three when a bucket empties: the
 * submission's read takes `playerNowColumns` (what the player has now) along with what it reads
 * anyway, and `recordSubmission` writes the attempt, its answers and every aggregate at once.
 *
 * Runs under the submission's advisory lock on the player (submissions.ts): nothing else changes this
 * player's entries or record between the read and the write. Shared rows (bucket counts, the quiz's
 * tally, question statistics) are only ever added to, in primary-key order, so concurrent submissions
 * by different players wait for one another at most and never deadlock.
 */
export async function recordSubmission(
  tx: Prisma.TransactionClient,
  attempt: SubmittedAttempt,
  now: PlayerNow,
  /** The attempt's own write, `INSERT … RETURNING *` or `UPDATE … RETURNING *`: returned as written. */
  attemptWrite: Prisma.Sql | null,
): Promise<{ counts: QuizCounts; attempt: Attempt | null }> {
  // An archived quiz's board is frozen (see events.ts): a late submission still counts in statistics.
  const moves = now.archived
    ? []
    : entryMoves(
        {
          userId: attempt.userId,
          quizId: attempt.quizId,
          attemptId: attempt.attemptId,
          scoreUnits: toScoreUnits(attempt.score),
          timeTakenMs: BigInt(attempt.timeTakenMs),
          submittedAt: attempt.submittedAt,
          leaderboardAttempt: attempt.leaderboardAttempt,
          firstSubmission: attempt.firstSubmission,
        },
        (board) => now.entries.get(boardId(board)),
      );
  const streak = extendStreak(now.streak, utcDay(attempt.submittedAt));

  // One round trip: data-modifying CTEs on different tables, none reading another's result. (The
  // answers and entries reference the attempt, which may be inserted by a sibling: foreign keys are
  // checked at the end of the statement.)
  const writes: Array<[string, Prisma.Sql | null]> = [
    ['attempt', attemptWrite],
    ['answers', insertAnswersSql(attempt)],
    ['entries', upsertEntriesSql(moves)],
    ['counts', addToCountsSql(bucketDeltas(moves))],
    ['player', addToPlayerStatsSql(attempt, streak)],
    ['tally', addToQuizTallySql(attempt)],
    ['questions', addToQuestionStatsSql(attempt)],
    ['choices', addToOptionChoicesSql(attempt.questions)],
  ];
  const ctes = writes.flatMap(([name, sql]) => (sql ? [Prisma.sql`${Prisma.raw(name)} AS (${sql})`] : []));
  const [result] = await tx.$queryRaw<Array<Attempt & { $attempts: number; $players: number; $emptied: EmptiedBucket[] | null }>>`
    WITH ${Prisma.join(ctes)}
    SELECT ${attemptWrite ? Prisma.sql`attempt.*,` : Prisma.empty} tally.attempts AS "$attempts", tally.players AS "$players",
           (SELECT json_agg(json_build_object('scope', scope::text, 'window', "window"::text, 'period', period::text,
                                              'dimension', dimension, 'score', score::text, 'level', level, 'bucket', bucket::text))
            FROM counts WHERE count = 0) AS "$emptied"
    FROM tally ${attemptWrite ? Prisma.sql`CROSS JOIN attempt` : Prisma.empty}`;
  if (!result) throw new Error('The submission wrote no attempt.');
  const { $attempts, $players, $emptied, ...written } = result;
  await deleteEmptiedBuckets(tx, $emptied ?? []);
  return { counts: { attempts: $attempts, players: $players }, attempt: attemptWrite ? written : null };
}

/**
 * Takes a player off every board (all windows and periods): their entries go and every bucket they
 * counted in loses them, in one statement. Other players' global sums do not involve this player.
 * The caller holds the player's lock.
 */
export async function removePlayerFromBoards(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const emptied = await tx.$queryRaw<EmptiedBucket[]>`
    WITH gone AS (
      DELETE FROM "BoardEntry" WHERE "userId" = ${userId}::uuid RETURNING scope, "window", period, score, "timeTakenMs"
    ), counts AS (
      INSERT INTO "BoardCount" AS c (scope, "window", period, dimension, score, level, bucket, count)
      ${bucketCountsSql(Prisma.sql`SELECT * FROM gone`, { sign: -1, ordered: true })}
      ON CONFLICT (scope, "window", period, dimension, score, level, bucket) DO UPDATE SET count = c.count + EXCLUDED.count
      RETURNING scope, "window", period, dimension, score, level, bucket, count
    )
    SELECT scope::text, "window"::text, period::text, dimension, score::text, level, bucket::text FROM counts WHERE count = 0`;
  await deleteEmptiedBuckets(tx, emptied);
}

const boardId = (board: BoardKey) => `${board.scope}|${board.window}|${board.period}`;

export interface PlayerNow {
  archived: boolean;
  streak: Streak;
  /** The player's entries on the submission's boards, by boardId. */
  entries: Map<string, Standing>;
}

interface EntryJson {
  scope: string;
  window: LeaderboardWindow;
  period: string;
  score: string;
  timeTakenMs: string;
  achievedAt: string;
}

/** The columns `playerNowColumns` reads. */
export interface PlayerNowRow {
  archived: boolean;
  streak: Streak | null;
  entries: EntryJson[];
}

/**
 * Select-list columns (`archived`, `streak`, `entries`) for the submission's read: whether the quiz
 * is archived, the player's streak and their entries on the 8 boards a submission at `submittedAt`
 * counts on. Read under the player's lock, in a statement after the one that took it.
 */
export function playerNowColumns(userId: string, quizId: string, submittedAt: Date): Prisma.Sql {
  const boards = periodsOf(submittedAt).flatMap(({ window, period }) => [quizId, GLOBAL_SCOPE].map((scope) => ({ scope, window, period })));
  return Prisma.sql`
      EXISTS (SELECT 1 FROM "ArchivedQuiz" WHERE "quizId" = ${quizId}::uuid) AS archived,
      (SELECT json_build_object('lastActiveDay', "lastActiveDay", 'run', "streakRun", 'longest', "longestStreak")
         FROM "PlayerStats" WHERE "userId" = ${userId}::uuid) AS streak,
      coalesce((
        SELECT json_agg(json_build_object('scope', e.scope, 'window', e."window", 'period', e.period, 'score', e.score::text,
                                          'timeTakenMs', e."timeTakenMs"::text, 'achievedAt', e."achievedAt"))
        FROM unnest(${boards.map((b) => b.scope)}::uuid[], ${boards.map((b) => b.window)}::"LeaderboardWindow"[],
                    ${boards.map((b) => b.period)}::date[]) AS k(scope, "window", period)
        JOIN "BoardEntry" e ON e.scope = k.scope AND e."window" = k."window" AND e.period = k.period AND e."userId" = ${userId}::uuid
      ), '[]') AS entries`;
}

export function playerNowOf(row: PlayerNowRow): PlayerNow {
  return {
    archived: row.archived,
    streak: row.streak ?? NO_STREAK,
    entries: new Map(
      row.entries.map((e) => [boardId(e), { scoreUnits: toScoreUnits(e.score), timeTakenMs: BigInt(e.timeTakenMs), achievedAt: new Date(e.achievedAt) }]),
    ),
  };
}

/** `playerNowColumns` as a statement of its own, for a caller that reads nothing else. */
export async function readPlayerNow(tx: Prisma.TransactionClient, userId: string, quizId: string, submittedAt: Date): Promise<PlayerNow> {
  const [row] = await tx.$queryRaw<PlayerNowRow[]>`SELECT ${playerNowColumns(userId, quizId, submittedAt)}`;
  return playerNowOf(row!);
}

/** The attempt's answers, each with its score (null when unanswered). */
function insertAnswersSql(attempt: SubmittedAttempt): Prisma.Sql | null {
  const qs = attempt.questions;
  if (qs.length === 0) return null;
  return Prisma.sql`INSERT INTO "AttemptAnswer" ("attemptId", "questionId", answer, score, "maxScore", correct)
    SELECT ${attempt.attemptId}::uuid, q, a, s, m, c
    FROM unnest(${qs.map((q) => q.questionId)}::uuid[], ${qs.map((q) => (q.answer === null ? null : JSON.stringify(q.answer)))}::jsonb[],
                ${qs.map((q) => String(q.score))}::numeric[], ${qs.map((q) => q.maxScore)}::int[], ${qs.map((q) => q.correct)}::boolean[])
      AS v(q, a, s, m, c)`;
}

/** The moved entries' new standings (a submission only adds or improves entries). */
function upsertEntriesSql(moves: readonly EntryMove[]): Prisma.Sql {
  const rows = moves.flatMap((m) => (m.to ? [{ ...m, to: m.to }] : []));
  return Prisma.sql`INSERT INTO "BoardEntry" (scope, "window", period, "userId", "attemptId", score, "timeTakenMs", "achievedAt")
    SELECT * FROM unnest(
      ${rows.map((r) => r.board.scope)}::uuid[], ${rows.map((r) => r.board.window)}::"LeaderboardWindow"[],
      ${rows.map((r) => r.board.period)}::date[], ${rows.map((r) => r.userId)}::uuid[], ${rows.map((r) => r.attemptId)}::uuid[],
      ${rows.map((r) => scoreText(r.to.scoreUnits))}::numeric[], ${rows.map((r) => r.to.timeTakenMs.toString())}::bigint[],
      ${rows.map((r) => r.to.achievedAt.toISOString())}::timestamptz[])
    ON CONFLICT (scope, "window", period, "userId") DO UPDATE SET
      "attemptId" = EXCLUDED."attemptId", score = EXCLUDED.score, "timeTakenMs" = EXCLUDED."timeTakenMs", "achievedAt" = EXCLUDED."achievedAt"`;
}

/** Adds netted deltas to the buckets, in key order; returns every bucket touched with its new count. */
function addToCountsSql(deltas: readonly BucketDelta[]): Prisma.Sql {
  return Prisma.sql`INSERT INTO "BoardCount" AS c (scope, "window", period, dimension, score, level, bucket, count)
    SELECT * FROM unnest(
      ${deltas.map((d) => d.scope)}::uuid[], ${deltas.map((d) => d.window)}::"LeaderboardWindow"[], ${deltas.map((d) => d.period)}::date[],
      ${deltas.map((d) => d.dimension)}::int[], ${deltas.map((d) => scoreText(d.score))}::numeric[], ${deltas.map((d) => d.level)}::int[],
      ${deltas.map((d) => d.bucket.toString())}::bigint[], ${deltas.map((d) => d.delta)}::int[])
    ON CONFLICT (scope, "window", period, dimension, score, level, bucket) DO UPDATE SET count = c.count + EXCLUDED.count
    RETURNING scope, "window", period, dimension, score, level, bucket, count`;
}

interface EmptiedBucket {
  scope: string;
  window: LeaderboardWindow;
  period: string;
  dimension: number;
  score: string;
  level: number;
  bucket: string;
}

/**
 * Drops the buckets that just reached 0, so they do not pile up as scores move. Their rows are still
 * locked by this transaction, so none can have been counted into again meanwhile.
 */
async function deleteEmptiedBuckets(tx: Prisma.TransactionClient, emptied: readonly EmptiedBucket[]): Promise<void> {
  if (emptied.length === 0) return;
  await tx.$executeRaw`
    DELETE FROM "BoardCount" c
    USING unnest(${emptied.map((b) => b.scope)}::uuid[], ${emptied.map((b) => b.window)}::"LeaderboardWindow"[],
                 ${emptied.map((b) => b.period)}::date[], ${emptied.map((b) => b.dimension)}::int[], ${emptied.map((b) => b.score)}::numeric[],
                 ${emptied.map((b) => b.level)}::int[], ${emptied.map((b) => b.bucket)}::bigint[])
      AS k(scope, "window", period, dimension, score, level, bucket)
    WHERE (c.scope, c."window", c.period, c.dimension, c.score, c.level, c.bucket)
        = (k.scope, k."window", k.period, k.dimension, k.score, k.level, k.bucket)
      AND c.count = 0`;
}
