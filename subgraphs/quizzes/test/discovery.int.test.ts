import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startQuizzesFixture, uniqueWord, type Caller, type QuizzesFixture } from './fixtures.js';

let fx: QuizzesFixture;

beforeAll(async () => {
  fx = await startQuizzesFixture(inject('databaseUrls').quizzes);
});

afterAll(async () => {
  await fx?.close();
});

interface Node {
  id: string;
  title: string;
  status: string;
  createdAt: string;
  attemptCount: number;
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: Node }>;
}

const LIST = `query ($first: Int, $after: String, $filter: QuizFilter, $orderBy: QuizOrder) {
  quizzes(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id title status createdAt attemptCount } } } }`;

interface ListArgs {
  first?: number;
  after?: string | null;
  filter?: Record<string, unknown>;
  orderBy?: string;
}

async function list(args: ListArgs, caller?: Caller): Promise<Page> {
  const response = await fx.asRouter(LIST, { variables: { ...args }, ...(caller ? { accessToken: caller.token } : {}) });
  expect(response.errors).toBeUndefined();
  return response.data!.quizzes;
}

const ids = (page: Page) => page.edges.map((e) => e.node.id);

/** Every page of a list, `first` at a time; `between` runs after each page (to change the data meanwhile). */
async function allPages(args: ListArgs, caller?: Caller, between?: () => Promise<void>): Promise<{ nodes: Node[]; pages: Page[] }> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await list({ ...args, after }, caller);
    pages.push(page);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    after = page.pageInfo.endCursor;
    await between?.();
    expect(pages.length).toBeLessThan(100);
  }
  return { nodes: pages.flatMap((p) => p.edges.map((e) => e.node)), pages };
}

const byKeyThenId =
  <T>(key: (n: Node) => T, direction: 1 | -1) =>
  (a: Node, b: Node) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka < kb) return -direction;
    if (ka > kb) return direction;
    return a.id < b.id ? -direction : a.id > b.id ? direction : 0;
  };

const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions;

