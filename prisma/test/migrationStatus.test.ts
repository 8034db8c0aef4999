import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { classifyWaitError, compareMigrations, isUpToDate, type RecordedMigration } from '../src/migrationStatus.js';

const shipped = ['20260101000000_init', '20260201000000_sessions', '20260301000000_outbox'];
const applied = (name: string): RecordedMigration => ({ name, finished: true, rolledBack: false });

describe('compareMigrations', () => {
  it('finds nothing to do when every shipped migration is applied', () => {
    const comparison = compareMigrations(shipped, shipped.map(applied));
    expect(comparison).toEqual({ pending: [], unknown: [], failed: [] });
    expect(isUpToDate(comparison)).toBe(true);
  });

  it('lists the shipped migrations not applied, in order, for an empty or partly migrated database', () => {
    expect(compareMigrations(shipped, []).pending).toEqual(shipped);
    const comparison = compareMigrations(shipped, [applied(shipped[1]!)]);
    expect(comparison.pending).toEqual([shipped[0], shipped[2]]);
    expect(isUpToDate(comparison)).toBe(false);
  });

  it('reports applied migrations this code does not ship (a newer database), which do not make it out of date', () => {
    const comparison = compareMigrations(shipped, [...shipped.map(applied), applied('20260401000000_newer'), applied('20250101000000_older')]);
    expect(comparison).toEqual({ pending: [], unknown: ['20250101000000_older', '20260401000000_newer'], failed: [] });
    expect(isUpToDate(comparison)).toBe(true);
  });

  it('counts a started but unfinished migration as failed, not pending, and never up to date', () => {
    const comparison = compareMigrations(shipped, [applied(shipped[0]!), { name: shipped[1]!, finished: false, rolledBack: false }]);
    expect(comparison).toEqual({ pending: [shipped[2]], unknown: [], failed: [shipped[1]] });
    expect(isUpToDate(compareMigrations(shipped.slice(0, 2), [applied(shipped[0]!), { name: shipped[1]!, finished: false, rolledBack: false }]))).toBe(false);
  });

  it('ignores rows marked rolled back: such a migration is pending again, or applied by a later row', () => {
    const rolledBack = { name: shipped[2]!, finished: false, rolledBack: true };
    expect(compareMigrations(shipped, [applied(shipped[0]!), applied(shipped[1]!), rolledBack])).toEqual({ pending: [shipped[2]], unknown: [], failed: [] });
    expect(isUpToDate(compareMigrations(shipped, [...shipped.map(applied), rolledBack]))).toBe(true);
  });
});

/** An ErrorResponse as the pg driver hands it over: from Postgres, or from PgBouncer (severity FATAL, its SQLSTATE, its message). */
function databaseError(code: string, message: string) {
  const error = new pg.DatabaseError(message, message.length + 20, 'error');
  error.severity = 'FATAL';
  error.code = code;
  return error;
}

/** A Node system error as net and dns raise it. */
const systemError = (code: string, message: string) => Object.assign(new Error(message), { code, errno: -1, syscall: 'connect' });

describe('classifyWaitError', () => {
  const cases: [string, unknown, 'retry' | 'fatal'][] = [
    // Postgres itself.
    ['Postgres: wrong password (28P01)', databaseError('28P01', 'password authentication failed for user "users"'), 'fatal'],
    ['Postgres: no such role, or pg_hba rejects it (28000)', databaseError('28000', 'role "users" does not exist'), 'fatal'],
    ['Postgres: a missing permission (42501)', databaseError('42501', 'permission denied for table _prisma_migrations'), 'fatal'],
    ['Postgres: starting up (57P03)', databaseError('57P03', 'the database system is starting up'), 'retry'],
    ['Postgres: shutting down (57P01)', databaseError('57P01', 'terminating connection due to administrator command'), 'retry'],
    ['Postgres: full (53300)', databaseError('53300', 'sorry, too many clients already'), 'retry'],
    ['Postgres: the database is not created yet (3D000)', databaseError('3D000', 'database "quizgraph_users" does not exist'), 'retry'],
    ['Postgres: connection failure (08006)', databaseError('08006', 'connection failure'), 'retry'],
    // PgBouncer's own refusals of the client's login: 08P01, waiting will not fix them (src/client.c).
    ['PgBouncer: wrong password, scram-sha-256', databaseError('08P01', 'SASL authentication failed'), 'fatal'],
    ['PgBouncer: wrong password, md5 or plain', databaseError('08P01', 'password authentication failed'), 'fatal'],
    ['PgBouncer: unknown user (auth_query)', databaseError('08P01', 'no such user'), 'fatal'],
    ['PgBouncer: rejected by its hba', databaseError('08P01', 'login rejected'), 'fatal'],
    ['PgBouncer: a database it has no entry for (src/objects.c)', databaseError('08P01', 'no such database: quizgraph_results'), 'fatal'],
    ['PgBouncer: a startup parameter it refuses', databaseError('08P01', 'unsupported startup parameter: search_path'), 'fatal'],
    // PgBouncer's transient ones, also 08P01.
    [
      'PgBouncer: cannot log in to Postgres (server_login_retry), though it quotes a password error',
      databaseError('08P01', 'server login has been failing, cached error: password authentication failed for user "users" (server_login_retry)'),
      'retry',
    ],
    ['PgBouncer: Postgres hung up on it', databaseError('08P01', 'server conn crashed?'), 'retry'],
    ['PgBouncer: its max_client_conn reached', databaseError('08P01', 'no more connections allowed (max_client_conn)'), 'retry'],
    ['PgBouncer: queued past query_wait_timeout', databaseError('08P01', 'query_wait_timeout'), 'retry'],
    ['PgBouncer: Postgres down while logging in', databaseError('08P01', 'client_login_timeout (server down)'), 'retry'],
    ['PgBouncer: restarting', databaseError('08P01', 'server shutting down'), 'retry'],
    ['PgBouncer: Postgres refused it at login', databaseError('08P01', 'pgbouncer cannot connect to server'), 'retry'],
    // The pg driver's own, without SQLSTATE: what a client queued by PgBouncer for a full pool gets.
    ['pg: query_timeout (queued in PgBouncer after login)', new Error('Query read timeout'), 'retry'],
    ['pg: connectionTimeoutMillis (queued in PgBouncer during login)', new Error('timeout expired'), 'retry'],
    ['pg: the server hung up', new Error('Connection terminated unexpectedly'), 'retry'],
    ['pg-pool: its connection timeout', new Error('Connection terminated due to connection timeout'), 'retry'],
    // Node's, before any server answers.
    ['Node: nothing listening yet', systemError('ECONNREFUSED', 'connect ECONNREFUSED 10.96.0.12:5432'), 'retry'],
    ['Node: the Service name does not resolve yet', systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND postgres'), 'retry'],
    ['Node: DNS not answering yet', systemError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN postgres'), 'retry'],
    ['Node: no route, packets dropped', systemError('ETIMEDOUT', 'connect ETIMEDOUT 10.96.0.12:5432'), 'retry'],
    ['Node: reset mid-handshake', systemError('ECONNRESET', 'read ECONNRESET'), 'retry'],
    // Not a database's answer at all.
    ['an image without its migrations', new Error('users: no migrations folder at /app/x'), 'fatal'],
    ['a message that only mentions a timeout', new Error('users: the schema engine reported: timeout expired'), 'fatal'],
    ['nothing thrown with it', undefined, 'fatal'],
  ];

  it.each(cases)('%s: %s', (_label, error, expected) => {
    expect(classifyWaitError(error)).toBe(expected);
  });
});
