import { describe, expect, it } from 'vitest';
import { presentedChoices, shuffled } from '../src/index.js';
import { multipleChoice, numeric, ordering, singleChoice } from './fixtures.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('shuffled', () => {
  it('gives the same order for the same seed, every time', () => {
    const items = range(20);
    expect(shuffled(items, 'attempt-1')).toEqual(shuffled(items, 'attempt-1'));
  });

  it('is a permutation and leaves its input alone', () => {
    const items = range(20);
    const result = shuffled(items, 'seed');
    expect([...result].sort((a, b) => a - b)).toEqual(items);
    expect(items).toEqual(range(20));
  });

  it('gives different orders for different seeds, nearby ones included', () => {
    const items = range(10);
    const orders = new Set(range(50).map((n) => shuffled(items, `attempt-${n}`).join(',')));
    expect(orders.size).toBe(50);
  });

  it('is fixed across versions: the order of a stored attempt never changes', () => {
    // Pinned output: a change to the generator would reorder every attempt already taken.
    expect(shuffled(['a', 'b', 'c', 'd', 'e', 'f'], '5b1c1d2e-0000-4000-8000-000000000000')).toMatchInlineSnapshot(`
      [
        "e",
        "a",
        "c",
        "b",
        "d",
        "f",
      ]
    `);
  });

  it('spreads each item over every position', () => {
    const counts = range(4).map(() => range(4).map(() => 0));
    for (let n = 0; n < 4000; n++) {
      for (const [position, item] of shuffled(range(4), `s${n}`).entries()) counts[item]![position]!++;
    }
    // 1000 expected in each cell; a biased shuffle (e.g. sort by random) misses this by far.
    for (const row of counts) for (const count of row) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('handles empty and single lists', () => {
    expect(shuffled([], 'x')).toEqual([]);
    expect(shuffled(['only'], 'x')).toEqual(['only']);
  });
});

describe('presentedChoices', () => {
  it('keeps the question’s order without a seed', () => {
    expect(presentedChoices(singleChoice(['b'], ['a', 'b', 'c']), null).options.map((o) => o.id)).toEqual(['a', 'b', 'c']);
  });

  it('shuffles options stably by seed', () => {
    const question = multipleChoice({ a: 0.5, b: 0.5, c: -0.5, d: -0.5, e: -0.5, f: -0.5 });
    const first = presentedChoices(question, 'attempt-1q1');
    expect(presentedChoices(question, 'attempt-1q1')).toEqual(first);
    expect(first.items).toEqual([]);
    expect(first.options.map((o) => o.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const orders = new Set(
      range(20).map((n) =>
        presentedChoices(question, `attempt-${n}`)
          .options.map((o) => o.id)
          .join(''),
      ),
    );
    expect(orders.size).toBeGreaterThan(10);
  });

  it('never shows ORDERING items in their right order, whatever the seed', () => {
    const right = ['a', 'b'];
    const question = ordering(right);
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const items = presentedChoices(question, `s${n}`).items.map((i) => i.id);
      expect(items).not.toEqual(right);
      seen.add(items.join(''));
    }
    expect([...seen]).toEqual(['ba']);
    const longer = ordering(['a', 'b', 'c']);
    for (let n = 0; n < 200; n++) expect(presentedChoices(longer, `s${n}`).items.map((i) => i.id)).not.toEqual(['a', 'b', 'c']);
  });

  it('rotates ORDERING items stored in their right order even without a seed', () => {
    expect(presentedChoices(ordering(['a', 'b', 'c'], 'PARTIAL', ['a', 'b', 'c']), null).items.map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });

  it('offers nothing to choose from for the other types', () => {
    expect(presentedChoices(numeric(1), 'x')).toEqual({ options: [], items: [] });
  });
});