describe('keyset paging', () => {
  it('pages NEWEST without skipping or repeating while quizzes are added between pages', async () => {
    const author = fx.tokenFor();
    const tag = uniqueWord('tag');
    const originals: string[] = [];
    for (let i = 0; i < 7; i++) originals.push((await fx.createPublished(author.token, { title: `Newest ${i}`, tags: [tag] })).id);

    const inserted: string[] = [];
    const { nodes, pages } = await allPages({ first: 2, filter: { tags: [tag] } }, undefined, async () => {
      inserted.push((await fx.createPublished(author.token, { title: `Later ${inserted.length}`, tags: [tag] })).id);
    });
    expect(pages.map((p) => p.edges.length)).toEqual([2, 2, 2, 1]);
    expect(pages[0]!.totalCount).toBe(7);
    expect(pages.at(-1)!.totalCount).toBe(7 + inserted.length);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true, true]);
    // Quizzes added meanwhile are newer than the cursor: they belong before it, never in a later page.
    expect(nodes).toHaveLength(originals.length);
    expect(new Set(nodes.map((n) => n.id))).toEqual(new Set(originals));
    expect(nodes.map((n) => n.id)).toEqual([...nodes].sort(byKeyThenId((n) => n.createdAt, -1)).map((n) => n.id));
    expect(nodes.at(0)!.title).toBe('Newest 6');
    expect(nodes.at(-1)!.title).toBe('Newest 0');

    // A fresh walk sees everything, newest first.
    const fresh = await allPages({ first: 3, filter: { tags: [tag] } });
    expect(fresh.nodes).toHaveLength(originals.length + inserted.length);
    expect(new Set(fresh.nodes.map((n) => n.id))).toEqual(new Set([...originals, ...inserted]));
    expect(fresh.nodes.map((n) => n.id)).toEqual([...fresh.nodes].sort(byKeyThenId((n) => n.createdAt, -1)).map((n) => n.id));
  });

  it('breaks ties in createdAt by id', async () => {
    const author = fx.tokenFor();
    const tag = uniqueWord('tag');
    await Promise.all(Array.from({ length: 8 }, (_, i) => fx.createPublished(author.token, { title: `Tie ${i}`, tags: [tag] })));
    const { nodes } = await allPages({ first: 3, filter: { tags: [tag] } });
    expect(nodes).toHaveLength(8);
    expect(nodes.map((n) => n.id)).toEqual([...nodes].sort(byKeyThenId((n) => n.createdAt, -1)).map((n) => n.id));
  });

  it('orders TITLE A to Z ignoring case, paging through equal titles by id', async () => {
    const author = fx.tokenFor();
    const tag = uniqueWord('tag');
    const names = ['banana', 'Apple', 'cherry', 'apricot', 'Blueberry', 'apple', 'APPLE', 'avocado'];
    for (const name of names) await fx.createPublished(author.token, { title: `${name} pie`, tags: [tag] });
    const { nodes, pages } = await allPages({ first: 2, filter: { tags: [tag] }, orderBy: 'TITLE' });
    expect(pages).toHaveLength(4);
    expect(nodes.map((n) => n.title.split(' ')[0]!.toLowerCase())).toEqual(['apple', 'apple', 'apple', 'apricot', 'avocado', 'banana', 'blueberry', 'cherry']);
    expect(nodes.map((n) => n.id)).toEqual([...nodes].sort(byKeyThenId((n) => n.title.toLowerCase(), 1)).map((n) => n.id));
  });

  it('orders POPULAR by the attempt counts QuizPlayed events report', async () => {
    const author = fx.tokenFor();
    const tag = uniqueWord('tag');
    const counts = [5, 50, 0, 17, 17, 3];
    const quizzes = [];
    for (const [i, attempts] of counts.entries()) {
      const quiz = await fx.createPublished(author.token, { title: `Popular ${i}`, tags: [tag] });
      if (attempts > 0) expect(await fx.deliverQuizPlayed({ quizId: quiz.id, attempts })).toBe(204);
      quizzes.push(quiz);
    }
    const { nodes, pages } = await allPages({ first: 2, filter: { tags: [tag] }, orderBy: 'POPULAR' });
    expect(pages).toHaveLength(3);
    expect(nodes.map((n) => n.attemptCount)).toEqual([50, 17, 17, 5, 3, 0]);
    expect(nodes.map((n) => n.id)).toEqual([...nodes].sort(byKeyThenId((n) => n.attemptCount, -1)).map((n) => n.id));

    // A quiz played more moves up, for the next list.
    expect(await fx.deliverQuizPlayed({ quizId: quizzes[2]!.id, attempts: 100 })).toBe(204);
    expect(ids(await list({ first: 1, filter: { tags: [tag] }, orderBy: 'POPULAR' }))).toEqual([quizzes[2]!.id]);
  });

  it('pages RELEVANCE results without skipping or repeating', async () => {
    const author = fx.tokenFor();
    const word = uniqueWord();
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await fx.createPublished(author.token, { title: `${word} ${i}`, description: i % 2 ? word : '' })).id);
    for (let i = 0; i < 3; i++) created.push((await fx.createPublished(author.token, { title: `Other ${i}`, description: `about ${word}` })).id);
    const { nodes } = await allPages({ first: 3, filter: { search: word } });
    expect(new Set(nodes.map((n) => n.id))).toEqual(new Set(created));
    expect(nodes).toHaveLength(created.length);
    // Title matches first.
    expect(nodes.slice(0, 5).every((n) => n.title.startsWith(word))).toBe(true);
  });

  it('refuses a cursor of another order, a cursor it did not give out, and pages over 100', async () => {
    const author = fx.tokenFor();
    const tag = uniqueWord('tag');
    for (let i = 0; i < 2; i++) await fx.createPublished(author.token, { tags: [tag] });
    const newest = await list({ first: 1, filter: { tags: [tag] } });
    const cursor = newest.pageInfo.endCursor;
    for (const orderBy of ['TITLE', 'POPULAR']) {
      const response = await fx.asRouter(LIST, { variables: { first: 1, after: cursor, filter: { tags: [tag] }, orderBy } });
      expect(codeOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    const relevance = await fx.asRouter(LIST, { variables: { after: cursor, filter: { search: tag } } });
    expect(codeOf(relevance)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // Cursors are opaque, but a client can still send one it made up: whatever is in it, the answer is
    // BAD_USER_INPUT, never a database error.
    const id = newest.edges[0]!.node.id;
    const forged: Array<[string, unknown[]]> = [
      ['NEWEST', [new Date().toISOString(), 'nope']],
      ['NEWEST', ['not a time', id]],
      ['NEWEST', ['yesterday', id]],
      ['NEWEST', ['+275760-09-13T00:00:00.000Z', id]],
      ['NEWEST', ['2026-02-31T00:00:00.000Z', id]],
      ['TITLE', ['a\u0000b', id]],
      ['POPULAR', [1.5, id]],
      ['POPULAR', [2 ** 40, id]],
      ['RELEVANCE', [1e300, id]],
      ['NEWEST', [new Date().toISOString()]],
      ['NEWEST', [1, id]],
    ];
    const answers = [];
    for (const [orderBy, values] of forged) {
      const after = Buffer.from(JSON.stringify([orderBy, ...values])).toString('base64url');
      const filter = orderBy === 'RELEVANCE' ? { search: tag } : { tags: [tag] };
      const response = await fx.asRouter(LIST, { variables: { after, filter, orderBy } });
      answers.push([orderBy, values, codeOf(response)]);
    }
    expect(answers).toEqual(forged.map(([orderBy, values]) => [orderBy, values, { code: 'BAD_USER_INPUT', field: 'after' }]));

    for (const first of [101, 1000, -1]) {
      expect(codeOf(await fx.asRouter(LIST, { variables: { first } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    expect((await list({ first: 100, filter: { tags: [tag] } })).edges).toHaveLength(2);
  });

  it('counts every match and says when the last page is reached', async () => {
    const author = fx.tokenFor();
    const tag = uniqueWord('tag');
    for (let i = 0; i < 4; i++) await fx.createPublished(author.token, { tags: [tag], difficulty: i < 3 ? 'EASY' : 'HARD' });

    const exact = await list({ first: 4, filter: { tags: [tag] } });
    expect(exact).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false, hasPreviousPage: false } });
    const short = await list({ first: 3, filter: { tags: [tag] } });
    expect(short).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const rest = await list({ first: 3, after: short.pageInfo.endCursor, filter: { tags: [tag] } });
    expect(rest).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    expect(rest.edges).toHaveLength(1);
    const past = await list({ first: 3, after: rest.pageInfo.endCursor, filter: { tags: [tag] } });
    expect(past).toMatchObject({ totalCount: 4, edges: [], pageInfo: { hasNextPage: false, startCursor: null, endCursor: null } });
    const none = await list({ first: 0, filter: { tags: [tag] } });
    expect(none).toMatchObject({ totalCount: 4, edges: [] });

    expect((await list({ filter: { tags: [tag], difficulty: 'EASY' } })).totalCount).toBe(3);
    expect((await list({ filter: { tags: [tag], difficulty: 'MEDIUM' } })).totalCount).toBe(0);
  });
});

describe('search', () => {
  it('matches each word as a prefix and needs every word', async () => {
    const author = fx.tokenFor();
    const word = uniqueWord();
    const [photosynthesis, photography, chlorophyll] = [
      await fx.createPublished(author.token, { title: `Photosynthesis ${word}` }),
      await fx.createPublished(author.token, { title: `Photography basics`, tags: [word] }),
      await fx.createPublished(author.token, { title: `Chlorophyll`, description: `Green pigment behind photosynthesis. ${word}` }),
    ];
    const found = async (search: string) => new Set(ids(await list({ filter: { search } })));
    expect(await found(`photo ${word}`)).toEqual(new Set([photosynthesis.id, photography.id, chlorophyll.id]));
    expect(await found(`PHOTOSYNTH ${word}`)).toEqual(new Set([photosynthesis.id, chlorophyll.id]));
    expect(await found(`photosynth chloro ${word}`)).toEqual(new Set([chlorophyll.id]));
    expect(await found(`photo basic ${word.slice(0, 8)}`)).toEqual(new Set([photography.id]));
    expect(await found(`photosynthesis ${word}x`)).toEqual(new Set());
  });

  it('ranks a title match above a tag match above a description-only match', async () => {
    const author = fx.tokenFor();
    const word = uniqueWord();
    const tag = uniqueWord('tag');
    const description = await fx.createPublished(author.token, { title: 'Mountains', description: `Home of ${word} volcanoes`, tags: [tag] });
    const title = await fx.createPublished(author.token, { title: `${word} volcanoes`, tags: [tag] });
    const tagged = await fx.createPublished(author.token, { title: 'Islands', tags: [tag, word] });
    const page = await list({ filter: { search: word } });
    expect(ids(page)).toEqual([title.id, tagged.id, description.id]);
    // Explicitly, and with other filters.
    expect(ids(await list({ filter: { search: `${word} volcano`, tags: [tag] }, orderBy: 'RELEVANCE' }))).toEqual([title.id, description.id]);
    // Another order still narrows to the matches.
    expect(new Set(ids(await list({ filter: { search: word }, orderBy: 'NEWEST' })))).toEqual(new Set([title.id, tagged.id, description.id]));
  });

  it('handles accents, case and non-Latin scripts', async () => {
    const author = fx.tokenFor();
    const word = uniqueWord();
    const creme = await fx.createPublished(author.token, { title: `Crème brûlée ${word}` });
    const ecole = await fx.createPublished(author.token, { title: `ÉCOLE ${word}` });
    const russian = await fx.createPublished(author.token, { title: `Фотосинтез ${word}` });
    const greek = await fx.createPublished(author.token, { title: `Φωτοσύνθεση ${word}`.normalize('NFD') });
    const found = async (search: string) => ids(await list({ filter: { search: `${search} ${word}` } }));
    expect(await found('brûlée')).toEqual([creme.id]);
    expect(await found('CRÈME')).toEqual([creme.id]);
    expect(await found('Cre\u0300me')).toEqual([creme.id]);
    expect(await found('école')).toEqual([ecole.id]);
    expect(await found('фото')).toEqual([russian.id]);
    expect(await found('ФОТОСИНТЕЗ')).toEqual([russian.id]);
    expect(await found('φωτοσύνθεση')).toEqual([greek.id]);
  });

  it('finds tags and categories whatever Unicode form they were typed in', async () => {
    const author = fx.tokenFor();
    const word = uniqueWord();
    // "é" as one code point (NFC) and as "e" and a combining accent (NFD, as macOS keyboards may send it).
    const [nfc, nfd] = [`caf\u00e9${word}`, `cafe\u0301${word}`];
    const taggedNfd = await fx.createPublished(author.token, { tags: [nfd], category: nfd.toUpperCase() });
    const taggedNfc = await fx.createPublished(author.token, { tags: [nfc], category: nfc });
    const both = new Set([taggedNfd.id, taggedNfc.id]);
    for (const form of [nfc, nfd]) {
      expect(new Set(ids(await list({ filter: { tags: [form] } }))), `tags ${form.length}`).toEqual(both);
      expect(new Set(ids(await list({ filter: { category: form } }))), `category ${form.length}`).toEqual(both);
      expect(new Set(ids(await list({ filter: { search: form } }))), `search ${form.length}`).toEqual(both);
    }
    const { data } = await fx.asRouter(`query ($id: ID!) { quiz(id: $id) { tags category } }`, { variables: { id: taggedNfd.id } });
    expect(data!.quiz).toEqual({ tags: [nfc], category: nfc });
  });

  it('finds a hyphenated word whose parts would parse as numbers on their own', async () => {
    // "5e7cddfd" is one word inside "tag-5e7cddfd" but, alone, the number "5e7" then "cddfd":
    // a search must use the words as indexed, not parse them a second time.
    const author = fx.tokenFor();
    const word = uniqueWord();
    const tags = ['tag-5e7cddfd', 'tag-1e14e146', 'tag-628e90be'];
    const quizzes = [];
    for (const tag of tags) quizzes.push(await fx.createPublished(author.token, { title: `Exponent ${tag} ${word}`, tags: [tag] }));
    for (const [i, tag] of tags.entries()) {
      expect(ids(await list({ filter: { search: `${word} ${tag}` } })), tag).toEqual([quizzes[i]!.id]);
      expect(ids(await list({ filter: { search: `exponent ${tag} ${word}` } })), tag).toEqual([quizzes[i]!.id]);
    }
  });

  it('treats query syntax in a search as plain text', async () => {
    const author = fx.tokenFor();
    const word = uniqueWord();
    const quiz = await fx.createPublished(author.token, { title: `Rock & roll: ${word}'s (history)!` });
    for (const search of [
      `rock & ${word}`,
      `rock | ${word}`,
      `!rock ${word}`,
      `(rock) ${word}:*`,
      `rock's ${word}'`,
      `'${word}`,
      `${word} <-> roll`,
      `${word} \\`,
      `${word} "roll"`,
    ]) {
      expect(ids(await list({ filter: { search } })), search).toEqual([quiz.id]);
    }
    for (const search of ["&|!():*'", '   ', '<->', "'", '\\']) {
      const response = await fx.asRouter(LIST, { variables: { first: 1, filter: { search } } });
      expect(response.errors, search).toBeUndefined();
    }
  });

  it('needs a search to order by RELEVANCE', async () => {
    for (const filter of [{}, { search: '' }, { search: '&|!' }]) {
      const response = await fx.asRouter(LIST, { variables: { filter, orderBy: 'RELEVANCE' } });
      expect(codeOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderBy' });
    }
  });
});

describe('filters', () => {
  it('needs every tag, ignoring case', async () => {
    const author = fx.tokenFor();
    const [t1, t2] = [uniqueWord('tag'), uniqueWord('tag')];
    const both = await fx.createPublished(author.token, { tags: [t1, t2, 'extra'] });
    const first = await fx.createPublished(author.token, { tags: [t1] });
    const second = await fx.createPublished(author.token, { tags: [t2.toUpperCase()] });
    const found = async (tags: string[]) => new Set(ids(await list({ filter: { tags } })));
    expect(await found([t1, t2])).toEqual(new Set([both.id]));
    expect(await found([t2, t1.toUpperCase(), ` ${t1} `])).toEqual(new Set([both.id]));
    expect(await found([t1])).toEqual(new Set([both.id, first.id]));
    expect(await found([t2])).toEqual(new Set([both.id, second.id]));
    expect(await found([t1, t2, 'missing'])).toEqual(new Set());
  });

  it('matches a category ignoring case and surrounding spaces', async () => {
    const author = fx.tokenFor();
    const category = uniqueWord('cat');
    const quiz = await fx.createPublished(author.token, { category: ` ${category.toUpperCase()} ` });
    await fx.createPublished(author.token, { category: `${category}x` });
    expect(ids(await list({ filter: { category } }))).toEqual([quiz.id]);
    expect(ids(await list({ filter: { category: ` ${category.toUpperCase()}` } }))).toEqual([quiz.id]);
  });

  it('matches difficulty and author', async () => {
    const [alice, bob] = [fx.tokenFor(), fx.tokenFor()];
    const tag = uniqueWord('tag');
    const hard = await fx.createPublished(alice.token, { tags: [tag], difficulty: 'HARD' });
    const easy = await fx.createPublished(alice.token, { tags: [tag], difficulty: 'EASY' });
    const bobs = await fx.createPublished(bob.token, { tags: [tag], difficulty: 'HARD' });
    expect(new Set(ids(await list({ filter: { tags: [tag], difficulty: 'HARD' } })))).toEqual(new Set([hard.id, bobs.id]));
    expect(new Set(ids(await list({ filter: { authorId: alice.userId } })))).toEqual(new Set([hard.id, easy.id]));
    expect(ids(await list({ filter: { authorId: alice.userId, difficulty: 'EASY' } }))).toEqual([easy.id]);
    expect(ids(await list({ filter: { authorId: randomUUID() } }))).toEqual([]);
    const bad = await fx.asRouter(LIST, { variables: { filter: { authorId: 'alice' } } });
    expect(codeOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.authorId' });
  });

  it('lists by status: archived for everyone, drafts only for their author, any draft for admins', async () => {
    const [alice, bob] = [fx.tokenFor(), fx.tokenFor()];
    const admin = fx.tokenFor('ADMIN');
    const player = fx.tokenFor('PLAYER');
    const tag = uniqueWord('tag');
    const published = await fx.createPublished(alice.token, { tags: [tag] });
    const archived = await fx.createPublished(alice.token, { tags: [tag] });
    const archive = await fx.asRouter(`mutation ($id: ID!) { archiveQuiz(id: $id) { status } }`, { accessToken: alice.token, variables: { id: archived.id } });
    expect(archive.errors).toBeUndefined();
    const aliceDraft = await fx.createQuiz(alice.token, { tags: [tag] });
    const bobDraft = await fx.createQuiz(bob.token, { tags: [tag] });

    const found = async (status: string | undefined, caller?: Caller) =>
      new Set(ids(await list({ filter: { tags: [tag], ...(status ? { status } : {}) } }, caller)));

    for (const caller of [undefined, player, alice, bob, admin]) {
      expect(await found('ARCHIVED', caller)).toEqual(new Set([archived.id]));
      expect(await found('PUBLISHED', caller)).toEqual(new Set([published.id]));
    }
    expect(await found('DRAFT')).toEqual(new Set());
    expect(await found('DRAFT', player)).toEqual(new Set());
    expect(await found('DRAFT', alice)).toEqual(new Set([aliceDraft.id]));
    expect(await found('DRAFT', bob)).toEqual(new Set([bobDraft.id]));
    expect(await found('DRAFT', admin)).toEqual(new Set([aliceDraft.id, bobDraft.id]));

    // Without a status: published quizzes and the drafts the caller may see, never archived ones.
    expect(await found(undefined)).toEqual(new Set([published.id]));
    expect(await found(undefined, player)).toEqual(new Set([published.id]));
    expect(await found(undefined, alice)).toEqual(new Set([published.id, aliceDraft.id]));
    expect(await found(undefined, bob)).toEqual(new Set([published.id, bobDraft.id]));
    expect(await found(undefined, admin)).toEqual(new Set([published.id, aliceDraft.id, bobDraft.id]));

    // totalCount follows the same visibility.
    expect((await list({ filter: { tags: [tag] } }, bob)).totalCount).toBe(2);
    expect((await list({ filter: { tags: [tag], authorId: alice.userId } }, bob)).totalCount).toBe(1);
    expect((await list({ filter: { search: tag } }, alice)).totalCount).toBe(2);
  });
});

describe('categories', () => {
  it('counts published quizzes only', async () => {
    const author = fx.tokenFor();
    const [mixed, draftsOnly, archivedOnly] = [uniqueWord('cat'), uniqueWord('cat'), uniqueWord('cat')];
    await fx.createPublished(author.token, { category: mixed });
    await fx.createPublished(author.token, { category: mixed.toUpperCase() });
    await fx.createQuiz(author.token, { category: mixed });
    await fx.createQuiz(author.token, { category: draftsOnly });
    const toArchive = await fx.createPublished(author.token, { category: mixed });
    const alsoArchived = await fx.createPublished(author.token, { category: archivedOnly });
    for (const { id } of [toArchive, alsoArchived]) {
      await fx.asRouter(`mutation ($id: ID!) { archiveQuiz(id: $id) { id } }`, { accessToken: author.token, variables: { id } });
    }

    for (const caller of [undefined, author, fx.tokenFor('ADMIN')]) {
      const { data, errors } = await fx.asRouter('{ categories { category count } }', caller ? { accessToken: caller.token } : {});
      expect(errors).toBeUndefined();
      const counts: Array<{ category: string; count: number }> = data!.categories;
      expect(counts.filter((c) => [mixed, draftsOnly, archivedOnly].includes(c.category))).toEqual([{ category: mixed, count: 2 }]);
      // Largest first.
      expect(counts.map((c) => c.count)).toEqual([...counts.map((c) => c.count)].sort((a, b) => b - a));
    }
  });
});

describe('cost', () => {
  it('serves a page of 5 and a page of 50, questions and settings included, with the same number of statements', async () => {
    const author = fx.tokenFor();
    const tag = uniqueWord('tag');
    const questions = [
      { type: 'TRUE_FALSE', prompt: 'T', correctAnswer: true },
      { prompt: 'Red planet?', options: [{ label: 'Venus' }, { label: 'Mars', correct: true }] },
      { type: 'ORDERING', prompt: 'Order', items: ['a', 'b', 'c'] },
    ];
    for (let batch = 0; batch < 6; batch++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => fx.createPublished(author.token, { title: `Cost ${batch}-${i}`, tags: [tag], questions })));
    }
    const QUERY = `query ($first: Int!, $tag: String!) { quizzes(first: $first, filter: { tags: [$tag] }) { totalCount
      edges { node { id title questionCount totalPoints settings { timeLimitSeconds scoringPolicy } author { id }
        questions { id type options { id label } items { id label } partialCredit } } } } }`;
    const cost = async (first: number) => {
      const before = fx.service.sqlStatements();
      const { data, errors } = await fx.asRouter(QUERY, { variables: { first, tag } });
      const statements = fx.service.sqlStatements() - before;
      expect(errors).toBeUndefined();
      expect(data!.quizzes.totalCount).toBe(60);
      expect(data!.quizzes.edges).toHaveLength(first);
      for (const { node } of data!.quizzes.edges) {
        expect(node).toMatchObject({ questionCount: 3, totalPoints: 3, settings: { scoringPolicy: 'CORRECTNESS' }, author: { id: author.userId } });
        expect(node.questions.map((q: { type: string }) => q.type)).toEqual(['TRUE_FALSE', 'SINGLE_CHOICE', 'ORDERING']);
      }
      return statements;
    };
    const five = await cost(5);
    expect(await cost(50)).toBe(five);
    expect(five).toBeLessThanOrEqual(5);
  });
});
