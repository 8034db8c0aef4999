import type { AnswerInput } from '@quizgraph/assessment';
import { ensureDatabase, openServiceDatabase, prepareServiceDatabases, schemaPaths, type ServiceDatabase } from '@quizgraph/prisma';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Prisma, PrismaClient } from '../src/__generated__/prisma/client.js';
import { applyEvent } from '../src/events.js';
import { boardEntriesSql, boardPages, boardPagesSql } from '../src/leaderboards.js';
import { aheadCountSql, boardSizeSql, bucketCountsSql, tiedCountSql, toScoreUnits, type BoardSql } from '../src/ranking.js';
import { rebuildAggregates } from '../src/rebuild.js';
import { answerKey, choiceQuestion, orderingQuestion, recordPlay } from './syntheticSubmissions.js';

/**
 * The aggregates as a whole: on random data, every rank the bucket counts give equals a count of the
 * rows ahead, and rebuilding everything set-wise from the attempts gives back exactly what the
 * submissions maintained; the migration turns a database of the previous release into the same; and a
 * deep page of a 200,000-entry board reads index ranges, not the board.
 */

const serverUrl = (() => {
  const url = new URL(inject('databaseUrls').results);
  url.pathname = '/postgres';
  return url.toString();
})();

/** The counts' answers next to the definitions, for every entry of every board (0 rows: all agree). */
const DISAGREEMENTS = (() => {
  const board: BoardSql = { scope: Prisma.sql`e.scope`, window: Prisma.sql`e."window"`, period: Prisma.sql`e.period` };
  const sameBoard = Prisma.sql`o.scope = e.scope AND o."window" = e."window" AND o.period = e.period`;
  return Prisma.sql`
    SELECT * FROM (
      SELECT e.scope, e."window", e.period, e."userId",
             ${aheadCountSql(board, Prisma.sql`e.score`, Prisma.sql`e."timeTakenMs"`)} AS ahead,
             (SELECT count(*)::int FROM "BoardEntry" o WHERE ${sameBoard}
                AND (o.score > e.score OR (o.score = e.score AND o."timeTakenMs" < e."timeTakenMs"))) AS "naiveAhead",
             ${tiedCountSql(board, Prisma.sql`e.score`, Prisma.sql`e."timeTakenMs"`)} AS tied,
             (SELECT count(*)::int FROM "BoardEntry" o WHERE ${sameBoard} AND o.score = e.score AND o."timeTakenMs" = e."timeTakenMs") AS "naiveTied",
             ${boardSizeSql(board)} AS size,
             (SELECT count(*)::int FROM "BoardEntry" o WHERE ${sameBoard}) AS "naiveSize"
      FROM "BoardEntry" e) x
    WHERE ahead <> "naiveAhead" OR tied <> "naiveTied" OR size <> "naiveSize"`;
})();

