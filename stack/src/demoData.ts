import { graphqlData, graphqlRequest } from '@quizgraph/service-kit';
import { setRoleByEmail } from '@quizgraph/users/admin';

/** Demo accounts share this password; they exist only in development databases. */
export const DEMO_PASSWORD = 'quizgraph-demo';

/** A question as `QuestionInput` takes it: `type` and the fields of that type (see schema.graphql). */
interface DemoQuestion {
  type: 'SINGLE_CHOICE' | 'TRUE_FALSE' | 'MULTIPLE_CHOICE' | 'NUMERIC' | 'SHORT_TEXT' | 'ORDERING';
  prompt: string;
  points: number;
  explanation: string;
  options?: Array<{ label: string; correct?: boolean; weight?: number }>;
  scoring?: 'ALL_OR_NOTHING' | 'PARTIAL';
  correctAnswer?: boolean;
  numericAnswer?: number;
  tolerance?: number;
  acceptedAnswers?: string[];
  caseSensitive?: boolean;
  /** In their right order. */
  items?: string[];
}

/**
 * A player's answer, written by label so that the data reads as the player saw it; the seed turns
 * labels into the option and item ids of `AnswerInput`. `null`: left unanswered.
 */
type DemoAnswer = { choose: string[] } | { order: string[] } | { boolean: boolean } | { number: number } | { text: string } | null;

type PlayerName = keyof typeof DEMO_PLAYERS;

interface DemoAttempt {
  player: PlayerName;
  /** The submission's idempotency key (per player). */
  key: string;
  /** One per question, in the quiz's order (the question added later last). */
  answers: DemoAnswer[];
  /** Submitted after `addedLater` made version 2. */
  afterEdit?: boolean;
}

interface DemoQuiz {
  /** The createQuiz idempotency key. */
  key: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  difficulty: 'EASY' | 'MEDIUM' | 'HARD';
  /** `QuizSettingsInput`: what is left out keeps its default. */
  settings?: Record<string, unknown>;
  questions: DemoQuestion[];
  /** Left as a draft: only its author (and admins) see it. */
  draft?: boolean;
  /** Added once the first attempts are in: a published quiz gets a new version, and those attempts stay on version 1. */
  addedLater?: DemoQuestion;
  attempts: DemoAttempt[];
}

/** One account of each role: the author writes the quizzes, the admin manages roles. */
export const DEMO_AUTHOR = { email: 'marie@demo.quizgraph.dev', displayName: 'Marie Curie' };
export const DEMO_ADMIN = { email: 'admin@demo.quizgraph.dev', displayName: 'Quiz Admin' };

export const DEMO_PLAYERS = {
  ada: { email: 'ada@demo.quizgraph.dev', displayName: 'Ada Lovelace' },
  alan: { email: 'alan@demo.quizgraph.dev', displayName: 'Alan Turing' },
  grace: { email: 'grace@demo.quizgraph.dev', displayName: 'Grace Hopper' },
  katherine: { email: 'katherine@demo.quizgraph.dev', displayName: 'Katherine Johnson' },
  edsger: { email: 'edsger@demo.quizgraph.dev', displayName: 'Edsger Dijkstra' },
} as const;

const PLANETS_IN_ORDER = ['Mercury', 'Venus', 'Earth', 'Mars'];
const COMPUTERS_IN_ORDER = ['Colossus', 'ENIAC', 'Manchester Baby', 'UNIVAC I'];

/**
 * Three published quizzes and a draft. Scores in the comments are what the attempts earn; the
 * global leaderboard they make is Ada 36, Katherine 32.5, Alan 22.25, Edsger 20, Grace 19.5.
 */
