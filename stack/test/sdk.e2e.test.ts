/**
 * Every operation document of the SDK, run through the SDK's own client against the real router, in
 * the order an app meets them: sign-up and sign-in, an author writing, publishing, exporting and
 * importing quizzes, a player taking and submitting one, reviews, history, stats and every
 * leaderboard, then the account operations that end sessions. A document nobody runs here fails the
 * last test, so a new example in the README cannot go untried. Then what the client itself promises
 * (one refresh on UNAUTHENTICATED, typed errors with the request id) and the SDK's manifest in a
 * router in safelist mode.
 */
import type {} from '@quizgraph/service-kit/testing';
import type { ErrorCode } from '@quizgraph/service-kit';
import { safelistFrom, type RunningRouter } from '@quizgraph/router';
import { setRoleByEmail } from '@quizgraph/users/admin';
import { randomUUID } from 'node:crypto';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { operationFiles, OPERATIONS_DIR } from '@quizgraph/sdk/scripts/operationFiles.ts';
import { persistedQueryManifest } from '@quizgraph/sdk/scripts/persistedQueryManifest.ts';
import { startStack, type RunningStack } from '../src/stack.js';
import { routerInFrontOf } from './e2eClient.js';
import {
  AddQuestionDocument,
  AnswerKeyDocument,
  ArchiveQuizDocument,
  AuthorPageDocument,
  BoardsDocument,
  BrowseQuizzesDocument,
  CategoriesDocument,
  ChangePasswordDocument,
  CreateQuizDocument,
  createQuizgraphClient,
  DeleteAccountDocument,
  DeleteQuizDocument,
  DescribeQuizDocument,
  EditProfileDocument,
  ExportQuizDocument,
  GlobalLeaderboardDocument,
  HistoryDocument,
  ImportGiftDocument,
  ImportJsonDocument,
  ItemAnalysisDocument,
  LoginDocument,
  LogoutDocument,
  LogoutEverywhereDocument,
  MeDocument,
  MyDraftsDocument,
  OneAttemptDocument,
  operationMetaOf,
  ProfileDocument,
  PublicProfileDocument,
  PublishQuizDocument,
  QuizgraphError,
  type QuizgraphErrorCode,
  QuizPageDocument,
  RefreshDocument,
  RegisterDocument,
  RemoveQuestionDocument,
  ReorderQuestionsDocument,
  ReplaceQuestionDocument,
  SearchQuizzesDocument,
  SetUserRoleDocument,
  StartAttemptDocument,
  SubmitAttemptDocument,
  SubmitQuizDocument,
  TakeAQuizDocument,
  UpdateQuizSettingsDocument,
  type AddQuestionMutationVariables,
  type AnswerInput,
  type AnswerKeyQuery,
  type CreateQuizMutationVariables,
  type QuizgraphClient,
  type QuizgraphClientOptions,
  type RegisterMutationVariables,
  type TypedDocumentNode,
  type VariablesArgument,
} from '@quizgraph/sdk';

/**
 * The SDK restates the API's error codes (it packs without any workspace dependency); this line, checked
 * by the stack's typecheck, fails when a resolver code is added that the SDK's union does not name.
 */
true satisfies [ErrorCode] extends [QuizgraphErrorCode] ? true : false;

let stack: RunningStack;
let keysDir: string;
/** The quiz the author publishes and the player takes. */
let quizId: string;

/** The operations this file ran, by name: the last test compares them with the operations folder. */
const ran = new Set<string>();

/** A client of the SDK that records what it runs. */
function client(options: Omit<QuizgraphClientOptions, 'endpoint'> = {}, endpoint = () => stack.router.url): QuizgraphClient {
  let inner: QuizgraphClient | undefined;
  return {
    request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, ...variables: VariablesArgument<TVariables>) {
      inner ??= createQuizgraphClient({ endpoint: endpoint(), ...options });
      ran.add(operationMetaOf(document)!.operationName);
      return inner.request(document, ...variables);
    },
  };
}

