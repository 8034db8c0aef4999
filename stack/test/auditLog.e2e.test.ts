import type { AnyJson } from '@quizgraph/service-kit';
import { emailHash, REQUEST_ID_HEADER } from '@quizgraph/service-kit';
import { memoryLogger } from '@quizgraph/service-kit/testing';
import { setRoleByEmail } from '@quizgraph/users/admin';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';

// Audit lines (service-kit/src/audit.ts) written by the real subgraphs behind the real router, read
// from the stack's own log stream: each carries the request id the client got in x-request-id.

let stack: RunningStack;
const { logger, lines } = memoryLogger();
const PASSWORD = 'a long enough passphrase';
const SESSION = 'accessToken refreshToken user { id }';

beforeAll(async () => {
  const keysDir = join(await mkdtemp(join(tmpdir(), 'quizgraph-audit-log-')), 'keys');
  stack = await startStack({
    databases: inject('databaseUrls'),
    keysDir,
    ports: { router: 0, users: 0, quizzes: 0, results: 0 },
    logger,
    // Two wrong passwords lock an account, so the test reaches the throttle quickly.
    serviceSettings: {
      users: {
        throttle: { account: { maxFailures: 2, windowSeconds: 900, lockSeconds: 900 }, address: { maxFailures: 1_000, windowSeconds: 900, lockSeconds: 900 } },
      },
    },
  });
});

afterAll(async () => {
  await stack?.stop();
});

/** One request through the router: its body and the request id it answered with. */
async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(stack.router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const requestId = response.headers.get(REQUEST_ID_HEADER);
  expect(requestId).toMatch(/^[\w-]+$/);
  const body = (await response.json()) as { data?: AnyJson; errors?: Array<{ extensions?: { code?: string } }> };
  return { ...body, requestId: requestId!, code: body.errors?.[0]?.extensions?.code };
}

/** The audit lines one request left: the subgraph writes them before it answers the router. */
const auditOf = (requestId: string) => lines.filter((line) => line.audit === true && line.requestId === requestId);

const register = (email: string) =>
  call(`mutation ($e: String!, $p: String!) { register(email: $e, password: $p, displayName: "Audited") { ${SESSION} } }`, { e: email, p: PASSWORD });