export const DEMO_QUIZZES: DemoQuiz[] = [
  {
    // Every question type, with partial credit on the MULTIPLE_CHOICE and ORDERING questions.
    key: 'demo-quiz-solar-system',
    title: 'The Solar System',
    description: 'Six questions, one of each type, from the Red Planet to the order of the planets.',
    category: 'science',
    tags: ['space', 'planets'],
    difficulty: 'EASY',
    settings: { reviewPolicy: 'EXPLANATIONS', shuffleOptions: true },
    questions: [
      {
        type: 'SINGLE_CHOICE',
        prompt: 'Which planet is known as the Red Planet?',
        points: 2,
        options: [{ label: 'Venus' }, { label: 'Mars', correct: true }, { label: 'Jupiter' }],
        explanation: 'Iron oxide dust makes Mars look red.',
      },
      {
        type: 'TRUE_FALSE',
        prompt: 'Pluto is one of the eight planets of the Solar System.',
        points: 1,
        correctAnswer: false,
        explanation: 'Since 2006 Pluto has been a dwarf planet.',
      },
      {
        type: 'MULTIPLE_CHOICE',
        prompt: 'Which of these planets are gas giants?',
        points: 4,
        scoring: 'PARTIAL',
        options: [
          { label: 'Jupiter', weight: 0.5 },
          { label: 'Saturn', weight: 0.5 },
          { label: 'Earth', weight: -0.5 },
          { label: 'Mars', weight: -0.5 },
        ],
        explanation: 'Jupiter and Saturn are gas giants; Earth and Mars are rocky planets.',
      },
      {
        type: 'NUMERIC',
        prompt: 'How many minutes does sunlight take to reach Earth?',
        points: 2,
        numericAnswer: 8.3,
        tolerance: 0.5,
        explanation: 'About 8 minutes and 20 seconds: 150 million km at 300,000 km/s.',
      },
      {
        type: 'SHORT_TEXT',
        prompt: 'Which planet does the moon Titan orbit?',
        points: 2,
        acceptedAnswers: ['Saturn'],
        explanation: 'Titan is the largest moon of Saturn.',
      },
      {
        type: 'ORDERING',
        prompt: 'Put these planets in order from the Sun, nearest first.',
        points: 4,
        scoring: 'PARTIAL',
        items: PLANETS_IN_ORDER,
        explanation: 'Mercury, Venus, Earth, Mars: the four rocky planets.',
      },
    ],
    attempts: [
      // 15 of 15.
      {
        player: 'ada',
        key: 'demo-solar-system-1',
        answers: [{ choose: ['Mars'] }, { boolean: false }, { choose: ['Jupiter', 'Saturn'] }, { number: 8 }, { text: 'Saturn' }, { order: PLANETS_IN_ORDER }],
      },
      // 11: half the gas giants (2 of 4), "  saturn " normalised to "saturn", 2 of 4 planets in place (2 of 4).
      {
        player: 'alan',
        key: 'demo-solar-system-1',
        answers: [
          { choose: ['Mars'] },
          { boolean: false },
          { choose: ['Jupiter'] },
          { number: 8.5 },
          { text: '  saturn ' },
          { order: ['Mercury', 'Venus', 'Mars', 'Earth'] },
        ],
      },
      // 10: Jupiter + Saturn + Mars weigh 0.5 + 0.5 - 0.5 (2 of 4); 9 is outside 8.3 ± 0.5.
      {
        player: 'grace',
        key: 'demo-solar-system-1',
        answers: [
          { choose: ['Mars'] },
          { boolean: true },
          { choose: ['Jupiter', 'Saturn', 'Mars'] },
          { number: 9 },
          { text: 'Saturn' },
          { order: PLANETS_IN_ORDER },
        ],
      },
      // 13.
      {
        player: 'katherine',
        key: 'demo-solar-system-1',
        answers: [
          { choose: ['Mars'] },
          { boolean: false },
          { choose: ['Jupiter', 'Saturn'] },
          { number: 8.3 },
          { text: 'Saturn' },
          { order: ['Venus', 'Mercury', 'Earth', 'Mars'] },
        ],
      },
      // 6: Jupiter + Earth weigh 0; the Pluto question left unanswered.
      {
        player: 'edsger',
        key: 'demo-solar-system-1',
        answers: [
          { choose: ['Venus'] },
          null,
          { choose: ['Jupiter', 'Earth'] },
          { number: 8 },
          { text: 'Saturn' },
          { order: ['Mercury', 'Earth', 'Venus', 'Mars'] },
        ],
      },
      // 13 on a second try: his leaderboard entry and global total take the better attempt, not the sum.
      {
        player: 'edsger',
        key: 'demo-solar-system-2',
        answers: [
          { choose: ['Mars'] },
          { boolean: false },
          { choose: ['Jupiter', 'Saturn'] },
          { number: 8 },
          { text: 'Saturn' },
          { order: ['Mercury', 'Venus', 'Mars', 'Earth'] },
        ],
      },
    ],
  },
  {
    // Edited after publication: version 2 adds a question; the first three attempts stay on version 1.
    key: 'demo-quiz-capitals-countries',
    title: 'Capitals and Countries',
    description: 'Capitals old and new, from Canberra to Brasília.',
    category: 'geography',
    tags: ['capitals', 'countries'],
    difficulty: 'MEDIUM',
    settings: { shuffleQuestions: true, shuffleOptions: true, reviewPolicy: 'CORRECT_ANSWERS' },
    questions: [
      {
        type: 'SINGLE_CHOICE',
        prompt: 'What is the capital of Australia?',
        points: 2,
        options: [{ label: 'Sydney' }, { label: 'Canberra', correct: true }, { label: 'Melbourne' }],
        explanation: 'Canberra was chosen as a compromise between Sydney and Melbourne.',
      },
      {
        type: 'SHORT_TEXT',
        prompt: 'What is the capital of Brazil?',
        points: 2,
        acceptedAnswers: ['Brasília', 'Brasilia'],
        explanation: 'Brasília replaced Rio de Janeiro in 1960.',
      },
      {
        type: 'MULTIPLE_CHOICE',
        prompt: 'Which of these cities are the capitals of their countries?',
        points: 2,
        scoring: 'ALL_OR_NOTHING',
        options: [{ label: 'Ottawa', correct: true }, { label: 'Wellington', correct: true }, { label: 'Sydney' }, { label: 'Istanbul' }],
        explanation: 'Ottawa (Canada) and Wellington (New Zealand) are; Ankara, not Istanbul, is the capital of Turkey.',
      },
      {
        type: 'TRUE_FALSE',
        prompt: 'Rio de Janeiro was once the capital of Brazil.',
        points: 2,
        correctAnswer: true,
        explanation: 'From 1763 to 1960.',
      },
    ],
    addedLater: {
      type: 'NUMERIC',
      prompt: 'In which year did Brasília become the capital of Brazil?',
      points: 2,
      numericAnswer: 1960,
      explanation: 'Brasília was inaugurated on 21 April 1960.',
    },
    attempts: [
      // Version 1: 8 of 8.
      {
        player: 'ada',
        key: 'demo-capitals-1',
        answers: [{ choose: ['Canberra'] }, { text: 'Brasília' }, { choose: ['Ottawa', 'Wellington'] }, { boolean: true }],
      },
      // Version 1: 6 of 8 ("brasilia" matches "Brasilia": case is ignored; one wrong city costs the whole MULTIPLE_CHOICE).
      {
        player: 'alan',
        key: 'demo-capitals-1',
        answers: [{ choose: ['Canberra'] }, { text: 'brasilia' }, { choose: ['Ottawa', 'Wellington', 'Sydney'] }, { boolean: true }],
      },
      // Version 1: 2 of 8.
      {
        player: 'grace',
        key: 'demo-capitals-1',
        answers: [{ choose: ['Sydney'] }, { text: 'Rio de Janeiro' }, { choose: ['Ottawa', 'Wellington'] }, { boolean: false }],
      },
      // Version 2: 10 of 10.
      {
        player: 'katherine',
        key: 'demo-capitals-1',
        afterEdit: true,
        answers: [{ choose: ['Canberra'] }, { text: 'Brasília' }, { choose: ['Ottawa', 'Wellington'] }, { boolean: true }, { number: 1960 }],
      },
      // Version 2: 4 of 10 ("Brasília" typed with a combining accent is the same text after NFC).
      {
        player: 'edsger',
        key: 'demo-capitals-1',
        afterEdit: true,
        answers: [{ choose: ['Melbourne'] }, { text: 'Brasi\u0301lia' }, { choose: ['Wellington'] }, { boolean: true }, { number: 1961 }],
      },
      // Version 2: 10 of 10, Ada's best (her version 1 attempt keeps its 8 of 8).
      {
        player: 'ada',
        key: 'demo-capitals-2',
        afterEdit: true,
        answers: [{ choose: ['Canberra'] }, { text: 'Brasilia' }, { choose: ['Ottawa', 'Wellington'] }, { boolean: true }, { number: 1960 }],
      },
    ],
  },
  {
    key: 'demo-quiz-computing-pioneers',
    title: 'Pioneers of Computing',
    description: 'Machines, languages and the people behind them.',
    category: 'computing',
    tags: ['history', 'people'],
    difficulty: 'HARD',
    settings: { timeLimitSeconds: 300 },
    questions: [
      {
        type: 'ORDERING',
        prompt: 'Put these computers in the order they first ran, earliest first.',
        points: 3,
        scoring: 'PARTIAL',
        items: COMPUTERS_IN_ORDER,
        explanation: 'Colossus (1944), ENIAC (1945), the Manchester Baby (1948), UNIVAC I (1951).',
      },
      {
        type: 'NUMERIC',
        prompt: "In which year were Ada Lovelace's notes on the Analytical Engine published?",
        points: 2,
        numericAnswer: 1843,
        explanation: 'In 1843, with her translation of Menabrea’s article.',
      },
      {
        type: 'SHORT_TEXT',
        prompt: "Grace Hopper's FLOW-MATIC led to which business programming language? Write its name in capitals.",
        points: 2,
        acceptedAnswers: ['COBOL'],
        caseSensitive: true,
        explanation: 'COBOL (1959) was based largely on FLOW-MATIC.',
      },
      {
        // No weights: the two correct options share 1 (0.5 each) and the two wrong ones share -1.
        type: 'MULTIPLE_CHOICE',
        prompt: 'Which of these people received the Turing Award?',
        points: 3,
        scoring: 'PARTIAL',
        options: [{ label: 'Edsger Dijkstra', correct: true }, { label: 'Donald Knuth', correct: true }, { label: 'Grace Hopper' }, { label: 'Alan Turing' }],
        explanation: 'Dijkstra (1972) and Knuth (1974). The award was first given in 1966, twelve years after Turing died.',
      },
      {
        type: 'TRUE_FALSE',
        prompt: "Katherine Johnson checked the computer's orbital calculations for John Glenn's 1962 flight.",
        points: 1,
        correctAnswer: true,
        explanation: 'Glenn asked for her to check the numbers by hand before he would fly.',
      },
    ],
    attempts: [
      // 11 of 11.
      {
        player: 'ada',
        key: 'demo-pioneers-1',
        answers: [{ order: COMPUTERS_IN_ORDER }, { number: 1843 }, { text: 'COBOL' }, { choose: ['Edsger Dijkstra', 'Donald Knuth'] }, { boolean: true }],
      },
      // 5.25: 1 of 4 in place (0.75 of 3); "Cobol" is wrong (case sensitive); Dijkstra + Knuth + Turing weigh 0.5 + 0.5 - 0.5 (1.5 of 3).
      {
        player: 'alan',
        key: 'demo-pioneers-1',
        answers: [
          { order: ['Colossus', 'UNIVAC I', 'ENIAC', 'Manchester Baby'] },
          { number: 1843 },
          { text: 'Cobol' },
          { choose: ['Edsger Dijkstra', 'Donald Knuth', 'Alan Turing'] },
          { boolean: true },
        ],
      },
      // 7.5.
      {
        player: 'grace',
        key: 'demo-pioneers-1',
        answers: [{ order: COMPUTERS_IN_ORDER }, { number: 1842 }, { text: 'COBOL' }, { choose: ['Edsger Dijkstra'] }, { boolean: true }],
      },
      // 9.5: 2 of 4 in place (1.5 of 3); "COBOL " counts (surrounding spaces are dropped).
      {
        player: 'katherine',
        key: 'demo-pioneers-1',
        answers: [
          { order: ['ENIAC', 'Colossus', 'Manchester Baby', 'UNIVAC I'] },
          { number: 1843 },
          { text: 'COBOL ' },
          { choose: ['Edsger Dijkstra', 'Donald Knuth'] },
          { boolean: true },
        ],
      },
      // 3: choosing every option earns nothing.
      {
        player: 'edsger',
        key: 'demo-pioneers-1',
        answers: [
          null,
          { number: 1843 },
          { text: 'FORTRAN' },
          { choose: ['Edsger Dijkstra', 'Donald Knuth', 'Grace Hopper', 'Alan Turing'] },
          { boolean: true },
        ],
      },
    ],
  },
  {
    // A draft with an unfinished key: publishQuiz refuses it until question 2 has a correct option.
    key: 'demo-quiz-famous-equations',
    title: 'Famous Equations',
    description: 'Work in progress.',
    category: 'science',
    tags: ['physics'],
    difficulty: 'HARD',
    draft: true,
    questions: [
      {
        type: 'NUMERIC',
        prompt: 'What is the speed of light in a vacuum, in km/s, to the nearest thousand?',
        points: 2,
        numericAnswer: 299_792.458,
        tolerance: 500,
        explanation: 'Exactly 299,792.458 km/s, by the definition of the metre.',
      },
      {
        type: 'SINGLE_CHOICE',
        prompt: 'Whose four equations describe classical electromagnetism?',
        points: 1,
        options: [{ label: 'Maxwell' }, { label: 'Newton' }, { label: 'Schrödinger' }],
        explanation: 'James Clerk Maxwell, 1861–1862.',
      },
    ],
    attempts: [],
  },
];

