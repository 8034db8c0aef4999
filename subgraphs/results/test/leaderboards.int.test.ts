import type { KeyedQuestion } from '@quizgraph/assessment';
import { openServiceDatabase, type ServiceDatabase } from '@quizgraph/prisma';
import { issueAccessToken, type RunningService } from '@quizgraph/service-kit';
import { createTestKeys, silentLogger, subgraphClient, type TestKeys } from '@quizgraph/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '../src/__generated__/prisma/client.js';
import { applyEvent } from '../src/events.js';
import { boardEntries } from '../src/leaderboards.js';
import type { AnswerKey, AnswerKeySource } from '../src/quizKeys.js';
import { GLOBAL_SCOPE } from '../src/ranking.js';
import { startResultsService } from '../src/server.js';
import { answerKey, choiceQuestion, orderingQuestion, recordPlay, type Play } from './syntheticSubmissions.js';

/**
 * Leaderboards and statistics through the results subgraph over HTTP, against real Postgres. Attempts
 * are recorded as a submission records them (syntheticSubmissions.ts), at chosen times; the service's
 * clock stands still on Monday 1 September 2031, 12:00 UTC, so the DAY, WEEK and MONTH boards it shows
 * hold only this file's attempts. ALL_TIME's global board is shared with other test files: ranks on it
 * are checked against a count of the rows ahead.
 */
const NOW = new Date('2031-09-01T12:00:00.000Z');
const at = (iso: string) => new Date(iso);

const answerKeys = new Map<string, AnswerKey>();
const keySource: AnswerKeySource = { answerKey: async (quizId) => answerKeys.get(quizId) ?? null };

let keys: TestKeys;
let results: RunningService;
let database: ServiceDatabase<PrismaClient>;
let asRouter: ReturnType<typeof subgraphClient>;

function player(role: 'PLAYER' | 'ADMIN' = 'PLAYER') {
  const userId = randomUUID();
  return { userId, token: issueAccessToken(keys.accessTokenKeys.signing, { userId, role }, 3600).token };
}
type Player = ReturnType<typeof player>;

const play = (p: Omit<Play, 'submittedAt'> & { submittedAt?: Date }) => recordPlay(database.db, { submittedAt: NOW, ...p });

const QUIZ_BOARD = `query ($r: [_Any!]!, $first: Int, $after: String, $window: LeaderboardWindow) {
  _entities(representations: $r) { ... on Quiz { leaderboard(first: $first, after: $after, window: $window) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { rank cursor node { rank score timeTakenMs achievedAt user { id } } }
    viewerEntry { rank score timeTakenMs } } } } }`;

interface Board {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: Array<{ rank: number; cursor: string; node: { rank: number; score: number; timeTakenMs: number; achievedAt: string; user: { id: string } } }>;
  viewerEntry: { rank: number; score: number; timeTakenMs: number } | null;
}

async function quizBoard(quizId: string, options: { first?: number; after?: string | null; window?: string; as?: Player } = {}): Promise<Board> {
  const { data, errors } = await asRouter(QUIZ_BOARD, {
    accessToken: options.as?.token,
    variables: { r: [{ __typename: 'Quiz', id: quizId }], first: options.first ?? 10, after: options.after ?? null, window: options.window ?? 'ALL_TIME' },
  });
  expect(errors).toBeUndefined();
  return data!._entities[0].leaderboard as Board;
}

const ranked = (board: Board) => board.edges.map((e) => [e.node.user.id, e.rank, e.node.score]);

/** The definition a rank must match: 1 + the entries strictly ahead, counted row by row. */
async function naiveGlobalRank(userId: string): Promise<number> {
  const [row] = await database.db.$queryRaw<Array<{ rank: number }>>`
    SELECT 1 + count(*)::int AS rank FROM "BoardEntry" o, "BoardEntry" e
    WHERE e.scope = ${GLOBAL_SCOPE}::uuid AND e."window" = 'ALL_TIME' AND e."userId" = ${userId}::uuid
      AND o.scope = e.scope AND o."window" = e."window" AND o.period = e.period
      AND (o.score > e.score OR (o.score = e.score AND o."timeTakenMs" < e."timeTakenMs"))`;
  return row!.rank;
}

