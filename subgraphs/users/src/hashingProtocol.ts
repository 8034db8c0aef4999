/** Where argon2 runs: `process`, the hashing helper (the default); `off`, the users service's own process. */
export const PASSWORD_HASHING_ISOLATION = ['process', 'off'] as const;
export type PasswordHashingIsolation = (typeof PASSWORD_HASHING_ISOLATION)[number];

/** The messages between the users service and its password-hashing helper (hashingHelper.ts ↔ hashingProcess.ts). */
export type HashingWork = { op: 'hash'; password: string } | { op: 'verify'; hash: string; password: string };

export type HashingRequest = HashingWork & { id: number };

export type HashingReply = { ready: true } | { id: number; ok: true; value: string | boolean } | { id: number; ok: false; error: string };
