import { describe, expect, it } from 'vitest';
import { compareMigrations, isConnectionError, isUpToDate, type RecordedMigration } from '../src/migrationStatus.js';

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

describe('isConnectionError', () => {
  it('tells a server that cannot be reached yet from a problem that waiting will not fix', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', '08006', '08P01', '57P03', '53300']) expect(isConnectionError({ code }), code).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    for (const code of ['28P01', '42501', '42P01']) expect(isConnectionError({ code }), code).toBe(false);
    expect(isConnectionError(new Error('users: no migrations folder at /app/x'))).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
  });
});