async function userStats(user: Player) {
  const { data, errors } = await asRouter(
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { stats {
      attempts quizzesCompleted totalScore averagePercentage bestPercentage currentStreakDays longestStreakDays rank } } } }`,
    { accessToken: user.token, variables: { r: [{ __typename: 'User', id: user.userId }] } },
  );
  expect(errors).toBeUndefined();
  return data!._entities[0].stats;
}

beforeAll(async () => {
  keys = await createTestKeys();
  database = openServiceDatabase(inject('databaseUrls').results, (adapter) => new PrismaClient({ adapter }));
  results = await startResultsService({
    databaseUrl: inject('databaseUrls').results,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    accessKeys: keys.accessKeys,
    serviceKeys: keys.serviceKeys,
    answerKeys: keySource,
    serviceSigner: keys.signer('results'),
    eventSubscribers: () => [],
    clock: () => NOW,
    expirySweepIntervalMs: 0,
  });
  asRouter = subgraphClient(results.url, 'results', keys.signer('router'));
});

afterAll(async () => {
  await results?.close();
  await database?.close();
});

describe('quiz leaderboards', () => {
  it('ranks by score, then less time, sharing ranks (1, 2, 2, 4), also across page boundaries', async () => {
    const quizId = randomUUID();
    const [a, b, c, d, e, f] = Array.from({ length: 6 }, () => player());
    const plays: Array<[Player, number, number]> = [
      [a!, 3, 100],
      [b!, 2, 50],
      [c!, 2, 50],
      [d!, 2, 80],
      [e!, 1, 0],
      [f!, 0, 0],
    ];
    // Submitted in that order: b reached (2, 50) before c, so b comes first within the tie.
    for (const [i, [who, score, time]] of plays.entries()) {
      await play({ userId: who.userId, quizId, score, timeTakenMs: time, submittedAt: new Date(NOW.getTime() - 60_000 * (10 - i)) });
    }
    const whole = await quizBoard(quizId, { as: c });
    expect(ranked(whole)).toEqual(plays.map(([who, score], i) => [who.userId, [1, 2, 2, 4, 5, 6][i], score]));
    expect(whole.edges.map((e) => e.node.rank)).toEqual([1, 2, 2, 4, 5, 6]);
    expect(whole.totalCount).toBe(6);
    expect(whole.viewerEntry).toEqual({ rank: 2, score: 2, timeTakenMs: 50 });

    // Pages of two by cursor: the (2, 50) tie is split by a page boundary and keeps its rank.
    const pages: Board[] = [];
    let after: string | null = null;
    do {
      const page: Board = await quizBoard(quizId, { first: 2, after });
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pages.map((p) => p.edges.map((e) => e.rank))).toEqual([
      [1, 2],
      [2, 4],
      [5, 6],
    ]);
    expect(pages.map((p) => p.totalCount)).toEqual([6, 6, 6]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(pages.flatMap((p) => p.edges.map((e) => e.node.user.id))).toEqual(plays.map(([who]) => who.userId));
  });

  it('ranks each player’s best attempt (BEST), or only their first (FIRST), and the global sum never grows by replaying', async () => {
    const best = answerKey([choiceQuestion(1)], 'BEST');
    const first = answerKey([choiceQuestion(1)], 'FIRST');
    const p = player();
    const rival = player();
    await play({ userId: rival.userId, quizId: best.quizId, score: 6, timeTakenMs: 1_000, submittedAt: at('2031-09-01T08:00:00Z') });
    await play({ userId: p.userId, quizId: first.quizId, score: 1, maxScore: 10, submittedAt: at('2031-08-20T08:00:00Z'), leaderboardAttempt: 'FIRST' });
    await play({ userId: p.userId, quizId: first.quizId, score: 9, maxScore: 10, submittedAt: at('2031-08-21T08:00:00Z'), leaderboardAttempt: 'FIRST' });
    await play({ userId: p.userId, quizId: first.quizId, score: 10, maxScore: 10, leaderboardAttempt: 'FIRST' });
    for (const [score, time] of [
      [1, 500],
      [9, 4_000],
      [5, 100],
      [9, 3_000],
      [9, 3_500],
    ] as const) {
      await play({ userId: p.userId, quizId: best.quizId, score, maxScore: 10, timeTakenMs: time });
    }

    const onFirst = await quizBoard(first.quizId, { as: p });
    expect(onFirst.viewerEntry).toEqual({ rank: 1, score: 1, timeTakenMs: 0 });
    // Not even today's board shows a later attempt under FIRST.
    expect((await quizBoard(first.quizId, { window: 'DAY' })).totalCount).toBe(0);
    const onBest = await quizBoard(best.quizId, { as: p });
    expect(ranked(onBest)).toEqual([
      [p.userId, 1, 9],
      [rival.userId, 2, 6],
    ]);
    expect(onBest.viewerEntry).toEqual({ rank: 1, score: 9, timeTakenMs: 3_000 });

    const stats = await userStats(p);
    expect(stats).toMatchObject({ attempts: 8, quizzesCompleted: 2, totalScore: 10, bestPercentage: 100 });
    expect(stats.rank).toBe(await naiveGlobalRank(p.userId));
    const { data } = await asRouter(`{ leaderboard(first: 1) { totalCount viewerEntry { score timeTakenMs rank } } }`, { accessToken: p.token });
    expect(data!.leaderboard.viewerEntry).toEqual({ score: 10, timeTakenMs: 3_000, rank: stats.rank });
    expect(data!.leaderboard.totalCount).toBeGreaterThanOrEqual(2);
  });

  it('cuts windows at UTC midnight, ISO Mondays and the 1st of the month (the clock reads Monday 1 September 2031)', async () => {
    const quizId = randomUUID();
    const cases = {
      previousSunday: at('2031-08-31T23:59:59.999Z'),
      mondayMidnight: at('2031-09-01T00:00:00.000Z'),
      sundayNight: at('2031-09-07T23:59:59.999Z'),
      nextMonday: at('2031-09-08T00:00:00.000Z'),
      lastOfMonth: at('2031-09-30T23:59:59.999Z'),
      nextMonth: at('2031-10-01T00:00:00.000Z'),
    };
    const players = Object.fromEntries(Object.keys(cases).map((name) => [name, player()])) as Record<keyof typeof cases, Player>;
    for (const [i, [name, submittedAt]] of Object.entries(cases).entries()) {
      await play({ userId: players[name as keyof typeof cases].userId, quizId, score: 10 - i, submittedAt });
    }
    const on = async (window: string, scope?: 'global') => {
      if (!scope) return new Set((await quizBoard(quizId, { window, first: 100 })).edges.map((e) => e.node.user.id));
      const { data } = await asRouter(`query ($w: LeaderboardWindow) { leaderboard(first: 100, window: $w) { edges { node { user { id } } } } }`, {
        variables: { w: window },
      });
      return new Set(data!.leaderboard.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id));
    };
    const expected: Record<string, Array<keyof typeof cases>> = {
      DAY: ['mondayMidnight'],
      WEEK: ['mondayMidnight', 'sundayNight'],
      MONTH: ['mondayMidnight', 'sundayNight', 'nextMonday', 'lastOfMonth'],
      ALL_TIME: Object.keys(cases) as Array<keyof typeof cases>,
    };
    for (const [window, names] of Object.entries(expected)) {
      const quiz = await on(window);
      expect([...quiz].sort()).toEqual(names.map((n) => players[n].userId).sort());
      if (window !== 'ALL_TIME') {
        // The global board of the same period: this file's plays only, so the same membership for these players.
        const global = await on(window, 'global');
        for (const [name, who] of Object.entries(players))
          expect(global.has(who.userId), `${name} on the global ${window} board`).toBe(names.includes(name as keyof typeof cases));
      }
    }
    expect((await quizBoard(quizId, { window: 'DAY', as: players.previousSunday })).viewerEntry).toBeNull();
    expect((await quizBoard(quizId, { window: 'ALL_TIME', as: players.mondayMidnight })).viewerEntry).toMatchObject({ rank: 2 });
  });

  it('keeps every rank exact when many players submit at once (shared buckets, no deadlock)', async () => {
    const quizId = randomUUID();
    const players = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(
      players.map(async (userId, i) => {
        for (let k = 0; k < 3; k++) await play({ userId, quizId, score: (i * 7 + k * 3) % 10, timeTakenMs: ((i * 13 + k) % 5) * 100 });
      }),
    );
    const board = await quizBoard(quizId, { first: 100 });
    expect(board.totalCount).toBe(20);
    const entries = await boardEntries(
      database.db,
      'ALL_TIME',
      players.map((userId) => ({ scope: quizId, userId })),
      NOW,
    );
    for (const entry of entries) {
      const ahead = board.edges.filter((e) => e.node.score > entry.score || (e.node.score === entry.score && e.node.timeTakenMs < entry.timeTakenMs));
      expect(entry.rank).toBe(ahead.length + 1);
    }
    expect(entries).toHaveLength(20);
  });

  it('takes a deleted player off every board, and moves the players behind up', async () => {
    const quizId = randomUUID();
    const [x, y, z, w] = [player(), player(), player(), player()];
    for (const [i, [who, score]] of (
      [
        [x, 4],
        [y, 3],
        [z, 3],
        [w, 1],
      ] as const
    ).entries()) {
      await play({ userId: who.userId, quizId, score, timeTakenMs: 10, submittedAt: new Date(NOW.getTime() - 1_000 * (10 - i)) });
    }
    await play({ userId: y.userId, quizId: randomUUID(), score: 2, submittedAt: at('2031-08-15T10:00:00Z') });
    expect(ranked(await quizBoard(quizId))).toEqual([
      [x.userId, 1, 4],
      [y.userId, 2, 3],
      [z.userId, 2, 3],
      [w.userId, 4, 1],
    ]);

    await applyEvent(database.db, { id: randomUUID(), type: 'UserDeleted', payload: { userId: y.userId } });

    for (const window of ['ALL_TIME', 'MONTH', 'WEEK', 'DAY']) {
      const board = await quizBoard(quizId, { window, as: w });
      expect(ranked(board)).toEqual([
        [x.userId, 1, 4],
        [z.userId, 2, 3],
        [w.userId, 3, 1],
      ]);
      expect(board.totalCount).toBe(3);
      expect(board.viewerEntry).toMatchObject({ rank: 3 });
    }
    const [left] = await database.db.$queryRaw<Array<{ entries: number; emptyBuckets: number; attempts: number }>>`
      SELECT (SELECT count(*)::int FROM "BoardEntry" WHERE "userId" = ${y.userId}::uuid) AS entries,
             (SELECT count(*)::int FROM "BoardCount" WHERE scope = ${quizId}::uuid AND count <= 0) AS "emptyBuckets",
             (SELECT count(*)::int FROM "Attempt" WHERE "quizId" = ${quizId}::uuid AND "userId" IS NULL) AS attempts`;
    expect(left).toEqual({ entries: 0, emptyBuckets: 0, attempts: 1 });
    expect(await userStats(y)).toMatchObject({ attempts: 0, totalScore: 0, rank: null });
    expect((await userStats(x)).rank).toBe(await naiveGlobalRank(x.userId));
    // Their attempt still counts in the quiz's statistics.
    const { data } = await asRouter(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Quiz { stats { attempts averagePercentage } } } }`, {
      variables: { r: [{ __typename: 'Quiz', id: quizId }] },
    });
    expect(data!._entities[0].stats).toEqual({ attempts: 4, averagePercentage: 2.75 });
  });

  it('freezes an archived quiz’s board and keeps its scores in the global sum; a late attempt still counts in statistics', async () => {
    const quizId = randomUUID();
    const [p1, p2] = [player(), player()];
    await play({ userId: p1.userId, quizId, score: 50 });
    await play({ userId: p2.userId, quizId, score: 30 });
    const totalBefore = (await userStats(p2)).totalScore;
    await applyEvent(database.db, { id: randomUUID(), type: 'QuizArchived', payload: { quizId, archivedAt: NOW.toISOString() } });
    // Started before the archive, submitted after it.
    await play({ userId: p2.userId, quizId, score: 90, submittedAt: new Date(NOW.getTime() + 1_000) });

    expect(ranked(await quizBoard(quizId))).toEqual([
      [p1.userId, 1, 50],
      [p2.userId, 2, 30],
    ]);
    expect(ranked(await quizBoard(quizId, { window: 'DAY' }))).toEqual([
      [p1.userId, 1, 50],
      [p2.userId, 2, 30],
    ]);
    const after = await userStats(p2);
    expect(after).toMatchObject({ attempts: 2, bestPercentage: 90, totalScore: totalBefore });
    expect(totalBefore).toBe(30);
    const { data } = await asRouter(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Quiz { stats { attempts averagePercentage } } } }`, {
      variables: { r: [{ __typename: 'Quiz', id: quizId }] },
    });
    expect(data!._entities[0].stats).toEqual({ attempts: 3, averagePercentage: 56.67 });
  });
});

describe('statistics', () => {
  it('keeps a player’s counts, percentages and daily streak', async () => {
    const p = player();
    const quizA = randomUUID();
    const quizB = randomUUID();
    for (const [quizId, score, day] of [
      [quizA, 40, '2031-08-28'],
      [quizA, 80, '2031-08-30'],
      [quizB, 100, '2031-08-31'],
      [quizA, 20, '2031-09-01'],
      [quizB, 60, '2031-09-01'],
    ] as const) {
      await play({ userId: p.userId, quizId, score, submittedAt: at(`${day}T23:00:00Z`) });
    }
    expect(await userStats(p)).toMatchObject({
      attempts: 5,
      quizzesCompleted: 2,
      totalScore: 180,
      averagePercentage: 60,
      bestPercentage: 100,
      currentStreakDays: 3,
      longestStreakDays: 3,
    });
  });

  it('analyses items for the quiz’s author and admins only; others still get the rest of the stats', async () => {
    const author = player();
    const key = answerKey([choiceQuestion(1), choiceQuestion(2, 3), orderingQuestion(3)], 'BEST', author.userId);
    answerKeys.set(key.quizId, key);
    const [q1, q2] = [key.questions[0]!, key.questions[1]!];
    const q3 = key.questions[2] as ReturnType<typeof orderingQuestion>;
    const opts = (q: KeyedQuestion) => ('options' in q.content ? q.content.options.map((o) => o.id) : []);
    const order = q3.key.order;
    const right = [order[0]!, order[1]!, order[2]!];
    const oneInPlace = [order[0]!, order[2]!, order[1]!];
    const noneInPlace = [order[2]!, order[0]!, order[1]!];
    const attempts: Array<[Player, Array<string | null>, string[]]> = [];
    const [p1, p2, p3, p4] = [player(), player(), player(), player()];
    // Per attempt: q1 option, q2 option (null: unanswered), q3 order.
    attempts.push([p1, [opts(q1)[0]!, opts(q2)[0]!], right]);
    attempts.push([p2, [opts(q1)[0]!, opts(q2)[1]!], oneInPlace]);
    attempts.push([p3, [opts(q1)[1]!, null], noneInPlace]);
    attempts.push([p4, [opts(q1)[1]!, opts(q2)[0]!], oneInPlace]);
    attempts.push([p1, [opts(q1)[1]!, opts(q2)[2]!], noneInPlace]); // a second attempt: facility, not discrimination
    for (const [who, [c1, c2], o3] of attempts) {
      const answers = [{ questionId: q1.id, optionIds: [c1!] }, ...(c2 ? [{ questionId: q2.id, optionIds: [c2] }] : []), { questionId: q3.id, order: o3 }];
      await play({ userId: who.userId, quizId: key.quizId, key, answers });
    }

    const STATS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Quiz { stats { attempts players
      questions { questionId position answered facilityIndex discriminationIndex options { optionId count } } } } } }`;
    const read = (as?: Player) => asRouter(STATS, { accessToken: as?.token, variables: { r: [{ __typename: 'Quiz', id: key.quizId }] } });

    const { data, errors } = await read(author);
    expect(errors).toBeUndefined();
    const stats = data!._entities[0].stats;
    expect(stats).toMatchObject({ attempts: 5, players: 4 });
    // Scores (q1, q2, q3): p1 (1, 1, 1), p2 (1, 0, 1/3), p3 (0, 0, 0), p4 (0, 1, 1/3); p1 again (0, 0, 0).
    const firsts: number[][] = [
      [1, 1, 1],
      [1, 0, 0.3333],
      [0, 0, 0],
      [0, 1, 0.3333],
    ];
    const pearson = (xs: number[], ys: number[]) => {
      const mean = (v: number[]) => v.reduce((s, n) => s + n, 0) / v.length;
      const [mx, my] = [mean(xs), mean(ys)];
      const cov = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
      const sd = (v: number[], m: number) => Math.sqrt(v.reduce((s, n) => s + (n - m) ** 2, 0));
      return cov / (sd(xs, mx) * sd(ys, my));
    };
    const discrimination = (q: number) =>
      pearson(
        firsts.map((s) => s[q]!),
        firsts.map((s) => (s.reduce((a, b) => a + b, 0) - s[q]!) / 2),
      );
    expect(stats.questions.map((q: { position: number }) => q.position)).toEqual([1, 2, 3]);
    const [s1, s2, s3] = stats.questions;
    expect(s1).toMatchObject({ questionId: q1.id, answered: 5, facilityIndex: 0.4 });
    expect(s2).toMatchObject({ answered: 5, facilityIndex: 0.4 });
    expect(s3.facilityIndex).toBeCloseTo((1 + 0.3333 + 0 + 0.3333 + 0) / 5, 4);
    for (const [i, s] of [s1, s2, s3].entries()) expect(s.discriminationIndex).toBeCloseTo(discrimination(i), 3);
    expect(s1.options).toEqual([
      { optionId: opts(q1)[0], count: 2 },
      { optionId: opts(q1)[1], count: 3 },
    ]);
    expect(s2.options).toEqual([
      { optionId: opts(q2)[0], count: 2 },
      { optionId: opts(q2)[1], count: 1 },
      { optionId: opts(q2)[2], count: 1 },
    ]);
    // ORDERING: the item put first, in the author's (shown) order of items.
    expect(Object.fromEntries(s3.options.map((o: { optionId: string; count: number }) => [o.optionId, o.count]))).toEqual({
      [order[0]!]: 3,
      [order[1]!]: 0,
      [order[2]!]: 2,
    });

    const admin = await read(player('ADMIN'));
    expect(admin.errors).toBeUndefined();
    expect(admin.data!._entities[0].stats.questions).toHaveLength(3);
    for (const stranger of [player(), undefined]) {
      const refused = await read(stranger);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.data!._entities[0].stats).toEqual({ attempts: 5, players: 4, questions: null });
    }
  });
});