const AUTH_FIELDS = 'accessToken user { id displayName }';

async function signIn(url: string, email: string, displayName: string): Promise<{ token: string; id: string }> {
  const login = await graphqlRequest(url, `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ${AUTH_FIELDS} } }`, {
    variables: { email, password: DEMO_PASSWORD },
  });
  const session =
    login.data?.login ??
    (
      await graphqlData(
        url,
        `mutation ($email: String!, $password: String!, $displayName: String!) { register(email: $email, password: $password, displayName: $displayName) { ${AUTH_FIELDS} } }`,
        { variables: { email, password: DEMO_PASSWORD, displayName } },
      )
    ).register;
  return { token: session.accessToken, id: session.user.id };
}

interface LiveQuiz {
  id: string;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  version: number;
  questions: Array<{ id: string; prompt: string; options: Array<{ id: string; label: string }>; items: Array<{ id: string; label: string }> }>;
}

const QUIZ_FIELDS = 'id status version questions { id prompt options { id label } items { id label } }';

/** `AnswerInput` of the results schema: the question and the one field its type takes. */
type AnswerInput = { questionId: string } & ({ optionIds: string[] } | { order: string[] } | { boolean: boolean } | { number: number } | { text: string });

/** The ids of `labels` among `choices`; null if one is not there. */
function idsOf(labels: string[], choices: Array<{ id: string; label: string }>): string[] | null {
  const ids = labels.map((label) => choices.find((c) => c.label === label)?.id);
  return ids.every((id) => id !== undefined) ? (ids as string[]) : null;
}

