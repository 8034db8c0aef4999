import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ROUTER_TOKEN_FILES, loadOrCreateDevRouterToken, parseRouterTokenDigests, routerTokenDigest } from '../src/routerToken.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'quizgraph-dev-router-token-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadOrCreateDevRouterToken', () => {
  it('makes a 64-hex-digit token without a newline and the digest the subgraphs accept, private and readable', async () => {
    const dir = join(root, 'new', 'keys');
    const token = await loadOrCreateDevRouterToken(dir);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(await readFile(join(dir, DEV_ROUTER_TOKEN_FILES.token), 'utf8')).toBe(token);
    const digest = await readFile(join(dir, DEV_ROUTER_TOKEN_FILES.digest), 'utf8');
    expect(digest.trimEnd()).toBe(routerTokenDigest(token));
    expect(parseRouterTokenDigests(digest)?.accepts(token)).toBe(true);
    expect((await stat(join(dir, DEV_ROUTER_TOKEN_FILES.token))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, DEV_ROUTER_TOKEN_FILES.digest))).mode & 0o777).toBe(0o644);
  });

  it('keeps an existing token on later runs, and writes a missing or stale digest from it', async () => {
    const dir = join(root, 'again');
    const first = await loadOrCreateDevRouterToken(dir);
    expect(await loadOrCreateDevRouterToken(dir)).toBe(first);
    await rm(join(dir, DEV_ROUTER_TOKEN_FILES.digest));
    expect(await loadOrCreateDevRouterToken(dir)).toBe(first);
    await writeFile(join(dir, DEV_ROUTER_TOKEN_FILES.digest), `${routerTokenDigest('x'.repeat(64))}\n`);
    await loadOrCreateDevRouterToken(dir);
    expect((await readFile(join(dir, DEV_ROUTER_TOKEN_FILES.digest), 'utf8')).trimEnd()).toBe(routerTokenDigest(first));
  });

  it('refuses a token file too short to be a router token', async () => {
    const dir = join(root, 'short');
    await loadOrCreateDevRouterToken(dir);
    await writeFile(join(dir, DEV_ROUTER_TOKEN_FILES.token), 'short');
    await expect(loadOrCreateDevRouterToken(dir)).rejects.toThrow(/fewer than 32 characters/);
  });
});
