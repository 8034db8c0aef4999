import { DEFAULT_SETTINGS } from '@quizgraph/assessment';
import { describe, expect, it } from 'vitest';
import { cachingAnswerKeySource, type AnswerKey, type AnswerKeySource } from '../src/quizKeys.js';

function keyOf(quizId: string, version: number): AnswerKey {
  return { quizId, authorId: 'author', version, currentVersion: version, status: 'PUBLISHED', settings: DEFAULT_SETTINGS, questions: [] };
}

/** A quizzes side that counts what it is asked; quiz `missing` does not exist, quiz `down` fails. */
function counting(currentVersion = 1) {
  const calls: string[] = [];
  const source: AnswerKeySource = {
    async answerKey(quizId, version, held) {
      calls.push(`${quizId}@${version ?? 'current'}${held ? ` holding ${held.version}-${held.status}` : ''}`);
      if (quizId === 'missing') return null;
      if (quizId === 'down') throw new Error('quizzes is down');
      // Quiz `draft` is a draft: edited in place, its version 1 changes under the same number.
      if (quizId === 'draft') return { ...keyOf(quizId, version ?? currentVersion), status: 'DRAFT' };
      return keyOf(quizId, version ?? currentVersion);
    },
  };
  return { source, calls };
}

describe('cachingAnswerKeySource', () => {
  it('asks once for a pinned version, however often and concurrently it is read', async () => {
    const { source, calls } = counting();
    const keys = cachingAnswerKeySource(source);
    const read = await Promise.all([keys.answerKey('q', 1), keys.answerKey('q', 1), keys.answerKey('q', 2)]);
    expect(read.map((k) => k?.version)).toEqual([1, 1, 2]);
    await keys.answerKey('q', 1);
    expect(calls).toEqual(['q@1', 'q@2']);
  });

  it('always asks for the current version, and keeps what it names for pinned reads', async () => {
    const { source, calls } = counting(3);
    const keys = cachingAnswerKeySource(source);
    await keys.answerKey('q');
    await keys.answerKey('q');
    expect((await keys.answerKey('q', 3))?.version).toBe(3);
    expect(calls).toEqual(['q@current', 'q@current holding 3-PUBLISHED']);
  });

  it('asks for the current version conditionally, and joins a request for it already under way', async () => {
    let version = 1;
    const calls: string[] = [];
    let release: () => void = () => undefined;
    const source: AnswerKeySource = {
      async answerKey(quizId, _version, held) {
        calls.push(held ? `holding ${held.version}` : 'fresh');
        await new Promise<void>((resolve) => (release = resolve));
        return held && held.version === version ? held : keyOf(quizId, version);
      },
    };
    const keys = cachingAnswerKeySource(source);
    const first = keys.answerKey('q');
    const joined = keys.answerKey('q');
    release();
    expect((await first)?.version).toBe(1);
    expect(await joined).toBe(await first);
    // Published meanwhile: the conditional request brings the new key, which later requests hold.
    version = 2;
    const second = keys.answerKey('q');
    release();
    expect((await second)?.version).toBe(2);
    const third = keys.answerKey('q');
    release();
    expect((await third)?.version).toBe(2);
    expect(calls).toEqual(['fresh', 'holding 1', 'holding 2']);
  });

  it('keeps no draft: it is edited in place, at the same version number', async () => {
    const { source, calls } = counting();
    const keys = cachingAnswerKeySource(source);
    await keys.answerKey('draft');
    await keys.answerKey('draft', 1);
    await keys.answerKey('draft', 1);
    expect(calls).toEqual(['draft@current', 'draft@1', 'draft@1']);
  });

  it('keeps neither unknown quizzes nor failures', async () => {
    const { source, calls } = counting();
    const keys = cachingAnswerKeySource(source);
    expect(await keys.answerKey('missing', 1)).toBeNull();
    expect(await keys.answerKey('missing', 1)).toBeNull();
    await expect(keys.answerKey('down', 1)).rejects.toThrow(/down/);
    await expect(keys.answerKey('down', 1)).rejects.toThrow(/down/);
    expect(calls).toEqual(['missing@1', 'missing@1', 'down@1', 'down@1']);
  });

  it('holds at most its size, dropping the least recently used', async () => {
    const { source, calls } = counting();
    const keys = cachingAnswerKeySource(source, 2);
    await keys.answerKey('a', 1);
    await keys.answerKey('b', 1);
    await keys.answerKey('a', 1); // a is now the most recently used
    await keys.answerKey('c', 1); // drops b
    await keys.answerKey('a', 1);
    await keys.answerKey('b', 1);
    expect(calls).toEqual(['a@1', 'b@1', 'c@1', 'b@1']);
  });
});
