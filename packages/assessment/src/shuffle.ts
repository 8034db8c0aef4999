import type { QuestionShape } from './questions.js';

/**
 * A 128-bit hash of the seed (cyrb128): four 32-bit words that start the generator below. Not
 * cryptographic: the order only has to look random and be the same every time for the same seed.
 */
function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: a small, fast generator with a 128-bit state; returns floats in [0, 1). */
function sfc32([a, b, c, d]: [number, number, number, number]): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/**
 * `items` in an order that depends only on `seed` (Fisher–Yates over a generator seeded by it): the
 * same seed always gives the same order, on every machine, so an attempt's order needs no storage.
 */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const next = sfc32(hashSeed(seed));
  // A few outputs dropped: nearby seeds ("…-1", "…-2") should not start alike.
  for (let i = 0; i < 12; i++) next();
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

export interface Choice {
  id: string;
  label: string;
}

/**
 * What a player chooses from in one question: its options (choice types) or its items (ORDERING),
 * in the question's own order, or shuffled by `seed` when one is given. Items are never shown in
 * their right order: a shuffle that lands on it is rotated by one.
 */
export function presentedChoices(question: QuestionShape, seed: string | null): { options: Choice[]; items: Choice[] } {
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      return { options: seed === null ? [...question.content.options] : shuffled(question.content.options, seed), items: [] };
    case 'ORDERING': {
      // Stored items are already out of order (buildQuestion): checked again all the same, since a
      // shuffle, or a key written by other means, may land on the right order.
      const items = seed === null ? [...question.content.items] : shuffled(question.content.items, seed);
      const right = question.key.order;
      const inRightOrder = items.length > 1 && items.every((item, i) => item.id === right[i]);
      return { options: [], items: inRightOrder ? [...items.slice(1), items[0]!] : items };
    }
    case 'TRUE_FALSE':
    case 'NUMERIC':
    case 'SHORT_TEXT':
      return { options: [], items: [] };
  }
}
