import { describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN_ISSUER,
  databaseName,
  eventRecipientsOf,
  eventSendersTo,
  internalCallersOf,
  PROCESS_NAMES,
  SUBGRAPHS,
  type SubgraphDeclaration,
  validateTopology,
  variables,
  wiringEnvironment,
} from '../src/index.js';

const entry = (overrides: Partial<SubgraphDeclaration> & { name: string; port: number }): SubgraphDeclaration => ({
  description: 'a test entry',
  issuesAccessTokens: false,
  publishes: [],
  consumes: [],
  callsInternal: [],
  commands: {},
  resources: { cpu: { request: '100m', limit: '1' }, memory: { request: '128Mi', limit: '256Mi' } },
  ...overrides,
});

describe('the service list', () => {
  it('is valid as declared', () => {
    expect(() => validateTopology()).not.toThrow();
    expect(PROCESS_NAMES.at(-1)).toBe('router');
    expect(PROCESS_NAMES[0]).toBe(ACCESS_TOKEN_ISSUER);
  });

  it('derives names, variables and who talks to whom from each entry', () => {
    expect(SUBGRAPHS.map((s) => s.name)).toEqual(['users', 'quizzes', 'results']);
    expect(databaseName('results')).toBe('quizgraph_results');
    expect(databaseName('results', 'test_x')).toBe('test_x_results');
    expect(variables.databaseUrl('quizzes')).toBe('QUIZZES_DATABASE_URL');
    expect(variables.port('router')).toBe('ROUTER_PORT');
    expect(eventRecipientsOf('users')).toEqual(['quizzes', 'results']);
    expect(eventSendersTo('quizzes')).toEqual(['users', 'results']);
    expect(eventSendersTo('users')).toEqual([]);
    expect(internalCallersOf('quizzes')).toEqual(['results']);
  });

  it('refuses an entry that would break the start order, the event routing or the ports', () => {
    const issuer = entry({ name: 'accounts', port: 5001, issuesAccessTokens: true, publishes: ['Gone'] });
    expect(() => validateTopology([issuer, entry({ name: 'scores', port: 5002, consumes: ['Gone'] })])).not.toThrow();
    const cases: Array<[SubgraphDeclaration[], RegExp]> = [
      [[entry({ name: 'scores', port: 5002 }), issuer], /issues access tokens, so it starts first/],
      [[issuer, entry({ name: 'scores', port: 5002, callsInternal: ['ranks'] }), entry({ name: 'ranks', port: 5003 })], /starts after it/],
      [[issuer, entry({ name: 'scores', port: 5001 })], /port 5001 is taken twice/],
      [[issuer, entry({ name: 'scores', port: 4000 })], /port 4000 is taken twice/],
      [[issuer, entry({ name: 'scores', port: 5002, consumes: ['Nothing'] })], /consumes Nothing, which nobody publishes/],
      [[issuer, entry({ name: 'scores', port: 5002, publishes: ['Gone'] })], /Gone has more than one publisher/],
      [[issuer, entry({ name: 'Scores', port: 5002 })], /lower case/],
      [[issuer, entry({ name: 'router', port: 5002 })], /taken by the router or a deployment object/],
      [[issuer, entry({ name: 'migrate', port: 5002 })], /taken by the router or a deployment object/],
      [[issuer, entry({ name: 'pgbouncer', port: 5002 })], /taken by the router or a deployment object/],
      [[issuer, entry({ name: 'scores-', port: 5002 })], /inner dashes/],
      [[issuer, entry({ name: 'a'.repeat(41), port: 5002 })], /at most 40/],
      [[issuer, entry({ name: 'scores', port: 5002, commands: { 'seed-demo-data': 'src/x.ts' } })], /another bundle/],
      [
        [issuer, entry({ name: 'scores', port: 5002, commands: { tidy: 'src/a.ts' } }), entry({ name: 'ranks', port: 5003, commands: { tidy: 'src/b.ts' } })],
        /command "tidy" is declared twice/,
      ],
      [[issuer, issuer], /listed twice/],
      [[entry({ name: 'scores', port: 5002 })], /exactly one subgraph issues access tokens/],
    ];
    for (const [list, message] of cases) expect(() => validateTopology(list)).toThrow(message);
  });
});

describe('wiringEnvironment', () => {
  const wiring = { origin: (name: string) => `http://${name}:1`, databaseUrl: (name: string) => `postgres://db/${name}` };

  it('connects each process to the ones the list says it talks to', () => {
    expect(wiringEnvironment('users', wiring)).toEqual({
      USERS_PORT: '4001',
      USERS_DATABASE_URL: 'postgres://db/users',
      QUIZZES_EVENTS_URL: 'http://quizzes:1/internal/events',
      RESULTS_EVENTS_URL: 'http://results:1/internal/events',
    });
    expect(wiringEnvironment('results', { ...wiring, port: () => 0 })).toEqual({
      RESULTS_PORT: '0',
      RESULTS_DATABASE_URL: 'postgres://db/results',
      QUIZZES_EVENTS_URL: 'http://quizzes:1/internal/events',
      QUIZZES_INTERNAL_URL: 'http://quizzes:1',
      ACCESS_TOKEN_JWKS_URL: 'http://users:1/.well-known/jwks.json',
    });
    expect(wiringEnvironment('router', wiring)).toEqual({
      ROUTER_PORT: '4000',
      USERS_SUBGRAPH_URL: 'http://users:1/graphql',
      QUIZZES_SUBGRAPH_URL: 'http://quizzes:1/graphql',
      RESULTS_SUBGRAPH_URL: 'http://results:1/graphql',
      ACCESS_TOKEN_JWKS_URL: 'http://users:1/.well-known/jwks.json',
    });
  });

  it('leaves the database URL out when the deployment gives it otherwise', () => {
    expect(wiringEnvironment('quizzes', { origin: wiring.origin })).not.toHaveProperty('QUIZZES_DATABASE_URL');
  });
});