/** The variables a document shows as its example (the comment after `# Variables, for example`). */
async function exampleVariables<T>(name: string): Promise<T> {
  const lines = (await readFile(join(OPERATIONS_DIR, `${name}.graphql`), 'utf8')).split('\n');
  const from = lines.findIndex((line) => line.startsWith('# Variables, for example'));
  const comment = lines
    .slice(from)
    .filter((line) => line.startsWith('#'))
    .map((line) => line.slice(1));
  const json = comment.slice(comment.findIndex((line) => line.trim().startsWith('{'))).join('\n');
  return JSON.parse(json) as T;
}

/** A signed-in account: its session and a client that sends its access token and refreshes it. */
interface Session {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  api: QuizgraphClient;
}

async function signUp(displayName: string, role?: 'AUTHOR' | 'ADMIN', password = 'a long enough passphrase'): Promise<Session> {
  const anonymous = client();
  const email = `sdk-${randomUUID()}@test.quizgraph.dev`;
  const { register } = await anonymous.request(RegisterDocument, { email, password, displayName });
  expect(register.user).toMatchObject({ displayName, role: 'PLAYER', email });
  if (role) await setRoleByEmail(inject('databaseUrls').users, email, role);
  // A new role reaches access tokens at the next sign-in.
  const { login } = await anonymous.request(LoginDocument, { email, password });
  expect(login.user.role).toBe(role ?? 'PLAYER');
  const session: Session = { id: login.user.id, email, password, accessToken: login.accessToken, refreshToken: login.refreshToken, api: anonymous };
  session.api = client({
    getAccessToken: () => session.accessToken,
    refreshAccessToken: async () => {
      const { refreshSession } = await anonymous.request(RefreshDocument, { refreshToken: session.refreshToken });
      Object.assign(session, { accessToken: refreshSession.accessToken, refreshToken: refreshSession.refreshToken });
      return refreshSession.accessToken;
    },
  });
  return session;
}

/** Every answer right, from the author's answer key (whose question ids are the current version's). */
function rightAnswers(key: NonNullable<NonNullable<AnswerKeyQuery['quiz']>['versions']>[number]): AnswerInput[] {
  return key.questions.map((q): AnswerInput => {
    switch (q.type) {
      case 'SINGLE_CHOICE':
      case 'MULTIPLE_CHOICE':
        return { questionId: q.id, optionIds: q.options.filter((o) => o.correct).map((o) => o.id) };
      case 'TRUE_FALSE':
        return { questionId: q.id, boolean: q.correctAnswer };
      case 'NUMERIC':
        return { questionId: q.id, number: q.numericAnswer };
      case 'SHORT_TEXT':
        return { questionId: q.id, text: q.acceptedAnswers[0] ?? null };
      case 'ORDERING':
        return { questionId: q.id, order: q.items.map((i) => i.id) };
      default:
        throw new Error(`No right answer known for a question of type ${(q as { type: string }).type}`);
    }
  });
}

