import { parseAnswerKey, type AnswerKey } from '@quizgraph/assessment';
import { QuizgraphError, SERVICE_CREDENTIAL_HEADER, type ServiceCredentialSigner } from '@quizgraph/service-kit';

export type { AnswerKey };

export interface AnswerKeySource {
  /** The key of a quiz's current version (or of `version`), or null when the quiz does not exist. */
  answerKey(quizId: string, version?: number): Promise<AnswerKey | null>;
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