/**
 * The attempt as `AnswerInput`s: each answer goes to the quiz's question with the same prompt, labels
 * become ids. What no longer matches (someone edited the demo quiz) is left out rather than failing
 * the start: the seed's own submission of it exists already and is only replayed.
 */
function answerInputs(quiz: DemoQuiz, live: LiveQuiz, attempt: DemoAttempt): AnswerInput[] {
  const definitions = [...quiz.questions, ...(quiz.addedLater ? [quiz.addedLater] : [])];
  return attempt.answers.flatMap((answer, i): AnswerInput[] => {
    const question = live.questions.find((q) => q.prompt === definitions[i]?.prompt);
    if (!question || answer === null) return [];
    if ('choose' in answer) {
      const optionIds = idsOf(answer.choose, question.options);
      return optionIds ? [{ questionId: question.id, optionIds }] : [];
    }
    if ('order' in answer) {
      const order = idsOf(answer.order, question.items);
      return order ? [{ questionId: question.id, order }] : [];
    }
    return [{ questionId: question.id, ...answer }];
  });
}

/**
 * Fills an empty development database with a few players, three published quizzes (every question
 * type, one quiz with two versions), a draft and some attempts, all through the public API.
 * Idempotent: accounts are signed into when they exist, quizzes and submissions carry idempotency
 * keys, and the one edit happens only while its quiz is at version 1, so running it at every start
 * changes nothing the second time.
 */