beforeAll(async () => {
  keysDir = await mkdtemp(join(tmpdir(), 'quizgraph-sdk-keys-'));
  stack = await startStack({ databases: inject('databaseUrls'), keysDir, ports: { router: 0, users: 0, quizzes: 0, results: 0 }, logLevel: 'silent' });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('every operation of the SDK, against the real router', () => {
  const tag = randomUUID().slice(0, 8);
  let author: Session;
  let player: Session;
  let key: NonNullable<NonNullable<AnswerKeyQuery['quiz']>['versions']>[number];
  let attemptId: string;

  it('signs up, signs in, refreshes and edits a profile', async () => {
    const example = await exampleVariables<RegisterMutationVariables>('Register');
    player = await signUp(example.displayName, undefined, example.password);

    const { refreshSession } = await client().request(RefreshDocument, { refreshToken: player.refreshToken });
    expect(refreshSession.refreshToken).not.toBe(player.refreshToken);
    expect(Date.parse(refreshSession.refreshTokenExpiresAt)).toBeGreaterThan(Date.now());
    Object.assign(player, { accessToken: refreshSession.accessToken, refreshToken: refreshSession.refreshToken });

    const { me } = await player.api.request(MeDocument);
    expect(me).toMatchObject({ id: player.id, email: player.email, role: 'PLAYER' });
    expect(me?.sessions?.some((s) => s.current)).toBe(true);

    const { updateProfile } = await player.api.request(EditProfileDocument, await exampleVariables('EditProfile'));
    expect(updateProfile).toMatchObject({ displayName: 'Ada L.', bio: 'Counting machines.', avatarUrl: 'https://example.com/ada.png' });
    // Omitted: unchanged; null: cleared.
    const cleared = await player.api.request(EditProfileDocument, { bio: null });
    expect(cleared.updateProfile).toMatchObject({ displayName: 'Ada L.', bio: null });

    const { user } = await client().request(PublicProfileDocument, { id: player.id });
    expect(user).toMatchObject({ id: player.id, displayName: 'Ada L.', role: 'PLAYER' });
  });

  it('lets an author write, edit, read the key of and publish a quiz', async () => {
    author = await signUp(`Author ${tag}`, 'AUTHOR');
    const { createQuiz } = await author.api.request(CreateQuizDocument, await exampleVariables<CreateQuizMutationVariables>('CreateQuiz'));
    expect(createQuiz).toMatchObject({ status: 'DRAFT', version: 1, questionCount: 6, totalPoints: 12 });
    quizId = createQuiz.id;

    const settings = await author.api.request(UpdateQuizSettingsDocument, { id: quizId, settings: { maxAttempts: 3, reviewPolicy: 'CORRECT_ANSWERS' } });
    expect(settings.updateQuiz.settings).toMatchObject({ maxAttempts: 3, reviewPolicy: 'CORRECT_ANSWERS', timeLimitSeconds: null });

    const described = await author.api.request(DescribeQuizDocument, {
      id: quizId,
      input: { title: `Rivers of Europe ${tag}`, tags: ['rivers', 'danube'], difficulty: 'MEDIUM', category: 'geography' },
    });
    expect(described.updateQuiz).toMatchObject({ title: `Rivers of Europe ${tag}`, tags: ['rivers', 'danube'], category: 'geography', version: 1 });

    const added = await author.api.request(AddQuestionDocument, { ...(await exampleVariables<AddQuestionMutationVariables>('AddQuestion')), quizId });
    expect(added.addQuestion.questions[0]?.prompt).toBe('The Rhine rises in the Alps.');
    const addedId = added.addQuestion.questions[0]!.id;
    const replaced = await author.api.request(ReplaceQuestionDocument, {
      questionId: addedId,
      question: { type: 'NUMERIC', prompt: 'How long is the Danube, in km?', numericAnswer: 2850, tolerance: 50 },
    });
    expect(replaced.updateQuestion.questions.find((q) => q.id === addedId)?.type).toBe('NUMERIC');
    const removed = await author.api.request(RemoveQuestionDocument, { questionId: addedId });
    expect(removed.removeQuestion.questionCount).toBe(6);

    const ids = replaced.updateQuestion.questions.filter((q) => q.id !== addedId).map((q) => q.id);
    const reordered = await author.api.request(ReorderQuestionsDocument, { quizId, questionIds: [...ids].reverse() });
    expect(reordered.reorderQuestions.questions.map((q) => q.id)).toEqual([...ids].reverse());

    const published = await author.api.request(PublishQuizDocument, { id: quizId });
    expect(published.publishQuiz).toMatchObject({ status: 'PUBLISHED', version: 1 });
    expect(published.publishQuiz.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const { quiz } = await author.api.request(AnswerKeyDocument, { id: quizId });
    expect(quiz?.versions).toHaveLength(1);
    key = quiz!.versions![0]!;
    expect(key.questions.find((q) => q.type === 'SHORT_TEXT')?.acceptedAnswers).toEqual(['Seine', 'La Seine']);
  });

  it('drafts, deletes, exports, imports and archives', async () => {
    const gift = await author.api.request(ImportGiftDocument, await exampleVariables('ImportGift'));
    expect(gift.importQuiz).toMatchObject({ title: 'Capitals', status: 'DRAFT' });
    expect(gift.importQuiz.questions.map((q) => q.type)).toEqual(['SINGLE_CHOICE', 'TRUE_FALSE', 'NUMERIC']);
    const drafts = await author.api.request(MyDraftsDocument);
    expect(drafts.quizzes?.edges.map((e) => e.node.id)).toContain(gift.importQuiz.id);
    expect(await author.api.request(DeleteQuizDocument, { id: gift.importQuiz.id })).toEqual({ deleteQuiz: gift.importQuiz.id });

    const { exportQuiz } = await author.api.request(ExportQuizDocument, { id: quizId });
    expect(JSON.parse(exportQuiz!)).toMatchObject({ format: 'quizgraph.quiz', formatVersion: 1 });
    const imported = await author.api.request(ImportJsonDocument, { content: exportQuiz!, idempotencyKey: `import-${tag}` });
    expect(imported.importQuiz).toMatchObject({ title: `Rivers of Europe ${tag}`, status: 'DRAFT', questionCount: 6 });
    await author.api.request(PublishQuizDocument, { id: imported.importQuiz.id });
    const archived = await author.api.request(ArchiveQuizDocument, { id: imported.importQuiz.id });
    expect(archived.archiveQuiz.status).toBe('ARCHIVED');
  });

  it('lets a player find, take and submit the quiz, and review it', async () => {
    const found = await player.api.request(SearchQuizzesDocument, { search: `rivers ${tag}` });
    expect(found.quizzes?.edges.map((e) => e.node.id)).toEqual([quizId]);
    expect(found.quizzes?.edges[0]?.node.author?.displayName).toBe(`Author ${tag}`);
    const browsed = await player.api.request(BrowseQuizzesDocument, { filter: { authorId: author.id }, orderBy: 'TITLE', first: 5 });
    // The archived copy has left the default listing.
    expect(browsed.quizzes?.edges.map((e) => e.node.id)).toEqual([quizId]);
    const { categories } = await player.api.request(CategoriesDocument);
    expect(categories?.find((c) => c.category === 'geography')?.count).toBeGreaterThanOrEqual(1);
    const page = await player.api.request(AuthorPageDocument, { id: author.id });
    expect(page.user?.authoredQuizzes?.edges.map((e) => e.node.status).sort()).toEqual(['ARCHIVED', 'PUBLISHED']);

    const { quiz } = await player.api.request(TakeAQuizDocument, { id: quizId });
    expect(quiz?.questions.map((q) => q.id).sort()).toEqual(key.questions.map((q) => q.id).sort());
    const submitted = await player.api.request(SubmitQuizDocument, { quizId, answers: rightAnswers(key), idempotencyKey: `submit-${tag}` });
    expect(submitted.submitQuiz).toMatchObject({ score: 12, maxScore: 12, percentage: 100, correctCount: 6, quizVersion: 1 });

    const started = await player.api.request(StartAttemptDocument, { quizId });
    expect(started.startAttempt).toMatchObject({ number: 2, status: 'IN_PROGRESS', deadline: null });
    attemptId = started.startAttempt.id;
    const finished = await player.api.request(SubmitAttemptDocument, { attemptId, answers: rightAnswers(key).slice(0, 3) });
    expect(finished.submitAttempt).toMatchObject({ status: 'SUBMITTED', correctCount: 3 });
    // CORRECT_ANSWERS: each question's result and its right answer, no explanation.
    const review = finished.submitAttempt.questions.find((q) => q.review?.answer === null)?.review;
    expect(review).toMatchObject({ correct: false, score: 0, explanation: null });
    expect(review?.correctAnswer).not.toBeNull();
  });

  it('reads history, the attempt, stats and every leaderboard', async () => {
    const { me } = await player.api.request(HistoryDocument, { quizId });
    expect(me?.attempts?.edges.map((e) => e.node.number)).toEqual([2, 1]);
    expect(me?.attempts?.edges[0]?.node.quiz?.title).toBe(`Rivers of Europe ${tag}`);

    const { attempt } = await player.api.request(OneAttemptDocument, { id: attemptId });
    expect(attempt).toMatchObject({ id: attemptId, maxScore: 12, quizVersion: 1, quiz: { id: quizId }, player: { displayName: 'Ada L.' } });

    const profile = await player.api.request(ProfileDocument);
    expect(profile.me?.stats).toMatchObject({ attempts: 2, quizzesCompleted: 1, totalScore: 12, bestPercentage: 100, currentStreakDays: 1 });

    const global = await player.api.request(GlobalLeaderboardDocument);
    expect(global.leaderboard?.viewerEntry?.score).toBe(12);
    expect(global.leaderboard?.totalCount).toBeGreaterThanOrEqual(1);

    const quizPage = await client().request(QuizPageDocument, { id: quizId });
    expect(quizPage.quiz).toMatchObject({ author: { displayName: `Author ${tag}` }, stats: { attempts: 2, players: 1 } });
    expect(quizPage.quiz?.leaderboard?.edges.map((e) => [e.rank, e.node.score, e.node.user?.displayName])).toEqual([[1, 12, 'Ada L.']]);

    for (const window of ['ALL_TIME', 'MONTH', 'WEEK', 'DAY'] as const) {
      const boards = await player.api.request(BoardsDocument, { quizId, window });
      expect(boards.board?.viewerEntry?.score).toBe(12);
      expect(boards.quiz?.today?.edges.map((e) => e.node.user?.id)).toEqual([player.id]);
    }

    const analysis = await author.api.request(ItemAnalysisDocument, { id: quizId });
    expect(analysis.quiz?.stats?.questions).toHaveLength(6);
    expect(analysis.quiz?.stats?.questions?.every((q) => q.answered >= 1)).toBe(true);
  });

  it('changes roles and passwords, ends sessions and deletes an account', async () => {
    const admin = await signUp(`Admin ${tag}`, 'ADMIN');
    const promoted = await admin.api.request(SetUserRoleDocument, { userId: player.id, role: 'AUTHOR' });
    expect(promoted.setUserRole).toEqual({ id: player.id, role: 'AUTHOR' });

    const other = await signUp(`Other ${tag}`);
    expect((await other.api.request(LogoutDocument, { refreshToken: other.refreshToken })).logout).toBe(true);

    const { changePassword } = await player.api.request(ChangePasswordDocument, {
      currentPassword: player.password,
      newPassword: 'another long passphrase',
    });
    expect(changePassword).toBe(true);
    const { login } = await client().request(LoginDocument, { email: player.email, password: 'another long passphrase' });
    expect(login.user.id).toBe(player.id);
    const { logoutEverywhere } = await client({ getAccessToken: () => login.accessToken }).request(LogoutEverywhereDocument);
    expect(logoutEverywhere).toBeGreaterThanOrEqual(1);

    const { deleteAccount } = await other.api.request(DeleteAccountDocument, { password: other.password });
    expect(deleteAccount).toBe(true);
    expect((await client().request(PublicProfileDocument, { id: other.id })).user).toBeNull();
  });

  it('ran every document of packages/sdk/operations', async () => {
    expect([...ran].sort()).toEqual([...(await operationFiles()).keys()].sort());
  });
});

describe('the client', () => {
  it('refreshes an access token the router refuses, once, and retries', async () => {
    const session = await signUp('Refreshing');
    let refreshes = 0;
    const api = createQuizgraphClient({
      endpoint: stack.router.url,
      getAccessToken: () => 'not-a-token',
      refreshAccessToken: async () => {
        refreshes += 1;
        // Slow enough that both refused requests are back before it ends.
        await new Promise((resolve) => setTimeout(resolve, 500));
        return session.accessToken;
      },
    });
    const [a, b] = await Promise.all([api.request(MeDocument), api.request(MeDocument)]);
    expect([a.me?.id, b.me?.id]).toEqual([session.id, session.id]);
    // Requests that failed together shared one refresh.
    expect(refreshes).toBe(1);

    const giveUp = createQuizgraphClient({ endpoint: stack.router.url, getAccessToken: () => 'not-a-token', refreshAccessToken: async () => null });
    const error = await giveUp.request(MeDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuizgraphError);
    expect((error as QuizgraphError).code).toBe('UNAUTHENTICATED');
    expect((error as QuizgraphError).status).toBe(401);
  });

  it('throws typed errors with the code, path, HTTP status and request id, and the partial data', async () => {
    const player = await signUp('Curious');
    // The answer key is the author's: FORBIDDEN at quiz.versions, and the rest of the quiz is there.
    const error = await player.api.request(AnswerKeyDocument, { id: quizId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuizgraphError);
    const { errors, status, requestId, data } = error as QuizgraphError<AnswerKeyQuery>;
    expect(errors.map((e) => [e.extensions.code, e.path])).toEqual([['FORBIDDEN', ['quiz', 'versions']]]);
    expect(data?.quiz).toMatchObject({ id: quizId, versions: null });
    expect(status).toBe(200);
    expect(requestId).toMatch(/\S+/);
    expect((error as Error).message).toContain(requestId!);

    const bad = await player.api.request(SubmitQuizDocument, { quizId, answers: [{ questionId: randomUUID(), boolean: true }] }).catch((e: unknown) => e);
    expect((bad as QuizgraphError).errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/^answers\.0/) });
  });
});

describe('Sandbox', () => {
  it('opens with the SDK’s Login and Me, the demo credentials and an Authorization header to fill', async () => {
    const page = await fetch(stack.router.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const [login, me] = await Promise.all(['Login', 'Me'].map((name) => readFile(join(OPERATIONS_DIR, `${name}.graphql`), 'utf8')));
    // The page embeds its initial state as JSON.
    expect(html).toContain(JSON.stringify(login!.trimEnd()).slice(1, -1));
    expect(html).toContain(JSON.stringify(me!.trimEnd()).slice(1, -1));
    expect(html).toContain('"Authorization":""');
    expect(html).toContain('ada@demo.quizgraph.dev');
  });
});

describe('persisted operations', () => {
  let safelisted: RunningRouter;

  beforeAll(async () => {
    const manifest = JSON.parse(await readFile(join(OPERATIONS_DIR, '..', 'persisted-query-manifest.json'), 'utf8'));
    safelisted = await routerInFrontOf(stack, keysDir, { production: true, subgraphTimeoutMs: 5_000, safelist: safelistFrom(manifest) });
  });

  afterAll(async () => {
    await safelisted?.close();
  });

  it('the committed manifest is what the generated documents say', async () => {
    const committed = JSON.parse(await readFile(join(OPERATIONS_DIR, '..', 'persisted-query-manifest.json'), 'utf8'));
    expect(committed).toEqual(persistedQueryManifest());
  });

  it('a router in safelist mode with the SDK’s manifest runs SDK operations by id, and refuses anything else', async () => {
    const persisted = createQuizgraphClient({ endpoint: safelisted.url, persisted: true });
    expect((await persisted.request(CategoriesDocument)).categories).toEqual(expect.any(Array));
    // By its text too (as a client without the persisted option sends it).
    const plain = createQuizgraphClient({ endpoint: safelisted.url });
    expect((await plain.request(GlobalLeaderboardDocument, { first: 3 })).leaderboard?.edges).toEqual(expect.any(Array));

    const adHoc = await fetch(safelisted.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ categories { category count } }' }),
    });
    expect(adHoc.status).toBe(400);
    expect(((await adHoc.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
  });

  it('a router with automatic persisted queries learns an SDK operation from the client, then runs it by hash', async () => {
    const persisted = createQuizgraphClient({ endpoint: stack.router.url, persisted: true });
    const first = await persisted.request(CategoriesDocument);
    const second = await persisted.request(CategoriesDocument);
    expect(second).toEqual(first);
    const byHash = await fetch(stack.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: operationMetaOf(CategoriesDocument)!.hash } } }),
    });
    expect(((await byHash.json()) as { errors?: unknown }).errors).toBeUndefined();
  });
});
