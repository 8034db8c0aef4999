import { describe, expect, it } from 'vitest';
import { isPermanentRejection, retryDelayMs } from '../src/index.js';

describe('isPermanentRejection', () => {
  it('takes a 4xx as a refusal of the event, except the answers a fix on the other side cures', () => {
    for (const status of [400, 403, 409, 413, 415, 422]) expect(isPermanentRejection(status)).toBe(true);
    for (const status of [401, 404, 408, 425, 429, 500, 502, 503, 504]) expect(isPermanentRejection(status)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  const settings = { retryBaseMs: 1_000, retryMaxMs: 60_000 };
  it('doubles with each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 6, 7, 20].map((n) => retryDelayMs(n, settings, () => 0.999_999))).toEqual([1_000, 2_000, 4_000, 8_000, 32_000, 60_000, 60_000]);
  });
  it('keeps half of the wait fixed and jitters the other half', () => {
    expect(retryDelayMs(3, settings, () => 0)).toBe(2_000);
    expect(retryDelayMs(3, settings, () => 0.5)).toBe(3_000);
  });
});