const login = (email: string, password = PASSWORD) =>
  call(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ${SESSION} } }`, { e: email, p: password });
const newEmail = () => `audit-${randomUUID()}@test.quizgraph.dev`;

describe('audit log lines', () => {
  it('record a sign-up and a sign-in, with the email as a pseudonym and no password', async () => {
    const email = newEmail();
    const signedUp = await register(email);
    const userId = signedUp.data!.register.user.id as string;
    expect(auditOf(signedUp.requestId)).toEqual([
      expect.objectContaining({
        service: 'users',
        msg: 'audit',
        level: 30,
        action: 'user.register',
        outcome: 'success',
        actorId: userId,
        targetId: userId,
        reason: null,
        emailHash: emailHash(email),
      }),
    ]);

    const signedIn = await login(` ${email.toUpperCase()} `);
    expect(signedIn.errors).toBeUndefined();
    expect(auditOf(signedIn.requestId)).toEqual([
      expect.objectContaining({
        service: 'users',
        action: 'user.signIn',
        outcome: 'success',
        actorId: userId,
        targetId: userId,
        // Normalised, as the account stores it: the lines of one account share one pseudonym.
        emailHash: emailHash(email),
        clientAddress: expect.any(String),
        sessionId: expect.any(String),
      }),
    ]);
    const written = JSON.stringify(lines);
    expect(written).not.toContain(PASSWORD);
    expect(written).not.toContain(email);
    expect(written).not.toContain(signedIn.data!.login.refreshToken);
  });

  it('tell apart, for operators only, an unknown account, a wrong password and a throttled sign-in', async () => {
    const email = newEmail();
    const userId = (await register(email)).data!.register.user.id as string;

    const unknown = await login(newEmail(), 'a wrong passphrase');
    const wrong = await login(email, 'a wrong passphrase');
    // The client hears the same either way.
    expect([unknown.code, wrong.code]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(auditOf(unknown.requestId)).toEqual([
      expect.objectContaining({
        action: 'user.signIn',
        outcome: 'failure',
        reason: 'unknownAccount',
        actorId: null,
        targetId: null,
        emailHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      }),
    ]);
    expect(auditOf(wrong.requestId)).toEqual([
      expect.objectContaining({
        action: 'user.signIn',
        outcome: 'failure',
        reason: 'wrongPassword',
        actorId: null,
        targetId: userId,
        emailHash: emailHash(email),
      }),
    ]);

    await login(email, 'a wrong passphrase');
    const throttled = await login(email);
    expect(throttled.code).toBe('RATE_LIMITED');
    expect(auditOf(throttled.requestId)).toEqual([
      expect.objectContaining({ action: 'user.signIn', outcome: 'failure', reason: 'throttled', emailHash: emailHash(email) }),
    ]);
  });

  it('record refreshing, reusing a refresh token and signing out', async () => {
    const session = (await register(newEmail())).data!.register as { refreshToken: string; user: { id: string } };
    const refresh = (token: string) => call(`mutation ($t: String!) { refreshSession(refreshToken: $t) { ${SESSION} } }`, { t: token });
    const refreshed = await refresh(session.refreshToken);
    expect(auditOf(refreshed.requestId)).toEqual([expect.objectContaining({ action: 'session.refresh', outcome: 'success', actorId: session.user.id })]);
    const reused = await refresh(session.refreshToken);
    expect(auditOf(reused.requestId)).toEqual([
      expect.objectContaining({ action: 'session.refresh', outcome: 'failure', reason: 'reusedToken', targetId: session.user.id }),
    ]);

    const other = (await register(newEmail())).data!.register as { refreshToken: string; user: { id: string } };
    const signedOut = await call('mutation ($t: String!) { logout(refreshToken: $t) }', { t: other.refreshToken });
    expect(auditOf(signedOut.requestId)).toEqual([
      expect.objectContaining({ action: 'session.signOut', outcome: 'success', actorId: other.user.id, targetId: other.user.id }),
    ]);
  });

  it('record role changes by an admin and by the operator’s command, and a refused one', async () => {
    const adminEmail = newEmail();
    const adminId = (await register(adminEmail)).data!.register.user.id as string;
    // What `pnpm users:set-role` does, with the log it passes.
    await setRoleByEmail(inject('databaseUrls').users, adminEmail, 'ADMIN', logger.child({ service: 'users' }));
    expect(lines.filter((l) => l.audit && l.action === 'user.setRole' && l.targetId === adminId)).toEqual([
      expect.objectContaining({ outcome: 'success', via: 'cli', actorId: null, role: 'ADMIN', previousRole: 'PLAYER' }),
    ]);
    const admin = (await login(adminEmail)).data!.login as { accessToken: string };
    const player = (await register(newEmail())).data!.register as { accessToken: string; user: { id: string } };

    const SET_ROLE = 'mutation ($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { id role } }';
    const promoted = await call(SET_ROLE, { id: player.user.id, role: 'AUTHOR' }, admin.accessToken);
    expect(promoted.errors).toBeUndefined();
    expect(auditOf(promoted.requestId)).toEqual([
      expect.objectContaining({
        action: 'user.setRole',
        outcome: 'success',
        via: 'api',
        actorId: adminId,
        targetId: player.user.id,
        role: 'AUTHOR',
        previousRole: 'PLAYER',
      }),
    ]);

    const refused = await call(SET_ROLE, { id: player.user.id, role: 'ADMIN' }, player.accessToken);
    expect(refused.code).toBe('FORBIDDEN');
    expect(auditOf(refused.requestId)).toEqual([
      expect.objectContaining({
        action: 'user.setRole',
        outcome: 'failure',
        reason: 'forbidden',
        actorId: player.user.id,
        targetId: player.user.id,
        role: 'ADMIN',
      }),
    ]);
  });

  it('record archiving and deleting a quiz (in quizzes) and deleting an account (in users)', async () => {
    const email = newEmail();
    await register(email);
    await setRoleByEmail(inject('databaseUrls').users, email, 'AUTHOR');
    const author = (await login(email)).data!.login as { accessToken: string; user: { id: string } };
    const created = await call(
      'mutation { createQuiz(input: { title: "Audited draft", questions: [{ prompt: "Q?", options: [{ label: "a", correct: true }, { label: "b" }] }] }) { id } }',
      {},
      author.accessToken,
    );
    const quizId = created.data!.createQuiz.id as string;
    const deleted = await call('mutation ($id: ID!) { deleteQuiz(id: $id) }', { id: quizId }, author.accessToken);
    expect(deleted.errors).toBeUndefined();
    expect(auditOf(deleted.requestId)).toEqual([
      expect.objectContaining({ service: 'quizzes', action: 'quiz.delete', outcome: 'success', actorId: author.user.id, targetId: quizId }),
    ]);

    const published = await call(
      'mutation { createQuiz(input: { title: "Audited quiz", questions: [{ prompt: "Q?", options: [{ label: "a", correct: true }, { label: "b" }] }] }) { id } }',
      {},
      author.accessToken,
    );
    const publishedId = published.data!.createQuiz.id as string;
    expect((await call('mutation ($id: ID!) { publishQuiz(id: $id) { id } }', { id: publishedId }, author.accessToken)).errors).toBeUndefined();
    const ARCHIVE = 'mutation ($id: ID!) { archiveQuiz(id: $id) { id status } }';
    const otherEmail = newEmail();
    const otherId = (await register(otherEmail)).data!.register.user.id as string;
    await setRoleByEmail(inject('databaseUrls').users, otherEmail, 'AUTHOR');
    const stranger = await call(ARCHIVE, { id: publishedId }, ((await login(otherEmail)).data!.login as { accessToken: string }).accessToken);
    expect(stranger.code).toBe('FORBIDDEN');
    expect(auditOf(stranger.requestId)).toEqual([
      expect.objectContaining({ service: 'quizzes', action: 'quiz.archive', outcome: 'failure', reason: 'forbidden', actorId: otherId, targetId: publishedId }),
    ]);
    const archived = await call(ARCHIVE, { id: publishedId }, author.accessToken);
    expect(archived.data?.archiveQuiz.status).toBe('ARCHIVED');
    expect(auditOf(archived.requestId)).toEqual([
      expect.objectContaining({ action: 'quiz.archive', outcome: 'success', actorId: author.user.id, targetId: publishedId }),
    ]);

    const DELETE_ACCOUNT = 'mutation ($p: String!) { deleteAccount(password: $p) }';
    const wrong = await call(DELETE_ACCOUNT, { p: 'not my passphrase' }, author.accessToken);
    expect(wrong.code).toBe('BAD_USER_INPUT');
    expect(auditOf(wrong.requestId)).toEqual([
      expect.objectContaining({ action: 'user.delete', outcome: 'failure', reason: 'wrongPassword', targetId: author.user.id }),
    ]);
    const gone = await call(DELETE_ACCOUNT, { p: PASSWORD }, author.accessToken);
    expect(gone.errors).toBeUndefined();
    expect(auditOf(gone.requestId)).toEqual([
      expect.objectContaining({ service: 'users', action: 'user.delete', outcome: 'success', actorId: author.user.id, targetId: author.user.id }),
    ]);
  });
});
