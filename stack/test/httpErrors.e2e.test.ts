import { devServiceCredentialSigner, graphqlRequest, SERVICE_CREDENTIAL_HEADER } from '@quizgraph/service-kit';
import { mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';

/**
 * Bad input at the HTTP level (outside GraphQL) answers JSON with a code on every process, before any
 * credential check, never Express's HTML page with a stack trace and the server's paths.
 */
let stack: RunningStack;
/** A service credential from the router for each subgraph: subgraphs refuse anything else first (401). */
let credential: (service: string) => Record<string, string>;

beforeAll(async () => {
  const keysDir = join(await mkdtemp(join(tmpdir(), 'quizgraph-http-errors-')), 'keys');
  const signer = await devServiceCredentialSigner(keysDir, 'router');
  credential = (service): Record<string, string> => (service === 'router' ? {} : { [SERVICE_CREDENTIAL_HEADER]: signer.credentialFor(service) });
  stack = await startStack({ databases: inject('databaseUrls'), keysDir, ports: { router: 0, users: 0, quizzes: 0, results: 0 }, logLevel: 'silent' });
});

afterAll(async () => {
  await stack?.stop();
});

/** A raw request, so that the path is sent exactly as written (fetch would normalise an escape). */
function raw(origin: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  const url = new URL(origin);
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const origins = () => ({
  router: stack.router.origin,
  users: stack.services.users.origin,
  quizzes: stack.services.quizzes.origin,
  results: stack.services.results.origin,
});

function expectJsonError(response: { status: number; type: string; body: string }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.type).toMatch(/^application\/json/);
  const body = JSON.parse(response.body);
  expect(body.errors[0].extensions.code).toBe(code);
  expect(response.body).not.toMatch(/<html|<pre|\n\s+at |node_modules|\/work\/|\.ts:/i);
}

describe('HTTP-level errors', () => {
  it('answer a body that is not JSON with 400 BAD_REQUEST, on every process', async () => {
    for (const [name, origin] of Object.entries(origins())) {
      const headers = { 'content-type': 'application/json', ...credential(name) };
      expectJsonError(await raw(origin, '/graphql', { method: 'POST', headers, body: '{"query": "{ __typename }"' }), 400, 'BAD_REQUEST');
      // Without a credential a subgraph refuses first, in JSON too.
      if (name !== 'router') {
        expectJsonError(await raw(origin, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }), 401, 'UNAUTHENTICATED');
      }
    }
  });

  it('answer an unknown Content-Encoding with 415, and a body past the limit with 413', async () => {
    for (const [name, origin] of Object.entries(origins())) {
      const encoded = await raw(origin, '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'compress', ...credential(name) },
        body: '{"query": "{ __typename }"}',
      });
      expectJsonError(encoded, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const big = await raw(origin, '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...credential(name) },
        body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` }),
      });
      expectJsonError(big, 413, 'PAYLOAD_TOO_LARGE');
    }
  });

  it('answer a malformed URL escape with 400 (quizzes: before the credential check) and an unknown path with 404', async () => {
    const badEscape = await raw(origins().quizzes, '/internal/quizzes/%E0%A4%A/answer-key');
    expectJsonError(badEscape, 400, 'BAD_REQUEST');
    for (const origin of Object.values(origins())) {
      expectJsonError(await raw(origin, '/no/such/path'), 404, 'NOT_FOUND');
      expectJsonError(await raw(origin, '/%E0%A4%A'), 404, 'NOT_FOUND');
    }
  });
});

describe('NUL characters in input', () => {
  const api = (query: string, variables?: Record<string, unknown>, token?: string) =>
    graphqlRequest(stack.router.url, query, { variables, ...(token ? { accessToken: token } : {}) });

  it('are BAD_USER_INPUT naming the variable, in a mutation and a query, wherever the string is nested', async () => {
    const signUp = await api(
      `mutation ($e: String!, $n: String!) { register(email: $e, password: "a long enough passphrase", displayName: $n) { user { id } } }`,
      {
        e: `nul-${Date.now()}@test.quizgraph.dev`,
        n: 'Nul\u0000Byte',
      },
    );
    expect(signUp.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'n' });
    expect(signUp.errors?.[0]?.message).toMatch(/NUL character/);

    const { data } = await api(
      `mutation ($e: String!) { register(email: $e, password: "a long enough passphrase", displayName: "Nul Tester") { accessToken } }`,
      {
        e: `nul-author-${Date.now()}@test.quizgraph.dev`,
      },
    );
    const nested = await api(
      `mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id } }`,
      { input: { title: 'Fine', questions: [{ prompt: 'Q', options: [{ label: 'a\u0000', correct: true }, { label: 'b' }] }] } },
      data!.register.accessToken,
    );
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.questions.0.options.0.label' });

    const literal = await api(`{ quizzes(first: 1, filter: { search: "x\\u0000y" }) { totalCount } }`);
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('CORS', () => {
  it('lets a browser read x-request-id, and answers a preflight', async () => {
    const response = await fetch(stack.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('x-request-id');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const preflight = await fetch(stack.router.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  });
});
