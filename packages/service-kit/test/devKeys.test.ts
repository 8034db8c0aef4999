import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadOrCreateDevKeyRing, rotateDevKey } from '../src/keys.js';
import { issueAccessToken, staticKeySource, verifyAccessToken } from '../src/tokens.js';

// Only `randomBytes` (the kid suffix) is replaceable; key generation stays real.
const randomBytesOverride = vi.hoisted(() => ({ next: [] as Buffer[] }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    randomBytes: (size: number) => randomBytesOverride.next.shift() ?? actual.randomBytes(size),
  };
});

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'quizgraph-devkeys-test-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
  randomBytesOverride.next = [];
});

describe('development key rings', () => {
  it('creates a key on first use and reuses it afterwards; a rotation then signs', async () => {
    const dir = join(root, 'reuse');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));

    const first = await loadOrCreateDevKeyRing(dir, 'access');
    expect(first.signing.kid).toMatch(/^20300101T000000000Z-0000-[0-9a-f]{6}$/);
    expect([...first.verification.keys()]).toEqual([first.signing.kid]);
    expect(await readdir(join(dir, 'access'))).toEqual([`${first.signing.kid}.pem`]);

    const second = await loadOrCreateDevKeyRing(dir, 'access');
    expect(second.signing.kid).toBe(first.signing.kid);
    expect(await readdir(join(dir, 'access'))).toHaveLength(1);
    // Same key material: a token from the first ring verifies against the second.
    const { token: oldToken } = issueAccessToken(first.signing, { userId: 'u1', role: 'PLAYER' }, 3600);
    await expect(verifyAccessToken(oldToken, staticKeySource(second.verification))).resolves.toEqual({ userId: 'u1', role: 'PLAYER' });

    // Purposes are kept apart.
    const service = await loadOrCreateDevKeyRing(dir, 'service');
    expect(service.signing.kid).not.toBe(first.signing.kid);

    vi.setSystemTime(new Date('2030-01-01T00:05:00Z'));
    const kid = await rotateDevKey(dir, 'access');
    expect(kid).toMatch(/^20300101T000500000Z-0001-[0-9a-f]{6}$/);
    const rotated = await loadOrCreateDevKeyRing(dir, 'access');
    expect(rotated.signing.kid).toBe(kid);
    expect([...rotated.verification.keys()].sort()).toEqual([first.signing.kid, kid].sort());

    const { token: newToken } = issueAccessToken(rotated.signing, { userId: 'u2', role: 'AUTHOR' }, 60);
    const keys = staticKeySource(rotated.verification);
    await expect(verifyAccessToken(oldToken, keys)).resolves.toEqual({ userId: 'u1', role: 'PLAYER' });
    await expect(verifyAccessToken(newToken, keys)).resolves.toEqual({ userId: 'u2', role: 'AUTHOR' });
  });

  // Kids order by creation even within one millisecond: the random suffix must never decide.
  it('signs with the newest key even when two are created within the same second', async () => {
    const dir = join(root, 'same-second');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    randomBytesOverride.next = [Buffer.from('ffffff', 'hex'), Buffer.from('000000', 'hex')];

    const older = await rotateDevKey(dir, 'access');
    const newer = await rotateDevKey(dir, 'access');
    expect([older, newer]).toEqual(['20300101T000000000Z-0000-ffffff', '20300101T000000000Z-0001-000000']);
    const ring = await loadOrCreateDevKeyRing(dir, 'access');
    expect(ring.signing.kid).toBe(newer);
  });
});