export async function seedDemoData(routerUrl: string, usersDatabaseUrl: string): Promise<void> {
  // Roles are given outside the API (as an operator would give the first admin), then the accounts
  // sign in again so their access tokens carry the role.
  await signIn(routerUrl, DEMO_ADMIN.email, DEMO_ADMIN.displayName);
  await setRoleByEmail(usersDatabaseUrl, DEMO_ADMIN.email, 'ADMIN');
  await signIn(routerUrl, DEMO_AUTHOR.email, DEMO_AUTHOR.displayName);
  await setRoleByEmail(usersDatabaseUrl, DEMO_AUTHOR.email, 'AUTHOR');
  const author = await signIn(routerUrl, DEMO_AUTHOR.email, DEMO_AUTHOR.displayName);
  const players = new Map<PlayerName, string>();
  for (const [name, player] of Object.entries(DEMO_PLAYERS) as Array<[PlayerName, (typeof DEMO_PLAYERS)[PlayerName]]>) {
    players.set(name, (await signIn(routerUrl, player.email, player.displayName)).token);
  }

  const submit = async (quiz: DemoQuiz, live: LiveQuiz, attempt: DemoAttempt) => {
    const accessToken = players.get(attempt.player)!;
    const answers = answerInputs(quiz, live, attempt);
    if (quiz.settings?.timeLimitSeconds == null) {
      await graphqlData(
        routerUrl,
        `mutation ($quizId: ID!, $answers: [AnswerInput!]!, $key: String) { submitQuiz(quizId: $quizId, answers: $answers, idempotencyKey: $key) { id } }`,
        { accessToken, variables: { quizId: live.id, answers, key: attempt.key } },
      );
      return;
    }
    // A timed quiz takes two steps, so that the server measures the time. Each player takes it once
    // in the demo: an attempt already there (from an earlier run, however it ended) means done.
    const { me } = await graphqlData<{ me: { attempts: { edges: unknown[] } } }>(
      routerUrl,
      `query ($quizId: ID!) { me { attempts(first: 1, quizId: $quizId) { edges { cursor } } } }`,
      { accessToken, variables: { quizId: live.id } },
    );
    if (me.attempts.edges.length > 0) return;
    const { startAttempt } = await graphqlData<{ startAttempt: { id: string } }>(
      routerUrl,
      `mutation ($quizId: ID!, $key: String) { startAttempt(quizId: $quizId, idempotencyKey: $key) { id } }`,
      { accessToken, variables: { quizId: live.id, key: attempt.key } },
    );
    await graphqlData(routerUrl, `mutation ($id: ID!, $answers: [AnswerInput!]!) { submitAttempt(attemptId: $id, answers: $answers) { id } }`, {
      accessToken,
      variables: { id: startAttempt.id, answers },
    });
  };

  for (const quiz of DEMO_QUIZZES) {
    const { createQuiz } = await graphqlData<{ createQuiz: LiveQuiz }>(
      routerUrl,
      `mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { ${QUIZ_FIELDS} } }`,
      {
        accessToken: author.token,
        variables: {
          input: {
            title: quiz.title,
            description: quiz.description,
            category: quiz.category,
            tags: quiz.tags,
            difficulty: quiz.difficulty,
            settings: quiz.settings ?? null,
            idempotencyKey: quiz.key,
            questions: quiz.questions,
          },
        },
      },
    );
    let live = createQuiz;
    // Publishing is idempotent for a published quiz, but refused for an archived one (someone may
    // have archived a demo quiz since): only drafts are published.
    if (!quiz.draft && live.status === 'DRAFT') {
      live = (
        await graphqlData<{ publishQuiz: LiveQuiz }>(routerUrl, `mutation ($id: ID!) { publishQuiz(id: $id) { ${QUIZ_FIELDS} } }`, {
          accessToken: author.token,
          variables: { id: live.id },
        })
      ).publishQuiz;
    }
    for (const attempt of quiz.attempts.filter((a) => !a.afterEdit)) await submit(quiz, live, attempt);
    if (quiz.addedLater && live.status === 'PUBLISHED' && live.version === 1) {
      live = (
        await graphqlData<{ addQuestion: LiveQuiz }>(
          routerUrl,
          `mutation ($quizId: ID!, $question: QuestionInput!) { addQuestion(quizId: $quizId, question: $question) { ${QUIZ_FIELDS} } }`,
          { accessToken: author.token, variables: { quizId: live.id, question: quiz.addedLater } },
        )
      ).addQuestion;
    }
    for (const attempt of quiz.attempts.filter((a) => a.afterEdit)) await submit(quiz, live, attempt);
  }
}
