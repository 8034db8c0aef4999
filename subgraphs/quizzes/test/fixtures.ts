import { issueAccessToken, SERVICE_CREDENTIAL_HEADER, type CredentialHolder, type RunningService } from '@quizgraph/service-kit';
import { createTestKeys, silentLogger, subgraphClient, type TestKeys } from '@quizgraph/service-kit/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { startQuizzesService } from '../src/server.js';

/**
 * One quizzes service on port 0 against the shared test database, and factories that make unique
 * rows: test files share the database without truncating, so every test filters by its own data.
 */

export type Role = 'PLAYER' | 'AUTHOR' | 'ADMIN';

export interface Caller {
  userId: string;
  token: string;
}

/** A question of each of the six types, as the GraphQL `QuestionInput` takes it. */
export const QUESTIONS_OF_EVERY_TYPE = [
  {
    type: 'SINGLE_CHOICE',
    prompt: 'Which planet is red?',
    points: 2,
    explanation: 'Iron oxide on its surface.',
    options: [{ label: 'Venus', correct: false }, { label: 'Mars', correct: true }, { label: 'Pluto' }],
  },
  { type: 'TRUE_FALSE', prompt: 'The Sun is a star.', correctAnswer: true, explanation: 'A main-sequence star.' },
  {
    type: 'MULTIPLE_CHOICE',
    prompt: 'Which are gas giants?',
    points: 3,
    scoring: 'PARTIAL',
    options: [
      { label: 'Jupiter', correct: true, weight: 0.75 },
      { label: 'Saturn', correct: true, weight: 0.25 },
      { label: 'Mars', correct: false, weight: -0.5 },
    ],
  },
  { type: 'NUMERIC', prompt: 'How many planets orbit the Sun?', numericAnswer: 8, tolerance: 0.5 },
  { type: 'SHORT_TEXT', prompt: 'Name the closest star.', acceptedAnswers: ['The Sun', 'Sun', 'Sun'], caseSensitive: true },
  { type: 'ORDERING', prompt: 'Order by distance from the Sun.', scoring: 'PARTIAL', items: ['Mercury', 'Venus', 'Earth', 'Mars'] },
] as const;

/** What `versions { questions { … } }` reads for QUESTIONS_OF_EVERY_TYPE (ids left out). */
export const KEYED_QUESTIONS_OF_EVERY_TYPE = [
  {
    type: 'SINGLE_CHOICE',
    prompt: 'Which planet is red?',
    points: 2,
    explanation: 'Iron oxide on its surface.',
    scoring: null,
    options: [
      { label: 'Venus', correct: false, weight: null },
      { label: 'Mars', correct: true, weight: null },
      { label: 'Pluto', correct: false, weight: null },
    ],
    items: [],
    correctAnswer: null,
    numericAnswer: null,
    tolerance: null,
    acceptedAnswers: [],
    caseSensitive: null,
  },
  {
    type: 'TRUE_FALSE',
    prompt: 'The Sun is a star.',
    points: 1,
    explanation: 'A main-sequence star.',
    scoring: null,
    options: [],
    items: [],
    correctAnswer: true,
    numericAnswer: null,
    tolerance: null,
    acceptedAnswers: [],
    caseSensitive: null,
  },
  {
    type: 'MULTIPLE_CHOICE',
    prompt: 'Which are gas giants?',
    points: 3,
    explanation: null,
    scoring: 'PARTIAL',
    options: [
      { label: 'Jupiter', correct: true, weight: 0.75 },
      { label: 'Saturn', correct: true, weight: 0.25 },
      { label: 'Mars', correct: false, weight: -0.5 },
    ],
    items: [],
    correctAnswer: null,
    numericAnswer: null,
    tolerance: null,
    acceptedAnswers: [],
    caseSensitive: null,
  },
  {
    type: 'NUMERIC',
    prompt: 'How many planets orbit the Sun?',
    points: 1,
    explanation: null,
    scoring: null,
    options: [],
    items: [],
    correctAnswer: null,
    numericAnswer: 8,
    tolerance: 0.5,
    acceptedAnswers: [],
    caseSensitive: null,
  },
  {
    type: 'SHORT_TEXT',
    prompt: 'Name the closest star.',
    points: 1,
    explanation: null,
    scoring: null,
    options: [],
    items: [],
    correctAnswer: null,
    numericAnswer: null,
    tolerance: null,
    // Repeats are dropped.
    acceptedAnswers: ['The Sun', 'Sun'],
    caseSensitive: true,
  },
  {
    type: 'ORDERING',
    prompt: 'Order by distance from the Sun.',
    points: 1,
    explanation: null,
    scoring: 'PARTIAL',
    options: [],
    items: [{ label: 'Mercury' }, { label: 'Venus' }, { label: 'Earth' }, { label: 'Mars' }],
    correctAnswer: null,
    numericAnswer: null,
    tolerance: null,
    acceptedAnswers: [],
    caseSensitive: null,
  },
];