/** Every aggregate table, rows in key order, floats rounded past their summing noise. */
async function snapshot(db: PrismaClient) {
  const tables = {
    BoardEntry: `SELECT scope, "window", period, "userId", "attemptId", score::text, "timeTakenMs"::text, "achievedAt" FROM "BoardEntry" ORDER BY 1, 2, 3, 4`,
    BoardCount: `SELECT scope, "window", period, dimension, score::text, level, bucket::text, count FROM "BoardCount" ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    PlayerStats: `SELECT "userId", attempts, "quizzesCompleted", "percentageSum"::text, "bestPercentage"::text, "lastActiveDay", "streakRun", "longestStreak" FROM "PlayerStats" ORDER BY 1`,
    QuizTally: `SELECT "quizId", attempts, players, "percentageSum"::text, buckets FROM "QuizTally" ORDER BY 1`,
    QuestionStats: `SELECT "questionId", "quizId", "quizVersion", answered, "firstAttempts",
      round("fractionSum"::numeric, 9) AS f, round("sumX"::numeric, 9) AS x, round("sumY"::numeric, 9) AS y, round("sumXX"::numeric, 9) AS xx,
      round("sumYY"::numeric, 9) AS yy, round("sumXY"::numeric, 9) AS xy FROM "QuestionStats" ORDER BY 1`,
    OptionChoice: `SELECT "questionId", "optionId", count FROM "OptionChoice" ORDER BY 1, 2`,
  };
  const out: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(tables)) out[name] = await db.$queryRawUnsafe(sql);
  return out;
}

/** A deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('on random data', () => {
  let database: ServiceDatabase<PrismaClient>;
  let databaseUrl: string;

  beforeAll(async () => {
    const urls = await prepareServiceDatabases(serverUrl, `quizgraph_aggregates_${randomUUID().slice(0, 8)}`);
    databaseUrl = urls.results;
    database = openServiceDatabase(urls.results, (adapter) => new PrismaClient({ adapter }));
    const db = database.db;
    const rnd = random(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const quizzes = [
      answerKey([choiceQuestion(1), choiceQuestion(2, 3, 2), orderingQuestion(3)], 'BEST'),
      answerKey([choiceQuestion(1, 4), orderingQuestion(2, 3)], 'BEST'),
      answerKey([choiceQuestion(1), choiceQuestion(2)], 'FIRST'),
      answerKey([orderingQuestion(1, 2)], 'BEST'),
      answerKey([choiceQuestion(1, 3, 0), choiceQuestion(2)], 'FIRST'),
    ];
    const players = Array.from({ length: 24 }, () => randomUUID());
    // Submissions spread over a week and a month boundary, in time order (as the server stamps them).
    const start = Date.parse('2031-08-27T00:00:00Z');
    const plays = Array.from({ length: 260 }, () => ({ userId: pick(players), key: pick(quizzes), at: start + Math.floor(rnd() * 12 * 86_400_000) })).sort(
      (a, b) => a.at - b.at,
    );
    const archivedAt = start + 9 * 86_400_000;
    let archived = false;
    const deleted = new Set([players[0]!, players[1]!]);
    for (const [i, { userId, key, at }] of plays.entries()) {
      if (!archived && at > archivedAt) {
        await applyEvent(db, {
          id: randomUUID(),
          type: 'QuizArchived',
          payload: { quizId: quizzes[1]!.quizId, archivedAt: new Date(archivedAt).toISOString() },
        });
        archived = true;
      }
      if (i === 200) for (const gone of deleted) await applyEvent(db, { id: randomUUID(), type: 'UserDeleted', payload: { userId: gone } });
      if (i >= 200 && deleted.has(userId)) continue;
      const answers: AnswerInput[] = key.questions.flatMap((q): AnswerInput[] => {
        if (rnd() < 0.15) return [];
        if ('options' in q.content) return [{ questionId: q.id, optionIds: [pick(q.content.options).id] }];
        const items = 'items' in q.content ? q.content.items.map((item) => item.id) : [];
        return [{ questionId: q.id, order: [...items].sort(() => rnd() - 0.5) }];
      });
      // Times with ties: a few round values.
      await recordPlay(db, {
        userId,
        quizId: key.quizId,
        key,
        answers,
        timeTakenMs: pick([0, 1_000, 1_000, 2_500, Math.floor(rnd() * 90_000)]),
        submittedAt: new Date(at),
      });
    }
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it('gives every entry of every board the rank, tie size and board size a count of the rows would', async () => {
    const [counted] = await database.db.$queryRaw<Array<{ entries: number }>>`SELECT count(*)::int AS entries FROM "BoardEntry"`;
    expect(counted!.entries).toBeGreaterThan(200);
    expect(await database.db.$queryRaw(DISAGREEMENTS)).toEqual([]);
    const [buckets] = await database.db.$queryRaw<Array<{ empty: number }>>`SELECT count(*)::int AS empty FROM "BoardCount" WHERE count <= 0`;
    expect(buckets!.empty).toBe(0);
  });

  it('pages every board in order with ranks 1, 2, 2, 4 from two counts', async () => {
    const boards = await database.db.$queryRaw<Array<{ scope: string }>>`SELECT DISTINCT scope::text FROM "BoardEntry" WHERE "window" = 'ALL_TIME'`;
    const scopes = boards.map((b) => b.scope);
    const all = await boardPages(database.db, scopes, { window: 'ALL_TIME', limit: 100, after: null }, new Date());
    for (const scope of scopes) {
      const whole = all.get(scope)!;
      for (const size of [1, 3]) {
        const paged = [];
        let page = (await boardPages(database.db, [scope], { window: 'ALL_TIME', limit: size, after: null }, new Date())).get(scope)!;
        paged.push(...page.edges);
        while (page.pageInfo.hasNextPage) {
          const last = page.edges.at(-1)!.node;
          const after = { scoreUnits: toScoreUnits(last.score), timeTakenMs: BigInt(last.timeTakenMs), achievedAt: last.achievedAt, userId: last.userId };
          page = (await boardPages(database.db, [scope], { window: 'ALL_TIME', limit: size, after }, new Date())).get(scope)!;
          paged.push(...page.edges);
        }
        expect(paged.map((e) => [e.node.userId, e.rank])).toEqual(whole.edges.map((e) => [e.node.userId, e.rank]));
      }
      const ranks = whole.edges.map((e) => e.rank);
      const scores = whole.edges.map((e) => [e.node.score, e.node.timeTakenMs]);
      ranks.forEach((rank, i) => {
        const tiedWithPrevious = i > 0 && scores[i]![0] === scores[i - 1]![0] && scores[i]![1] === scores[i - 1]![1];
        expect(rank).toBe(tiedWithPrevious ? ranks[i - 1] : i + 1);
      });
    }
  });

  it('rebuilds from the attempts exactly what the submissions maintained', async () => {
    const maintained = await snapshot(database.db);
    await rebuildAggregates(database.db);
    const rebuilt = await snapshot(database.db);
    for (const table of Object.keys(maintained)) expect(rebuilt[table], table).toEqual(maintained[table]);
    // The same through one pg connection (how `pnpm bench` calls it).
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await rebuildAggregates(client);
    } finally {
      await client.end();
    }
    expect(await snapshot(database.db)).toEqual(maintained);
  });
});

describe('the migration from the previous release', () => {
  it('puts BestScore and PlayerTotal on the ALL_TIME boards, builds the windows and counts from the attempts, then drops them', async () => {
    const name = `quizgraph_legacy_${randomUUID().slice(0, 8)}`;
    await ensureDatabase(serverUrl, name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const { migrations } = schemaPaths('results');
      const folders = (await readdir(migrations, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
      const target = folders.indexOf('20261123154455_attempts_boards_aggregates');
      expect(target).toBeGreaterThan(0);
      const run = async (folder: string) => client.query(await readFile(join(migrations, folder, 'migration.sql'), 'utf8'));
      for (const folder of folders.slice(0, target)) await run(folder);

      // The previous release's data, written as its submitQuiz wrote it (time taken always 0).
      const users = Array.from({ length: 6 }, () => randomUUID());
      const quizzes = Array.from({ length: 3 }, () => randomUUID());
      const rnd = random(5);
      for (let i = 0; i < 40; i++) {
        const [userId, quizId] = [users[Math.floor(rnd() * users.length)]!, quizzes[Math.floor(rnd() * quizzes.length)]!];
        const score = Math.floor(rnd() * 4) + (rnd() < 0.3 ? 0.5 : 0);
        const submittedAt = new Date(Date.parse('2026-10-25T00:00:00Z') + Math.floor(rnd() * 20 * 86_400_000));
        const id = randomUUID();
        await client.query(
          `INSERT INTO "Attempt" (id, "userId", "quizId", "quizVersion", score, "maxScore", "correctCount", "questionCount", "startedAt", "submittedAt")
           VALUES ($1, $2, $3, 1, $4, 4, 0, 1, $5, $5)`,
          [id, userId, quizId, score, submittedAt],
        );
        await client.query(`INSERT INTO "AttemptAnswer" ("attemptId", "questionId", answer, score, "maxScore", correct) VALUES ($1, $2, NULL, $3, 4, false)`, [
          id,
          quizId,
          score,
        ]);
      }
      // A deleted player's attempt: anonymous, on no board.
      await client.query(
        `INSERT INTO "Attempt" (id, "userId", "quizId", "quizVersion", score, "maxScore", "correctCount", "questionCount") VALUES ($1, NULL, $2, 1, 4, 4, 1, 1)`,
        [randomUUID(), quizzes[0]],
      );
      // BestScore and PlayerTotal as recordBestScore kept them: best score, then less time, the earlier kept on a tie.
      await client.query(`
        INSERT INTO "BestScore" ("userId", "quizId", "attemptId", score, "maxScore", "timeTakenMs", "achievedAt")
        SELECT DISTINCT ON ("userId", "quizId") "userId", "quizId", id, score, "maxScore", "timeTakenMs", "submittedAt" FROM "Attempt"
        WHERE "userId" IS NOT NULL ORDER BY "userId", "quizId", score DESC, "timeTakenMs", "submittedAt"`);
      await client.query(`
        INSERT INTO "PlayerTotal" ("userId", "totalScore", "timeTakenMs", "achievedAt")
        SELECT "userId", sum(score), sum("timeTakenMs"), max("achievedAt") FROM "BestScore" GROUP BY "userId"`);
      await client.query(
        `INSERT INTO "QuizTally" ("quizId", attempts, players) SELECT "quizId", count(*), count(DISTINCT "userId") FROM "Attempt" GROUP BY "quizId"`,
      );
      const best = (
        await client.query(
          `SELECT "quizId"::text AS scope, "userId"::text, "attemptId"::text, score::text, "timeTakenMs"::text, "achievedAt" FROM "BestScore" ORDER BY 1, 2`,
        )
      ).rows;
      const totals = (await client.query(`SELECT "userId"::text, "totalScore"::text AS score, "timeTakenMs"::text, "achievedAt" FROM "PlayerTotal" ORDER BY 1`))
        .rows;
      const tallies = (await client.query(`SELECT "quizId", attempts, players FROM "QuizTally" ORDER BY 1`)).rows;

      await run(folders[target]!);

      const entries = (
        await client.query(`SELECT scope::text, "userId"::text, "attemptId"::text, score::text, "timeTakenMs"::text, "achievedAt" FROM "BoardEntry"
                             WHERE "window" = 'ALL_TIME' AND scope <> '00000000-0000-0000-0000-000000000000' ORDER BY 1, 2`)
      ).rows;
      expect(entries).toEqual(best);
      const globals = (
        await client.query(`SELECT "userId"::text, score::text, "timeTakenMs"::text, "achievedAt" FROM "BoardEntry"
                             WHERE "window" = 'ALL_TIME' AND scope = '00000000-0000-0000-0000-000000000000' ORDER BY 1`)
      ).rows;
      expect(globals).toEqual(totals);
      expect((await client.query(`SELECT "quizId", attempts, players FROM "QuizTally" ORDER BY 1`)).rows).toEqual(tallies);
      const { rows: windows } = await client.query(`SELECT "window", count(DISTINCT period)::int AS periods FROM "BoardEntry" GROUP BY 1 ORDER BY 1`);
      expect(windows.map((w) => w.window)).toEqual(['ALL_TIME', 'MONTH', 'WEEK', 'DAY']);
      expect(windows.find((w) => w.window === 'MONTH')!.periods).toBe(2);
      const { rows: stats } = await client.query(`SELECT count(*)::int AS players, sum(attempts)::int AS attempts FROM "PlayerStats"`);
      expect(stats[0]).toEqual({ players: 6, attempts: 40 });
      expect((await client.query(`SELECT to_regclass('"BestScore"') AS best, to_regclass('"PlayerTotal"') AS total`)).rows[0]).toEqual({
        best: null,
        total: null,
      });
    } finally {
      await client.end();
    }
  });
});

describe('at scale', () => {
  let database: ServiceDatabase<PrismaClient>;
  const scope = randomUUID();
  const N = 200_000;

  beforeAll(async () => {
    database = openServiceDatabase(inject('databaseUrls').results, (adapter) => new PrismaClient({ adapter }));
    // One quiz board of 200,000 players: scores to a tenth of a point in 0–100, times to the ms in 0–10 min.
    await database.db.$executeRaw`
      INSERT INTO "BoardEntry" (scope, "window", period, "userId", score, "timeTakenMs", "achievedAt")
      SELECT ${scope}::uuid, 'ALL_TIME', DATE '1970-01-01', gen_random_uuid(), floor(random() * 1001) / 10, floor(random() * 600000),
             now() - random() * interval '30 days'
      FROM generate_series(1, ${N})`;
    await database.db.$executeRaw`
      INSERT INTO "BoardCount" (scope, "window", period, dimension, score, level, bucket, count)
      ${bucketCountsSql(Prisma.sql`SELECT scope, "window", period, score, "timeTakenMs" FROM "BoardEntry" WHERE scope = ${scope}::uuid`)}`;
    await database.db.$executeRawUnsafe(`ANALYZE "BoardEntry"`);
    await database.db.$executeRawUnsafe(`ANALYZE "BoardCount"`);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  interface PlanNode {
    'Node Type': string;
    'Relation Name'?: string;
    'Actual Rows': number;
    'Actual Loops': number;
    'Rows Removed by Filter'?: number;
    Plans?: PlanNode[];
  }
  /** Every scan of a table, with the rows it read (returned plus filtered out, over all loops). */
  function scans(node: PlanNode, found: Array<{ type: string; relation: string; rows: number }> = []) {
    if (node['Relation Name']) {
      found.push({
        type: node['Node Type'],
        relation: node['Relation Name'],
        rows: (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'],
      });
    }
    for (const child of node.Plans ?? []) scans(child, found);
    return found;
  }
  async function explain(sql: Prisma.Sql) {
    const [row] = await database.db.$queryRawUnsafe<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`,
      ...sql.values,
    );
    return scans(row!['QUERY PLAN'][0]!.Plan);
  }
  async function middle() {
    const [row] = await database.db.$queryRaw<Array<{ userId: string; score: string; timeTakenMs: string; achievedAt: Date }>>`
      SELECT "userId"::text, score::text, "timeTakenMs"::text, "achievedAt" FROM "BoardEntry" WHERE scope = ${scope}::uuid
      ORDER BY score DESC, "timeTakenMs", "achievedAt", "userId" OFFSET ${N / 2} LIMIT 1`;
    return row!;
  }

  it('reads a deep page by cursor as a few index ranges, with the ranks a count would give', async () => {
    const cursor = await middle();
    const after = { scoreUnits: toScoreUnits(cursor.score), timeTakenMs: BigInt(cursor.timeTakenMs), achievedAt: cursor.achievedAt, userId: cursor.userId };
    const request = { window: 'ALL_TIME' as const, limit: 50, after };
    const read = await explain(boardPagesSql([scope], request, new Date()));
    expect(read.filter((s) => !/Index/.test(s.type))).toEqual([]);
    const total = read.reduce((sum, s) => sum + s.rows, 0);
    expect(total).toBeLessThan(1_000);

    const page = (await boardPages(database.db, [scope], request, new Date())).get(scope)!;
    expect(page.totalCount).toBe(N);
    const first = page.edges[0]!.node;
    const [naive] = await database.db.$queryRaw<Array<{ ahead: number }>>`
      SELECT count(*)::int AS ahead FROM "BoardEntry" WHERE scope = ${scope}::uuid
        AND (score > ${first.score}::numeric OR (score = ${first.score}::numeric AND "timeTakenMs" < ${first.timeTakenMs}))`;
    expect(page.edges[0]!.rank).toBe(naive!.ahead + 1);
  });

  it('finds a player’s entry and rank (viewerEntry, User.stats.rank) without counting the rows ahead', async () => {
    const { userId } = await middle();
    const read = await explain(boardEntriesSql('ALL_TIME', [{ scope, userId }], new Date()));
    expect(read.filter((s) => !/Index/.test(s.type))).toEqual([]);
    expect(read.reduce((sum, s) => sum + s.rows, 0)).toBeLessThan(1_000);
  });
});
