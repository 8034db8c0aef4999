import { parseAnswerKey, type AnswerKey } from '@quizgraph/assessment';
import { QuizgraphError, SERVICE_CREDENTIAL_HEADER, type ServiceCredentialSigner } from '@quizgraph/service-kit';

export type { AnswerKey };

export interface AnswerKeySource {
  /**
   * The key of a quiz's current version (or of `version`), or null when the quiz does not exist.
   * A version's questions and settings never change once players can take it; its `status` and
   * `currentVersion` are as of when it was fetched.
   */
  answerKey(quizId: string, version?: number): Promise<AnswerKey | null>;
}

/** How many version-pinned keys a process keeps: a few hundred quizzes in play at once, each a few KB. */
export const PINNED_KEY_CACHE_SIZE = 500;

/**
 * Keeps the keys of pinned versions (`answerKey(quizId, version)`) in memory, least recently used
 * out first: a version's questions and settings never change, so reading and submitting attempts
 * need not ask quizzes each time. The current version (`answerKey(quizId)`) is always asked for,
 * since publishing moves it and archiving changes its status, and what it answers primes the cache
 * for the version it names. Concurrent requests for one version share one fetch; failures and
 * unknown quizzes are not kept, and neither are drafts (edited in place, at the same version number).
 */
export function cachingAnswerKeySource(source: AnswerKeySource, maxEntries = PINNED_KEY_CACHE_SIZE): AnswerKeySource {
  const cache = new Map<string, Promise<AnswerKey | null>>();
  const remember = (name: string, key: Promise<AnswerKey | null>) => {
    cache.delete(name);
    cache.set(name, key);
    // A Map iterates in insertion order: its first entry is the least recently used one.
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    key.then(
      // A draft is edited in place at its version number, so only a published version is fixed.
      (found) => ((found === null || found.status === 'DRAFT') && cache.get(name) === key ? cache.delete(name) : undefined),
      () => (cache.get(name) === key ? cache.delete(name) : undefined),
    );
  };
  return {
    async answerKey(quizId, version) {
      if (version === undefined) {
        const current = await source.answerKey(quizId);
        if (current && current.status !== 'DRAFT') remember(`${quizId}@${current.version}`, Promise.resolve(current));
        return current;
      }
      const name = `${quizId}@${version}`;
      const cached = cache.get(name);
      if (cached) {
        remember(name, cached);
        return cached;
      }
      const fetched = source.answerKey(quizId, version);
      remember(name, fetched);
      return fetched;
    },
  };
}

/** Reads answer keys from the quizzes service over its internal, credentialed HTTP channel. */
export function quizzesAnswerKeySource(quizzesOrigin: string, signer: ServiceCredentialSigner, timeoutMs = 5_000): AnswerKeySource {
  return {
    async answerKey(quizId, version) {
      const url = new URL(`/internal/quizzes/${encodeURIComponent(quizId)}/answer-key`, quizzesOrigin);
      if (version !== undefined) url.searchParams.set('version', String(version));
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { [SERVICE_CREDENTIAL_HEADER]: signer.credentialFor('quizzes') },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        throw new QuizgraphError('SERVICE_UNAVAILABLE', 'Scoring is unavailable right now: the quizzes service did not answer. Try again.');
      }
      if (response.status === 404) return null;
      if (!response.ok) {
        throw new QuizgraphError('SERVICE_UNAVAILABLE', `Scoring is unavailable right now (quizzes answered ${response.status}). Try again.`);
      }
      // The contract both sides import; checked here because it crosses a process boundary.
      return parseAnswerKey(await response.json());
    },
  };
}