describe('cost', () => {
  it('answers many quizzes’ boards and stats and many users’ stats with as many statements as one', async () => {
    const quizzes = Array.from({ length: 5 }, () => randomUUID());
    const players = [player(), player(), player()];
    for (const q of quizzes) for (const [i, p] of players.entries()) await play({ userId: p.userId, quizId: q, score: i + 1 });
    const cost = async (n: number) => {
      const before = results.sqlStatements();
      const { errors } = await asRouter(
        `query ($q: [_Any!]!, $u: [_Any!]!) {
          quizzes: _entities(representations: $q) { ... on Quiz {
            leaderboard(first: 3) { totalCount edges { rank } viewerEntry { rank } }
            week: leaderboard(first: 3, window: WEEK) { totalCount edges { rank } viewerEntry { rank } }
            stats { attempts averagePercentage scoreDistribution { count } } } }
          users: _entities(representations: $u) { ... on User { stats { rank totalScore attempts currentStreakDays } } }
          leaderboard(first: 2) { edges { rank } viewerEntry { rank } } }`,
        {
          accessToken: players[0]!.token,
          variables: {
            q: quizzes.slice(0, n).map((id) => ({ __typename: 'Quiz', id })),
            u: players.slice(0, Math.min(n, 3)).map((p) => ({ __typename: 'User', id: p.userId })),
          },
        },
      );
      expect(errors).toBeUndefined();
      return results.sqlStatements() - before;
    };
    const one = await cost(1);
    expect(await cost(5)).toBe(one);
    // Pages (two windows) + viewer entries (two windows) + tallies + player records + global entries + the global page.
    expect(one).toBeLessThanOrEqual(8);
  });

  it('reads a page with the same statements whatever its size or depth', async () => {
    const quizId = randomUUID();
    for (let i = 0; i < 60; i++) await play({ userId: randomUUID(), quizId, score: i % 7, timeTakenMs: i * 13 });
    const cost = async (first: number, after: string | null) => {
      const before = results.sqlStatements();
      const board = await quizBoard(quizId, { first, after });
      return { statements: results.sqlStatements() - before, board };
    };
    const small = await cost(1, null);
    const large = await cost(50, null);
    const deep = await cost(5, large.board.pageInfo.endCursor);
    expect(large.statements).toBe(small.statements);
    expect(deep.statements).toBe(small.statements);
    const reference = await quizBoard(quizId, { first: 55 });
    expect(deep.board.edges.map((e) => [e.node.user.id, e.rank])).toEqual(reference.edges.slice(50).map((e) => [e.node.user.id, e.rank]));
  });

  it('records a submission in two statements (three when a bucket empties), however many the player has made', async () => {
    const counting = openServiceDatabase(inject('databaseUrls').results, (adapter) => new PrismaClient({ adapter }));
    try {
      const p = randomUUID();
      const quizId = randomUUID();
      const costs: number[] = [];
      for (let i = 0; i < 6; i++) {
        await recordPlay(counting.db, { userId: p, quizId, score: i, timeTakenMs: 1_000 - i, submittedAt: NOW }, async (record) => {
          const before = counting.statements();
          await record();
          costs.push(counting.statements() - before);
        });
      }
      // The first puts the player on 8 boards (nothing to empty); each later one moves them on all 8.
      expect(costs).toEqual([2, 3, 3, 3, 3, 3]);
    } finally {
      await counting.close();
    }
  });
});
