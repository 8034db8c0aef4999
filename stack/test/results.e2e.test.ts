import type { AnyJson } from '@quizgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';
import { routerClient, type Account } from './e2eClient.js';

/**
 * Results as new players meet them, through the real router: timed and untimed quizzes of every
 * question type, one player running out of time, reviews, history, stats and streaks, and the quiz,
 * global and weekly boards with names and quiz titles. The results service runs on a clock the test
 * moves, so nobody waits for a deadline.
 */
let stack: RunningStack;
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

const { api, ok, account } = routerClient(() => stack.router.url);

/** One question of every type; every question is worth 2 points (12 in all). */
const QUESTIONS = [
  { type: 'SINGLE_CHOICE', prompt: 'Red planet?', points: 2, explanation: 'Iron oxide.', options: [{ label: 'Venus' }, { label: 'Mars', correct: true }] },
  { type: 'TRUE_FALSE', prompt: 'The Sun is a star.', points: 2, correctAnswer: true },
  {
    type: 'MULTIPLE_CHOICE',
    prompt: 'Gas giants?',
    points: 2,
    scoring: 'PARTIAL',
    options: [{ label: 'Jupiter', correct: true }, { label: 'Saturn', correct: true }, { label: 'Mercury' }],
  },
  { type: 'NUMERIC', prompt: 'Minutes of sunlight to Earth?', points: 2, numericAnswer: 8.3, tolerance: 0.5 },
  { type: 'SHORT_TEXT', prompt: 'Largest moon of Saturn?', points: 2, acceptedAnswers: ['Titan'] },
  { type: 'ORDERING', prompt: 'From the Sun', points: 2, scoring: 'PARTIAL', items: ['Mercury', 'Venus', 'Earth', 'Mars'] },
];

interface ShownQuestion {
  id: string;
  type: string;
  options: Array<{ id: string; label: string }>;
  items: Array<{ id: string; label: string }>;
}

const byLabel = (q: ShownQuestion, label: string) => [...q.options, ...q.items].find((o) => o.label === label)!.id;

/** Answers by question type: everything right, or (`partly`) half the gas giants and two planets in place. */
function answers(questions: ShownQuestion[], partly = false) {
  return questions.map((q) => {
    switch (q.type) {
      case 'SINGLE_CHOICE':
        return { questionId: q.id, optionIds: [byLabel(q, 'Mars')] };
      case 'TRUE_FALSE':
        return { questionId: q.id, boolean: true };
      case 'MULTIPLE_CHOICE':
        return { questionId: q.id, optionIds: partly ? [byLabel(q, 'Jupiter')] : [byLabel(q, 'Jupiter'), byLabel(q, 'Saturn')] };
      case 'NUMERIC':
        return { questionId: q.id, number: 8 };
      case 'SHORT_TEXT':
        return { questionId: q.id, text: ' titan ' };
      default:
        return {
          questionId: q.id,
          order: (partly ? ['Mercury', 'Venus', 'Mars', 'Earth'] : ['Mercury', 'Venus', 'Earth', 'Mars']).map((l) => byLabel(q, l)),
        };
    }
  });
}

const SHOWN = 'id type options { id label } items { id label }';
const RESULT = 'id status score maxScore percentage correctCount timeTakenMs quizVersion';

let author: Account;
let untimed: { id: string; title: string };
let timed: { id: string; title: string };

async function createQuiz(title: string, settings: Record<string, unknown>) {
  const { createQuiz } = await ok(`mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id } }`, {
    accessToken: author.token,
    variables: { input: { title, settings, questions: QUESTIONS } },
  });
  await ok(`mutation ($id: ID!) { publishQuiz(id: $id) { id } }`, { accessToken: author.token, variables: { id: createQuiz.id } });
  return { id: createQuiz.id as string, title };
}

