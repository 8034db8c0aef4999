import { graphqlData, graphqlRequest } from '@quizgraph/service-kit';
import { setRoleByEmail } from '@quizgraph/users/admin';

/** Demo accounts share this password; they exist only in development databases. */
export const DEMO_PASSWORD = 'quizgraph-demo';

interface DemoQuestion {
  prompt: string;
  options: string[];
  /** Index of the correct option. */
  correct: number;
  explanation: string;
}

interface DemoQuiz {
  key: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  difficulty: 'EASY' | 'MEDIUM' | 'HARD';
  questions: DemoQuestion[];
}

/** One account of each role: the author writes the quizzes, the admin manages roles. */
export const DEMO_AUTHOR = { email: 'marie@demo.quizgraph.dev', displayName: 'Marie Curie' };
export const DEMO_ADMIN = { email: 'admin@demo.quizgraph.dev', displayName: 'Quiz Admin' };

/** Players and, per quiz, how many of its questions they answer right. */
export const DEMO_PLAYERS = [
  { email: 'ada@demo.quizgraph.dev', displayName: 'Ada Lovelace', right: { space: 4, capitals: 4 } },
  { email: 'alan@demo.quizgraph.dev', displayName: 'Alan Turing', right: { space: 3, capitals: 4 } },
  { email: 'grace@demo.quizgraph.dev', displayName: 'Grace Hopper', right: { space: 4, capitals: 2 } },
  { email: 'katherine@demo.quizgraph.dev', displayName: 'Katherine Johnson', right: { space: 4, capitals: 3 } },
  { email: 'edsger@demo.quizgraph.dev', displayName: 'Edsger Dijkstra', right: { space: 1, capitals: 2 } },
] as const;

export const DEMO_QUIZZES: Record<'space' | 'capitals', DemoQuiz> = {
  space: {
    key: 'demo-quiz-space',
    title: 'Space Exploration Basics',
    description: 'Rockets, planets and the people who got there first.',
    category: 'science',
    tags: ['space', 'history'],
    difficulty: 'EASY',
    questions: [
      { prompt: 'Which planet is known as the Red Planet?', options: ['Venus', 'Mars', 'Jupiter'], correct: 1, explanation: 'Iron oxide dust makes Mars look red.' },
      { prompt: 'Who was the first person in space?', options: ['Neil Armstrong', 'Yuri Gagarin', 'Valentina Tereshkova'], correct: 1, explanation: 'Yuri Gagarin orbited Earth on 12 April 1961.' },
      { prompt: 'What is the largest planet of the Solar System?', options: ['Saturn', 'Neptune', 'Jupiter'], correct: 2, explanation: 'Jupiter is more than twice as massive as all other planets combined.' },
      { prompt: 'In which year did Apollo 11 land on the Moon?', options: ['1965', '1969', '1972'], correct: 1, explanation: 'The Eagle landed on 20 July 1969.' },
    ],
  },
  capitals: {
    key: 'demo-quiz-capitals',
    title: 'World Capitals',
    description: 'Four capitals, from the obvious to the often-missed.',
    category: 'geography',
    tags: ['capitals', 'countries'],
    difficulty: 'MEDIUM',
    questions: [
      { prompt: 'What is the capital of Australia?', options: ['Sydney', 'Canberra', 'Melbourne'], correct: 1, explanation: 'Canberra was chosen as a compromise between Sydney and Melbourne.' },
      { prompt: 'What is the capital of Canada?', options: ['Toronto', 'Ottawa', 'Montreal'], correct: 1, explanation: 'Ottawa has been the capital since 1857.' },
      { prompt: 'What is the capital of Japan?', options: ['Kyoto', 'Osaka', 'Tokyo'], correct: 2, explanation: 'Tokyo has been the capital since 1868.' },
      { prompt: 'What is the capital of Brazil?', options: ['Brasília', 'Rio de Janeiro', 'São Paulo'], correct: 0, explanation: 'Brasília replaced Rio de Janeiro in 1960.' },
    ],
  },
};

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

/**
 * Fills an empty development database with a few players, two published quizzes and some attempts,
 * all through the public API. Idempotent: accounts are signed into when they exist, and quizzes and
 * submissions carry idempotency keys, so running it at every start changes nothing the second time.
 */
export async function seedDemoData(routerUrl: string, usersDatabaseUrl: string): Promise<void> {
  // Roles are given outside the API (as an operator would give the first admin), then the accounts
  // sign in again so their access tokens carry the role.
  await signIn(routerUrl, DEMO_ADMIN.email, DEMO_ADMIN.displayName);
  await setRoleByEmail(usersDatabaseUrl, DEMO_ADMIN.email, 'ADMIN');
  await signIn(routerUrl, DEMO_AUTHOR.email, DEMO_AUTHOR.displayName);
  await setRoleByEmail(usersDatabaseUrl, DEMO_AUTHOR.email, 'AUTHOR');
  const author = await signIn(routerUrl, DEMO_AUTHOR.email, DEMO_AUTHOR.displayName);
  const quizzes: Record<string, { id: string; questions: Array<{ id: string; options: Array<{ id: string }> }> }> = {};
  for (const [name, quiz] of Object.entries(DEMO_QUIZZES)) {
    const { createQuiz } = await graphqlData(
      routerUrl,
      `mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id } }`,
      {
        accessToken: author.token,
        variables: {
          input: {
            title: quiz.title,
            description: quiz.description,
            category: quiz.category,
            tags: quiz.tags,
            difficulty: quiz.difficulty,
            idempotencyKey: quiz.key,
            questions: quiz.questions.map((q) => ({
              prompt: q.prompt,
              explanation: q.explanation,
              points: 10,
              options: q.options.map((label, i) => ({ label, correct: i === q.correct })),
            })),
          },
        },
      },
    );
    const { publishQuiz } = await graphqlData(
      routerUrl,
      `mutation ($id: ID!) { publishQuiz(id: $id) { id questions { id options { id } } } }`,
      { accessToken: author.token, variables: { id: createQuiz.id } },
    );
    quizzes[name] = publishQuiz;
  }
  for (const player of DEMO_PLAYERS) {
    const { token } = await signIn(routerUrl, player.email, player.displayName);
    for (const name of ['space', 'capitals'] as const) {
      const quiz = quizzes[name]!;
      const answers = quiz.questions.map((q, i) => {
        const correct = DEMO_QUIZZES[name].questions[i]!.correct;
        const pick = i < player.right[name] ? correct : (correct + 1) % q.options.length;
        return { questionId: q.id, optionIds: [q.options[pick]!.id] };
      });
      await graphqlData(
        routerUrl,
        `mutation ($quizId: ID!, $answers: [AnswerInput!]!, $key: String) { submitQuiz(quizId: $quizId, answers: $answers, idempotencyKey: $key) { id } }`,
        { accessToken: token, variables: { quizId: quiz.id, answers, key: `demo-${name}` } },
      );
    }
  }
}