/** The settings fields, for selections. */
export const SETTINGS_FIELDS = 'timeLimitSeconds maxAttempts scoringPolicy shuffleQuestions shuffleOptions reviewPolicy leaderboardAttempt';

/** Every field of a keyed question, for `versions { questions { … } }`. */
export const KEYED_QUESTION_FIELDS = `id position type prompt points explanation scoring
  options { id label correct weight } items { id label }
  correctAnswer numericAnswer tolerance acceptedAnswers caseSensitive`;

/** A word no other test uses: lower-case letters only, so search and tags see it as one word. */
export function uniqueWord(prefix = 'zz'): string {
  const letters = [...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${prefix}${letters}`;
}

/** What the factories answer: the quiz as created (version 1), with its question ids in order. */
export interface CreatedQuiz {
  id: string;
  version: number;
  questions: Array<{ id: string }>;
}

export interface QuizzesFixture {
  keys: TestKeys;
  service: RunningService;
  asRouter: ReturnType<typeof subgraphClient>;
  tokenFor(role?: Role, userId?: string): Caller;
  /** Creates a quiz (unique title, no questions unless given) and expects no error. */
  createQuiz(token: string, input?: Record<string, unknown>): Promise<CreatedQuiz>;
  /** Publishes a quiz and expects no error. */
  publish(token: string, id: string): Promise<void>;
  /** Creates and publishes a quiz with one question. */
  createPublished(token: string, input?: Record<string, unknown>): Promise<CreatedQuiz>;
  /** Delivers a QuizPlayed event as the results service's relay would; answers the HTTP status. */
  deliverQuizPlayed(event: { id?: string; quizId: string; attempts: number; players?: number }, caller?: CredentialHolder): Promise<number>;
  answerKeyUrl(quizId: string, version?: number): string;
  /** Headers carrying a service credential from `caller` for quizzes. */
  credentialFrom(caller: CredentialHolder): Record<string, string>;
  close(): Promise<void>;
}

export const ONE_QUESTION = [{ prompt: 'Red planet?', options: [{ label: 'Venus' }, { label: 'Mars', correct: true }] }];

export async function startQuizzesFixture(databaseUrl: string): Promise<QuizzesFixture> {
  const keys = await createTestKeys();
  const service = await startQuizzesService({
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    accessKeys: keys.accessKeys,
    serviceKeys: keys.serviceKeys,
    serviceSigner: keys.signer('quizzes'),
    // No subscriber: QuizArchived events stay in the outbox, where tests read them.
    eventSubscribers: () => [],
  });
  const asRouter = subgraphClient(service.url, 'quizzes', keys.signer('router'));
  const credentialFrom = (caller: CredentialHolder) => ({ [SERVICE_CREDENTIAL_HEADER]: keys.signer(caller).credentialFor('quizzes') });

  const fixture: QuizzesFixture = {
    keys,
    service,
    asRouter,
    credentialFrom,
    tokenFor: (role = 'AUTHOR', userId = randomUUID()) => ({
      userId,
      token: issueAccessToken(keys.accessTokenKeys.signing, { userId, role }, 600).token,
    }),
    async createQuiz(token, input = {}) {
      const { data, errors } = await asRouter(`mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id version questions { id } } }`, {
        accessToken: token,
        variables: { input: { title: `Quiz ${randomUUID()}`, ...input } },
      });
      expect(errors).toBeUndefined();
      return data!.createQuiz;
    },
    async publish(token, id) {
      const { errors } = await asRouter(`mutation ($id: ID!) { publishQuiz(id: $id) { id } }`, { accessToken: token, variables: { id } });
      expect(errors).toBeUndefined();
    },
    async createPublished(token, input = {}) {
      const quiz = await fixture.createQuiz(token, { questions: ONE_QUESTION, ...input });
      await fixture.publish(token, quiz.id);
      return quiz;
    },
    async deliverQuizPlayed({ id = randomUUID(), quizId, attempts, players = attempts }, caller = 'results') {
      const response = await fetch(`${service.origin}/internal/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...credentialFrom(caller) },
        body: JSON.stringify({ id, type: 'QuizPlayed', payload: { quizId, attempts, players } }),
      });
      await response.arrayBuffer();
      return response.status;
    },
    answerKeyUrl: (quizId, version) => `${service.origin}/internal/quizzes/${quizId}/answer-key${version === undefined ? '' : `?version=${version}`}`,
    close: () => service.close(),
  };
  return fixture;
}