beforeAll(async () => {
  stack = await startStack({
    databases: inject('databaseUrls'),
    keysDir: await mkdtemp(join(tmpdir(), 'quizgraph-e2e-keys-')),
    ports: { router: 0, users: 0, quizzes: 0, results: 0 },
    logLevel: 'silent',
    clock,
  });
  author = await account('Rita Author', 'AUTHOR');
  const tag = randomUUID().slice(0, 6);
  untimed = await createQuiz(`Practice planets ${tag}`, { reviewPolicy: 'EXPLANATIONS' });
  timed = await createQuiz(`Timed planets ${tag}`, {
    timeLimitSeconds: 60,
    maxAttempts: 2,
    shuffleQuestions: true,
    shuffleOptions: true,
    reviewPolicy: 'SCORE_ONLY',
    leaderboardAttempt: 'FIRST',
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('players through the router', () => {
  let ana: Account;
  let ben: Account;
  let cy: Account;

  it('plays untimed and timed quizzes of every type; one runs out of time', async () => {
    [ana, ben, cy] = [await account('Ana'), await account('Ben'), await account('Cy')];
    const shown = (await ok(`query ($id: ID!) { quiz(id: $id) { questions { ${SHOWN} } } }`, { variables: { id: untimed.id } })).quiz.questions;

    // Untimed: submitQuiz starts and submits at once.
    const submit = (who: Account, partly: boolean) =>
      ok(`mutation ($q: ID!, $a: [AnswerInput!]!) { submitQuiz(quizId: $q, answers: $a) { ${RESULT} } }`, {
        accessToken: who.token,
        variables: { q: untimed.id, a: answers(shown, partly) },
      });
    expect((await submit(ana, false)).submitQuiz).toMatchObject({ status: 'SUBMITTED', score: 12, percentage: 100, correctCount: 6 });
    // Half the gas giants (0.5 of 2) and two of four planets in place (0.5 of 2): 10 of 12.
    expect((await submit(ben, true)).submitQuiz).toMatchObject({ score: 10, correctCount: 4 });
    expect((await submit(cy, true)).submitQuiz).toMatchObject({ score: 10 });
    // Cy replays and does better: the BEST attempt ranks, and the global sum counts it once.
    expect((await submit(cy, false)).submitQuiz).toMatchObject({ score: 12 });

    // Timed: startAttempt pins the version and sets the deadline; the order is the attempt's own.
    const start = async (who: Account) =>
      (
        await ok(`mutation ($q: ID!) { startAttempt(quizId: $q) { id status deadline number questions { ${SHOWN} } } }`, {
          accessToken: who.token,
          variables: { q: timed.id },
        })
      ).startAttempt;
    const submitAttempt = (who: Account, attempt: { id: string; questions: ShownQuestion[] }, partly = false) =>
      api(`mutation ($id: ID!, $a: [AnswerInput!]!) { submitAttempt(attemptId: $id, answers: $a) { ${RESULT} } }`, {
        accessToken: who.token,
        variables: { id: attempt.id, a: answers(attempt.questions, partly) },
      });

    const anaTimed = await start(ana);
    expect(anaTimed).toMatchObject({ status: 'IN_PROGRESS', number: 1 });
    expect(new Date(anaTimed.deadline).getTime() - clock().getTime()).toBeGreaterThan(55_000);
    const again = await start(ana); // a reload resumes the open attempt instead of using up another
    expect(again.id).toBe(anaTimed.id);
    expect(again.questions).toEqual(anaTimed.questions);
    offsetMs += 20_000;
    const anaResult = (await submitAttempt(ana, anaTimed)).data!.submitAttempt;
    // SCORE_ONLY review: the score, not which questions were right.
    expect(anaResult).toMatchObject({ status: 'SUBMITTED', score: 12, correctCount: null });
    expect(anaResult.timeTakenMs).toBeGreaterThanOrEqual(20_000);

    const benTimed = await start(ben);
    offsetMs += 70_000; // Ben's minute (and the grace) runs out
    const late = await submitAttempt(ben, benTimed);
    expect(late.errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    const closed = await ok(`query ($id: ID!) { attempt(id: $id) { status score } }`, { accessToken: ben.token, variables: { id: benTimed.id } });
    expect(closed.attempt).toEqual({ status: 'EXPIRED', score: null });

    const cyTimed = await start(cy);
    offsetMs += 10_000;
    expect((await submitAttempt(cy, cyTimed, true)).data!.submitAttempt).toMatchObject({ score: 10 });
    // FIRST ranks: Cy's second try cannot improve the timed board, and a third is past maxAttempts.
    const cySecond = await start(cy);
    expect((await submitAttempt(cy, cySecond)).data!.submitAttempt).toMatchObject({ score: 12 });
    const third = await api(`mutation ($q: ID!) { startAttempt(quizId: $q) { id } }`, { accessToken: cy.token, variables: { q: timed.id } });
    expect(third.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reads reviews as each quiz allows, and the history newest first', async () => {
    const HISTORY = `query { me { attempts(first: 10) { edges { node { status score quiz { title }
      questions { type review { correct score answer { optionIds boolean number text order } correctAnswer { optionIds acceptedTexts number tolerance } explanation } } } } } } }`;
    const { me } = await ok(HISTORY, { accessToken: ben.token });
    const nodes = me.attempts.edges.map((e: { node: AnyJson }) => e.node);
    expect(nodes.map((n: { status: string; quiz: { title: string } }) => [n.quiz.title, n.status])).toEqual([
      [timed.title, 'EXPIRED'],
      [untimed.title, 'SUBMITTED'],
    ]);
    const practice = nodes[1];
    // EXPLANATIONS: everything, including what was right and why.
    const single = practice.questions.find((q: { type: string }) => q.type === 'SINGLE_CHOICE');
    expect(single.review).toMatchObject({ correct: true, score: 2, explanation: 'Iron oxide.' });
    const multiple = practice.questions.find((q: { type: string }) => q.type === 'MULTIPLE_CHOICE');
    expect(multiple.review).toMatchObject({ correct: false, score: 1 });
    expect(multiple.review.correctAnswer.optionIds).toHaveLength(2);
    const text = practice.questions.find((q: { type: string }) => q.type === 'SHORT_TEXT');
    expect(text.review).toMatchObject({ answer: { text: ' titan ' }, correctAnswer: { acceptedTexts: ['Titan'] } });

    // SCORE_ONLY (the timed quiz): no per-question verdicts, no key.
    const { me: anaMe } = await ok(
      `query ($q: ID!) { me { attempts(quizId: $q) { edges { node { score questions { review { correct score correctAnswer { optionIds } explanation } } } } } } }`,
      {
        accessToken: ana.token,
        variables: { q: timed.id },
      },
    );
    const reviews = anaMe.attempts.edges[0].node.questions.map((q: { review: unknown }) => q.review);
    for (const review of reviews) expect(review).toEqual({ correct: null, score: null, correctAnswer: null, explanation: null });

    // Someone else's history is not theirs to read.
    const prying = await api(`query ($id: ID!) { user(id: $id) { displayName attempts { edges { node { id } } } } }`, {
      accessToken: ben.token,
      variables: { id: ana.id },
    });
    expect(prying.data!.user).toEqual({ displayName: 'Ana', attempts: null });
    expect(prying.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps stats and streaks', async () => {
    const { me } = await ok(`{ me { stats { attempts quizzesCompleted totalScore bestPercentage currentStreakDays longestStreakDays rank } } }`, {
      accessToken: cy.token,
    });
    // Two untimed and two timed submissions; both quizzes completed; best 12 + first 10 = 22.
    expect(me.stats).toMatchObject({ attempts: 4, quizzesCompleted: 2, totalScore: 22, bestPercentage: 100, currentStreakDays: 1, longestStreakDays: 1 });
  });

  it('ranks the quiz, global and weekly boards with names and quiz titles', async () => {
    const BOARD = `edges { rank node { score user { displayName } } }`;
    const { quiz } = await ok(`query ($id: ID!) { quiz(id: $id) { title leaderboard(first: 10) { totalCount ${BOARD} } } }`, {
      variables: { id: untimed.id },
    });
    expect(quiz.title).toBe(untimed.title);
    // Ana and Cy share first with 12 (Ana took no longer: both 0 ms through submitQuiz), then Ben.
    expect(
      quiz.leaderboard.edges.map((e: { rank: number; node: { score: number; user: { displayName: string } } }) => [
        e.rank,
        e.node.user.displayName,
        e.node.score,
      ]),
    ).toEqual([
      [1, 'Ana', 12],
      [1, 'Cy', 12],
      [3, 'Ben', 10],
    ]);
    const timedBoard = (await ok(`query ($id: ID!) { quiz(id: $id) { leaderboard { ${BOARD} } } }`, { variables: { id: timed.id } })).quiz.leaderboard;
    // FIRST: Cy's first try (10) ranks, not the second (12); Ben expired and is not on it.
    expect(timedBoard.edges.map((e: { node: { score: number; user: { displayName: string } } }) => [e.node.user.displayName, e.node.score])).toEqual([
      ['Ana', 12],
      ['Cy', 10],
    ]);

    const mine = new Set([ana.id, ben.id, cy.id]);
    for (const window of ['ALL_TIME', 'WEEK']) {
      const { leaderboard } = await ok(
        `query ($w: LeaderboardWindow) { leaderboard(first: 100, window: $w) { edges { rank node { score user { id displayName } } } viewerEntry { score } } }`,
        { accessToken: ana.token, variables: { w: window } },
      );
      const ours = leaderboard.edges
        .filter((e: { node: { user: { id: string } | null } }) => e.node.user && mine.has(e.node.user.id))
        .map((e: { node: { score: number; user: { displayName: string } } }) => [e.node.user.displayName, e.node.score]);
      expect(ours).toEqual([
        ['Ana', 24],
        ['Cy', 22],
        ['Ben', 10],
      ]);
      expect(leaderboard.viewerEntry.score).toBe(24);
    }
  });
});
