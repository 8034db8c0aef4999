import { answerKeyTag, parseAnswerKey, type AnswerKey } from '@quizgraph/assessment';
import { QuizgraphError, SERVICE_CREDENTIAL_HEADER, type ServiceCredentialSigner } from '@quizgraph/service-kit';

export type { AnswerKey };

export interface AnswerKeySource {
  /**
   * The key of a quiz's current version (or of `version`), or null when the quiz does not exist.
   * A version's questions and settings never change once players can take it; its `status` and
   * `currentVersion` are as of when it was fetched.
   *
   * `held`, for the current version: a key the caller already has. When it is still the current one
   * (same `answerKeyTag`), the source may answer with `held` itself instead of fetching the key again.
   */
  answerKey(quizId: string, version?: number, held?: AnswerKey): Promise<AnswerKey | null>;
}

/** How many version-pinned keys a process keeps: a few hundred quizzes in play at once, each a few KB. */
export const PINNED_KEY_CACHE_SIZE = 500;

/**
 * Keeps the keys of pinned versions (`answerKey(quizId, version)`) in memory, least recently used
 * out first: a version's questions and settings never change, so reading and submitting attempts
 * need not ask quizzes each time. The current version (`answerKey(quizId)`) is asked for every time,
 * since publishing moves it and archiving changes its status, but as a conditional request: quizzes
 * answers "still the one you hold" after one small read, and the key itself only when it changed.
 * What it answers primes the cache for the version it names. Concurrent requests for one key share
 * one fetch (a request joins a fetch already under way, so it still sees a state from during its own
 * call); failures and unknown quizzes are not kept, and neither are drafts (edited in place, at the
 * same version number).
 */
export function cachingAnswerKeySource(source: AnswerKeySource, maxEntries = PINNED_KEY_CACHE_SIZE): AnswerKeySource {
  const cache = new Map<string, Promise<AnswerKey | null>>();
  /** The current key last seen per quiz (published or archived only), and the fetch under way. */
  const current = new Map<string, AnswerKey>();
  const asking = new Map<string, Promise<AnswerKey | null>>();
  const remember = (name: string, key: Promise<AnswerKey | null>) => {
    cache.delete(name);
    cache.set(name, key);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    key.then(
      (found) => ((found === null || found.status === 'DRAFT') && cache.get(name) === key ? cache.delete(name) : undefined),
      () => (cache.get(name) === key ? cache.delete(name) : undefined),
    );
  };
  const fetchCurrent = async (quizId: string): Promise<AnswerKey | null> => {
    const key = await source.answerKey(quizId, undefined, current.get(quizId));
    current.delete(quizId);
    if (key && key.status !== 'DRAFT') {
      current.set(quizId, key);
      if (current.size > maxEntries) current.delete(current.keys().next().value!);
      remember(`${quizId}@${key.version}`, Promise.resolve(key));
    }
    return key;
  };
  return {
    async answerKey(quizId, version) {
      if (version === undefined) {
        let fetching = asking.get(quizId);
        if (!fetching) {
          fetching = fetchCurrent(quizId).finally(() => asking.delete(quizId));
          asking.set(quizId, fetching);
        }
        return fetching;
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
    async answerKey(quizId, version, held) {
      const url = new URL(`/internal/quizzes/${encodeURIComponent(quizId)}/answer-key`, quizzesOrigin);
      if (version !== undefined) url.searchParams.set('version', String(version));
      const tag = version === undefined && held ? answerKeyTag(held) : null;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { [SERVICE_CREDENTIAL_HEADER]: signer.credentialFor('quizzes'), ...(tag ? { 'if-none-match': tag } : {}) },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        throw new QuizgraphError('SERVICE_UNAVAILABLE', 'Scoring is unavailable right now: the quizzes service did not answer. Try again.');
      }
      if (response.status === 304 && held) return held;
      if (response.status === 404) return null;
      if (!response.ok) {
        throw new QuizgraphError('SERVICE_UNAVAILABLE', `Scoring is unavailable right now (quizzes answered ${response.status}). Try again.`);
      }
      // The contract both sides import; checked here because it crosses a process boundary.
      return parseAnswerKey(await response.json());
    },
  };
}
