import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Quiz as QuizModel } from '../__generated__/prisma/client.js';
import type { PlayerQuestion, LabelledItem, QuizVersionView, KeyedQuestionRow, KeyedOptionView, UserRef } from '../models.js';
import type { QuizSettings as QuizSettingsModel } from '@quizgraph/assessment';
import type { QuizPage } from '../discovery.js';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an ISO-8601 string in UTC (e.g. `2026-11-22T10:15:00.000Z`). */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A category of published quizzes and how many it holds. */
export type CategoryCount = {
  __typename?: 'CategoryCount';
  /** The category (lower case). */
  category: Scalars['String']['output'];
  /** Published quizzes in it. */
  count: Scalars['Int']['output'];
};

/** A new quiz. It starts as a `DRAFT`; `publishQuiz` opens it to players. */
export type CreateQuizInput = {
  /** Up to 50 characters; stored in lower case. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Up to 2000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Default `MEDIUM`. */
  difficulty?: InputMaybe<Difficulty>;
  /**
   * Any unique string (a UUID is ideal). Sending the same key again returns the quiz created the first
   * time instead of a duplicate, so a retried request is safe.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Up to 100 questions, in order. A draft may start with none. */
  questions?: InputMaybe<Array<QuestionInput>>;
  /** Time limit, attempts, scoring and review; defaults where left out. */
  settings?: InputMaybe<QuizSettingsInput>;
  /** Up to 10 tags of up to 30 characters; stored in lower case, without repeats. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 1 to 200 characters. */
  title: Scalars['String']['input'];
};

/** How hard the author says a quiz is. */
export type Difficulty =
  /** For newcomers. */
  | 'EASY'
  /** For experts. */
  | 'HARD'
  /** The default. */
  | 'MEDIUM';

/** A quiz to import. */
export type ImportQuizInput = {
  /** The document: JSON text as `exportQuiz` writes it, or GIFT text. */
  content: Scalars['String']['input'];
  /** The format of `content`. */
  format: QuizImportFormat;
  /** As in `createQuiz`: the same key returns the quiz the first import created. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** `GIFT` only: the quiz's title (default: the last part of the first `$CATEGORY`, else "Imported quiz"). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** An option with its part of the answer key. */
export type KeyedOption = {
  __typename?: 'KeyedOption';
  /** Whether choosing it is right. */
  correct: Scalars['Boolean']['output'];
  /** The option's id, as players see it. */
  id: Scalars['ID']['output'];
  /** What the player reads. */
  label: Scalars['String']['output'];
  /** `MULTIPLE_CHOICE`: the share of the points choosing it adds (negative for wrong options); `null` otherwise. */
  weight?: Maybe<Scalars['Float']['output']>;
};

/** A question with its answer key: authors and admins only. */
export type KeyedQuestion = {
  __typename?: 'KeyedQuestion';
  /** `SHORT_TEXT`: the answers that count; empty for other types. */
  acceptedAnswers: Array<Scalars['String']['output']>;
  /** `SHORT_TEXT`: whether case matters; `null` for other types. */
  caseSensitive?: Maybe<Scalars['Boolean']['output']>;
  /** `TRUE_FALSE`: whether the statement is true; `null` for other types. */
  correctAnswer?: Maybe<Scalars['Boolean']['output']>;
  /** Shown to players after submitting when the review policy allows. */
  explanation?: Maybe<Scalars['String']['output']>;
  /** Identifies the question within its version. */
  id: Scalars['ID']['output'];
  /** `ORDERING`: the items in their right order; empty for other types. */
  items: Array<Option>;
  /** `NUMERIC`: the right value; `null` for other types. */
  numericAnswer?: Maybe<Scalars['Float']['output']>;
  /** Choice options with their correctness (and weights for `MULTIPLE_CHOICE`); empty for other types. */
  options: Array<KeyedOption>;
  /** The points a fully right answer earns. */
  points: Scalars['Int']['output'];
  /** 1-based position in the quiz. */
  position: Scalars['Int']['output'];
  /** The question itself. */
  prompt: Scalars['String']['output'];
  /** `MULTIPLE_CHOICE` and `ORDERING`: whether it gives partial credit; `null` for other types. */
  scoring?: Maybe<PartialScoring>;
  /** `NUMERIC`: how far from the value an answer may be and still count; `null` for other types. */
  tolerance?: Maybe<Scalars['Float']['output']>;
  /** How it is answered. */
  type: QuestionType;
};

/** Which of a player's attempts ranks on a quiz's leaderboard. */
export type LeaderboardAttempt =
  /** The best attempt (practice quizzes). */
  | 'BEST'
  /** The first attempt only: replaying cannot improve a rank (competitive quizzes). */
  | 'FIRST';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds a question at `position` (default: last). On a published quiz this makes a new version, which
   * must be publishable as a whole.
   */
  addQuestion: Quiz;
  /**
   * Retires a published quiz: no new attempts; past results, leaderboards and totals keep it. Archiving
   * an archived quiz returns it unchanged.
   */
  archiveQuiz: Quiz;
  /** Creates a draft quiz written by the signed-in user, who must be an `AUTHOR` or an `ADMIN` (`FORBIDDEN` otherwise). */
  createQuiz: Quiz;
  /** Deletes a draft for good and returns its id. Published and archived quizzes cannot be deleted (`CONFLICT`). */
  deleteQuiz: Scalars['ID']['output'];
  /**
   * Creates a draft from a JSON document (`exportQuiz`'s format) or GIFT text. Every problem is reported at
   * once in `extensions.problems`, with its JSON path or GIFT line.
   */
  importQuiz: Quiz;
  /**
   * Opens a draft to players. Only its author or an admin may; it needs a question, and every question a
   * valid answer key. Publishing a published quiz returns it unchanged.
   */
  publishQuiz: Quiz;
  /** Removes a question of the current version (a new version on a published quiz). */
  removeQuestion: Quiz;
  /** Puts the current questions in a new order (a new version on a published quiz). */
  reorderQuestions: Quiz;
  /**
   * Replaces a question of the current version. On a published quiz this makes a new version (with new
   * question ids: read them from the returned quiz).
   */
  updateQuestion: Quiz;
  /**
   * Changes a quiz's description in place, and its settings: in place for a draft, as a new version for a
   * published quiz. The author or an admin only; archived quizzes do not change (`CONFLICT`).
   */
  updateQuiz: Quiz;
};


export type MutationAddQuestionArgs = {
  position?: InputMaybe<Scalars['Int']['input']>;
  question: QuestionInput;
  quizId: Scalars['ID']['input'];
};


export type MutationArchiveQuizArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateQuizArgs = {
  input: CreateQuizInput;
};


export type MutationDeleteQuizArgs = {
  id: Scalars['ID']['input'];
};


export type MutationImportQuizArgs = {
  input: ImportQuizInput;
};


export type MutationPublishQuizArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveQuestionArgs = {
  questionId: Scalars['ID']['input'];
};


export type MutationReorderQuestionsArgs = {
  questionIds: Array<Scalars['ID']['input']>;
  quizId: Scalars['ID']['input'];
};


export type MutationUpdateQuestionArgs = {
  question: QuestionInput;
  questionId: Scalars['ID']['input'];
};


export type MutationUpdateQuizArgs = {
  id: Scalars['ID']['input'];
  input: UpdateQuizInput;
};

/** An option of a choice question, or an item of an ordering question. */
export type Option = {
  __typename?: 'Option';
  /** Send this id in `AnswerInput.optionIds` or `AnswerInput.order`. */
  id: Scalars['ID']['output'];
  /** What the player reads. */
  label: Scalars['String']['output'];
};

/** An option of a choice question. */
export type OptionInput = {
  /** Marks the option right. Stored in the answer key; players never see it. */
  correct?: InputMaybe<Scalars['Boolean']['input']>;
  /** 1 to 500 characters. */
  label: Scalars['String']['input'];
  /** `MULTIPLE_CHOICE` with `PARTIAL` scoring: the share of the points choosing it adds, -1 to 1 (negative for wrong options). */
  weight?: InputMaybe<Scalars['Float']['input']>;
};

/** Where a page sits in its list (Relay). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of this page: pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items come before this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of this page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Whether a `MULTIPLE_CHOICE` or `ORDERING` question gives part of its points for a partly right answer. */
export type PartialScoring =
  /** Only a fully right answer scores: the exact set of correct options, or every item in place. */
  | 'ALL_OR_NOTHING'
  /** Part of the points: the chosen options' weights added up (wrong ones subtract, never below 0), or the share of items in their right place. */
  | 'PARTIAL';

export type Query = {
  __typename?: 'Query';
  /** The categories of published quizzes with how many each holds, largest first. */
  categories?: Maybe<Array<CategoryCount>>;
  /**
   * A quiz's current version as a JSON document in Quizgraph's exchange format (docs/quiz-format.md),
   * answer key included: the quiz's author and admins only. `importQuiz` reads it back.
   */
  exportQuiz?: Maybe<Scalars['String']['output']>;
  /** A quiz by id: `null` if it does not exist or is a draft the caller may not see. */
  quiz?: Maybe<Quiz>;
  /**
   * Quizzes a Relay connection at a time: published ones plus the caller's own drafts, narrowed by `filter`.
   * Pass `first` (at most 100) and the `endCursor` of the previous page as `after` (with the same `orderBy`).
   * `null`, with a `SERVICE_UNAVAILABLE` error, while quizzes cannot answer.
   */
  quizzes?: Maybe<QuizConnection>;
};


export type QueryExportQuizArgs = {
  id: Scalars['ID']['input'];
};


export type QueryQuizArgs = {
  id: Scalars['ID']['input'];
};


export type QueryQuizzesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<QuizFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<QuizOrder>;
};

/** A question as players see it: the prompt and what to choose from, never which answer is correct. */
export type Question = {
  __typename?: 'Question';
  /** Identifies the question within its quiz version: send it as `AnswerInput.questionId`. */
  id: Scalars['ID']['output'];
  /** The items to put in order (`ORDERING`), never shown in their right order; empty for other types. */
  items: Array<Option>;
  /** The options to choose from (`SINGLE_CHOICE`, `MULTIPLE_CHOICE`); empty for other types. */
  options: Array<Option>;
  /** Whether a partly right answer earns part of the points (`MULTIPLE_CHOICE` and `ORDERING` with `PARTIAL` scoring). */
  partialCredit: Scalars['Boolean']['output'];
  /** The points a fully right answer earns. */
  points: Scalars['Int']['output'];
  /** 1-based position in the quiz. */
  position: Scalars['Int']['output'];
  /** The question itself. */
  prompt: Scalars['String']['output'];
  /** How it is answered. */
  type: QuestionType;
};

/**
 * A question as an author writes it. Give `type` and the fields that type takes; a field of another type
 * is refused by name.
 * - `SINGLE_CHOICE`: `options` (2 to 10), exactly one `correct` (checked when publishing).
 * - `MULTIPLE_CHOICE`: `options` with one or more `correct`, and `scoring`; with `PARTIAL` scoring each option may
 *   carry a `weight` (correct ones positive and adding up to 1, wrong ones negative). Without weights the correct
 *   options share 1 and the wrong ones share -1.
 * - `TRUE_FALSE`: `correctAnswer`.
 * - `NUMERIC`: `numericAnswer` and `tolerance`.
 * - `SHORT_TEXT`: `acceptedAnswers` and `caseSensitive`.
 * - `ORDERING`: `items` in their right order, and `scoring`.
 */
export type QuestionInput = {
  /** `SHORT_TEXT`: 1 to 20 answers that count, up to 200 characters each. */
  acceptedAnswers?: InputMaybe<Array<Scalars['String']['input']>>;
  /** `SHORT_TEXT`: whether case matters (default `false`). */
  caseSensitive?: InputMaybe<Scalars['Boolean']['input']>;
  /** `TRUE_FALSE`: whether the statement is true. */
  correctAnswer?: InputMaybe<Scalars['Boolean']['input']>;
  /** Shown to players after submitting when the review policy allows (up to 2000 characters). */
  explanation?: InputMaybe<Scalars['String']['input']>;
  /** `ORDERING`: 2 to 10 items in their right order (players see them scrambled). */
  items?: InputMaybe<Array<Scalars['String']['input']>>;
  /** `NUMERIC`: the right value. */
  numericAnswer?: InputMaybe<Scalars['Float']['input']>;
  /** `SINGLE_CHOICE`, `MULTIPLE_CHOICE`: 2 to 10 options, in the order players see them. */
  options?: InputMaybe<Array<OptionInput>>;
  /** 1 to 100; default 1. */
  points?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 1000 characters. */
  prompt: Scalars['String']['input'];
  /** `MULTIPLE_CHOICE`, `ORDERING`: default `ALL_OR_NOTHING`. */
  scoring?: InputMaybe<PartialScoring>;
  /** `NUMERIC`: how far from the value an answer may be (default 0). */
  tolerance?: InputMaybe<Scalars['Float']['input']>;
  /** How it is answered; default `SINGLE_CHOICE`. */
  type?: InputMaybe<QuestionType>;
};

/** How a question is answered (send the matching field of `AnswerInput`). */
export type QuestionType =
  /** One or more options are correct; the player picks any number (`optionIds`). */
  | 'MULTIPLE_CHOICE'
  /** A number, right within the author's tolerance (`number`). */
  | 'NUMERIC'
  /** Items to put in their right order (`order`: every item id, first to last). */
  | 'ORDERING'
  /** A short text compared with the accepted answers, ignoring surrounding and repeated spaces, and case unless the question is case sensitive (`text`). */
  | 'SHORT_TEXT'
  /** Exactly one option is correct; the player picks one (`optionIds` with one id). */
  | 'SINGLE_CHOICE'
  /** A statement that is true or false (`boolean`). */
  | 'TRUE_FALSE';

/**
 * A quiz: a titled list of questions. What players see never says which answer is correct; the quiz's
 * author and admins read the answer key through `versions`.
 */
export type Quiz = {
  __typename?: 'Quiz';
  /** When the quiz was archived; `null` unless it is. */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Attempts submitted on any version, as the results service last reported (eventually consistent). */
  attemptCount: Scalars['Int']['output'];
  /** The user who wrote the quiz (`null` if that account no longer exists). */
  author?: Maybe<User>;
  /** A free-form category such as `science`, if the author gave one (lower case). */
  category?: Maybe<Scalars['String']['output']>;
  /** When the quiz was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What the quiz is about (may be empty). */
  description: Scalars['String']['output'];
  /** How hard the author says it is. */
  difficulty: Difficulty;
  /** Stable identifier of the quiz. */
  id: Scalars['ID']['output'];
  /** When the quiz was first published; `null` for drafts. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many questions the current version has. */
  questionCount: Scalars['Int']['output'];
  /**
   * The questions of the current version, in order, without their answers. A timed quiz shows them to
   * players only inside an attempt (`Attempt.questions`), so the server's clock measures all the time
   * spent on them: here they are empty for anyone but its author and admins.
   */
  questions: Array<Question>;
  /** The current version's settings. */
  settings: QuizSettings;
  /** Where the quiz is in its life. */
  status: QuizStatus;
  /** Up to 10 lower-case tags. */
  tags: Array<Scalars['String']['output']>;
  /** What the quiz is called. */
  title: Scalars['String']['output'];
  /** The most points an attempt on the current version can score. */
  totalPoints: Scalars['Int']['output'];
  /** When the quiz last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The current version; attempts are scored against the version they were taken on. */
  version: Scalars['Int']['output'];
  /**
   * Every version with its full answer key, weights and explanations, newest first (or only `version`).
   * The quiz's author and admins only: anyone else gets `FORBIDDEN`.
   */
  versions?: Maybe<Array<QuizVersion>>;
};


/**
 * A quiz: a titled list of questions. What players see never says which answer is correct; the quiz's
 * author and admins read the answer key through `versions`.
 */
export type QuizVersionsArgs = {
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of quizzes (Relay cursor connection). */
export type QuizConnection = {
  __typename?: 'QuizConnection';
  /** The quizzes of this page, in order. */
  edges: Array<QuizEdge>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** How many quizzes match, over all pages (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One quiz in a page. */
export type QuizEdge = {
  __typename?: 'QuizEdge';
  /** Pass as `after` to get the quizzes that follow this one. */
  cursor: Scalars['String']['output'];
  /** The quiz. */
  node: Quiz;
};

/** Narrows `quizzes`. Every given field must match. */
export type QuizFilter = {
  /** Only quizzes by this user. */
  authorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this category. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Only this difficulty. */
  difficulty?: InputMaybe<Difficulty>;
  /** Words to find in the title, tags or description; each word matches as a prefix (`plan` finds `planets`). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only this status (drafts: the caller's own, or any for admins). Default: published quizzes plus the caller's own drafts (admins: every draft). */
  status?: InputMaybe<QuizStatus>;
  /** Only quizzes carrying every one of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A format `importQuiz` reads. */
export type QuizImportFormat =
  /** Moodle's GIFT text format, for the question types it can express (not `ORDERING`). */
  | 'GIFT'
  /** Quizgraph's own JSON exchange format, as `exportQuiz` writes it (see docs/quiz-format.md). */
  | 'JSON';

/** How `quizzes` orders its results. */
export type QuizOrder =
  /** Most recently created first (the default without a search). */
  | 'NEWEST'
  /** Most attempted first. */
  | 'POPULAR'
  /** Best match for `filter.search` first (the default with a search). */
  | 'RELEVANCE'
  /** By title, A to Z, ignoring case. */
  | 'TITLE';

/** A quiz version's settings: fixed for every attempt taken on that version. */
export type QuizSettings = {
  __typename?: 'QuizSettings';
  /** Which of a player's attempts ranks on the quiz's leaderboard. */
  leaderboardAttempt: LeaderboardAttempt;
  /** How many attempts each player may make; `null` for no limit. */
  maxAttempts?: Maybe<Scalars['Int']['output']>;
  /** What a player sees after submitting. */
  reviewPolicy: ReviewPolicy;
  /** How points are counted. */
  scoringPolicy: ScoringPolicy;
  /** Whether each attempt shows a question's options in its own order. */
  shuffleOptions: Scalars['Boolean']['output'];
  /** Whether each attempt shows the questions in its own order. */
  shuffleQuestions: Scalars['Boolean']['output'];
  /** Seconds a player has from starting an attempt; `null` for untimed quizzes. */
  timeLimitSeconds?: Maybe<Scalars['Int']['output']>;
};

/** Settings to set; fields left out keep their value (for a new quiz: the default shown). */
export type QuizSettingsInput = {
  /** Default `BEST`; `FIRST` for competitive quizzes. */
  leaderboardAttempt?: InputMaybe<LeaderboardAttempt>;
  /** 1 to 1000 attempts per player; `null` removes the limit (default: none). */
  maxAttempts?: InputMaybe<Scalars['Int']['input']>;
  /** Default `QUESTION_RESULTS`. */
  reviewPolicy?: InputMaybe<ReviewPolicy>;
  /** Default `CORRECTNESS`; `SPEED` needs a time limit. */
  scoringPolicy?: InputMaybe<ScoringPolicy>;
  /** Default `false`. */
  shuffleOptions?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default `false`. */
  shuffleQuestions?: InputMaybe<Scalars['Boolean']['input']>;
  /** 10 to 86400 seconds; `null` removes the limit (default: none). */
  timeLimitSeconds?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a quiz is in its life: written as a `DRAFT`, `PUBLISHED` for players, `ARCHIVED` when retired. */
export type QuizStatus =
  /** No longer open to attempts or edits; past results keep showing it. */
  | 'ARCHIVED'
  /** Visible to its author and admins only; edited in place. */
  | 'DRAFT'
  /** Listed for everyone and open to attempts. Edits make a new version. */
  | 'PUBLISHED';

/** One version of a quiz with its answer key: what its author and admins read. */
export type QuizVersion = {
  __typename?: 'QuizVersion';
  /** When this version was made. */
  createdAt: Scalars['DateTime']['output'];
  /** The questions with their keys, in order. */
  questions: Array<KeyedQuestion>;
  /** This version's settings. */
  settings: QuizSettings;
  /** The most points an attempt on this version can score. */
  totalPoints: Scalars['Int']['output'];
  /** The version number (1 for the first). */
  version: Scalars['Int']['output'];
};

/** What a player sees after submitting; each level includes the ones before it. */
export type ReviewPolicy =
  /** Also the correct answers. */
  | 'CORRECT_ANSWERS'
  /** Also the authors' explanations. */
  | 'EXPLANATIONS'
  /** The score and which questions were right. */
  | 'QUESTION_RESULTS'
  /** The score only. */
  | 'SCORE_ONLY';

/** How an attempt's points are counted. */
export type ScoringPolicy =
  /** Each question earns its score; the attempt earns their sum. */
  | 'CORRECTNESS'
  /** A correct answer earns between half and all of its points, linearly with the share of the time limit left at submission. Needs a time limit. */
  | 'SPEED';

/** Changes to a quiz's description and settings. Fields left out stay as they are. */
export type UpdateQuizInput = {
  /** Up to 50 characters; an empty string or `null` removes it. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Up to 2000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How hard the quiz is. */
  difficulty?: InputMaybe<Difficulty>;
  /** Settings to change. On a published quiz a change of settings makes a new version. */
  settings?: InputMaybe<QuizSettingsInput>;
  /** Replaces every tag (up to 10). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 1 to 200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A user, as the quizzes service knows them: by id, with the quizzes they wrote. */
export type User = {
  __typename?: 'User';
  /**
   * Quizzes this user wrote, newest first: published and archived ones for everyone, drafts too for the user
   * and admins. `null`, with a `SERVICE_UNAVAILABLE` error, while quizzes cannot answer.
   */
  authoredQuizzes?: Maybe<QuizConnection>;
  id: Scalars['ID']['output'];
};


/** A user, as the quizzes service knows them: by id, with the quizzes they wrote. */
export type UserAuthoredQuizzesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Quiz: Quiz;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Quiz:
    ( { __typename: 'Quiz' }
    & GraphQLRecursivePick<FederationTypes['Quiz'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CategoryCount: ResolverTypeWrapper<CategoryCount>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CreateQuizInput: CreateQuizInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Difficulty: Difficulty;
  ImportQuizInput: ImportQuizInput;
  KeyedOption: ResolverTypeWrapper<KeyedOptionView>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  KeyedQuestion: ResolverTypeWrapper<KeyedQuestionRow>;
  LeaderboardAttempt: LeaderboardAttempt;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Option: ResolverTypeWrapper<LabelledItem>;
  OptionInput: OptionInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartialScoring: PartialScoring;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Question: ResolverTypeWrapper<PlayerQuestion>;
  QuestionInput: QuestionInput;
  QuestionType: QuestionType;
  Quiz: ResolverTypeWrapper<QuizModel>;
  QuizConnection: ResolverTypeWrapper<QuizPage>;
  QuizEdge: ResolverTypeWrapper<Omit<QuizEdge, 'node'> & { node: ResolversTypes['Quiz'] }>;
  QuizFilter: QuizFilter;
  QuizImportFormat: QuizImportFormat;
  QuizOrder: QuizOrder;
  QuizSettings: ResolverTypeWrapper<QuizSettingsModel>;
  QuizSettingsInput: QuizSettingsInput;
  QuizStatus: QuizStatus;
  QuizVersion: ResolverTypeWrapper<QuizVersionView>;
  ReviewPolicy: ReviewPolicy;
  ScoringPolicy: ScoringPolicy;
  UpdateQuizInput: UpdateQuizInput;
  User: ResolverTypeWrapper<UserRef>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CategoryCount: CategoryCount;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  CreateQuizInput: CreateQuizInput;
  DateTime: Scalars['DateTime']['output'];
  ImportQuizInput: ImportQuizInput;
  KeyedOption: KeyedOptionView;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  Float: Scalars['Float']['output'];
  KeyedQuestion: KeyedQuestionRow;
  Mutation: Record<PropertyKey, never>;
  Option: LabelledItem;
  OptionInput: OptionInput;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Question: PlayerQuestion;
  QuestionInput: QuestionInput;
  Quiz: QuizModel;
  QuizConnection: QuizPage;
  QuizEdge: Omit<QuizEdge, 'node'> & { node: ResolversParentTypes['Quiz'] };
  QuizFilter: QuizFilter;
  QuizSettings: QuizSettingsModel;
  QuizSettingsInput: QuizSettingsInput;
  QuizVersion: QuizVersionView;
  UpdateQuizInput: UpdateQuizInput;
  User: UserRef;
}>;

export type CategoryCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CategoryCount'] = ResolversParentTypes['CategoryCount']> = ResolversObject<{
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type KeyedOptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['KeyedOption'] = ResolversParentTypes['KeyedOption']> = ResolversObject<{
  correct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type KeyedQuestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['KeyedQuestion'] = ResolversParentTypes['KeyedQuestion']> = ResolversObject<{
  acceptedAnswers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  caseSensitive?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  correctAnswer?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  explanation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['Option']>, ParentType, ContextType>;
  numericAnswer?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['KeyedOption']>, ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prompt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scoring?: Resolver<Maybe<ResolversTypes['PartialScoring']>, ParentType, ContextType>;
  tolerance?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['QuestionType'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addQuestion?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationAddQuestionArgs, 'question' | 'quizId'>>;
  archiveQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationArchiveQuizArgs, 'id'>>;
  createQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationCreateQuizArgs, 'input'>>;
  deleteQuiz?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationDeleteQuizArgs, 'id'>>;
  importQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationImportQuizArgs, 'input'>>;
  publishQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationPublishQuizArgs, 'id'>>;
  removeQuestion?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationRemoveQuestionArgs, 'questionId'>>;
  reorderQuestions?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationReorderQuestionsArgs, 'questionIds' | 'quizId'>>;
  updateQuestion?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationUpdateQuestionArgs, 'question' | 'questionId'>>;
  updateQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationUpdateQuizArgs, 'id' | 'input'>>;
}>;

export type OptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Option'] = ResolversParentTypes['Option']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  categories?: Resolver<Maybe<Array<ResolversTypes['CategoryCount']>>, ParentType, ContextType>;
  exportQuiz?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, RequireFields<QueryExportQuizArgs, 'id'>>;
  quiz?: Resolver<Maybe<ResolversTypes['Quiz']>, ParentType, ContextType, RequireFields<QueryQuizArgs, 'id'>>;
  quizzes?: Resolver<Maybe<ResolversTypes['QuizConnection']>, ParentType, ContextType, RequireFields<QueryQuizzesArgs, 'first'>>;
}>;

export type QuestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Question'] = ResolversParentTypes['Question']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['Option']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['Option']>, ParentType, ContextType>;
  partialCredit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prompt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['QuestionType'], ParentType, ContextType>;
}>;

export type QuizResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Quiz'] = ResolversParentTypes['Quiz'], FederationReferenceType extends FederationReferenceTypes['Quiz'] = FederationReferenceTypes['Quiz']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Quiz']> | FederationReferenceType, FederationReferenceType, ContextType>;
  archivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  attemptCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  difficulty?: Resolver<ResolversTypes['Difficulty'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  questionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questions?: Resolver<Array<ResolversTypes['Question']>, ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['QuizSettings'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['QuizStatus'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versions?: Resolver<Maybe<Array<ResolversTypes['QuizVersion']>>, ParentType, ContextType, Partial<QuizVersionsArgs>>;
}>;

export type QuizConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuizConnection'] = ResolversParentTypes['QuizConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['QuizEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type QuizEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuizEdge'] = ResolversParentTypes['QuizEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType>;
}>;

export type QuizSettingsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuizSettings'] = ResolversParentTypes['QuizSettings']> = ResolversObject<{
  leaderboardAttempt?: Resolver<ResolversTypes['LeaderboardAttempt'], ParentType, ContextType>;
  maxAttempts?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reviewPolicy?: Resolver<ResolversTypes['ReviewPolicy'], ParentType, ContextType>;
  scoringPolicy?: Resolver<ResolversTypes['ScoringPolicy'], ParentType, ContextType>;
  shuffleOptions?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shuffleQuestions?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  timeLimitSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type QuizVersionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuizVersion'] = ResolversParentTypes['QuizVersion']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  questions?: Resolver<Array<ResolversTypes['KeyedQuestion']>, ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['QuizSettings'], ParentType, ContextType>;
  totalPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  authoredQuizzes?: Resolver<Maybe<ResolversTypes['QuizConnection']>, ParentType, ContextType, RequireFields<UserAuthoredQuizzesArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  CategoryCount?: CategoryCountResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  KeyedOption?: KeyedOptionResolvers<ContextType>;
  KeyedQuestion?: KeyedQuestionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Option?: OptionResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Question?: QuestionResolvers<ContextType>;
  Quiz?: QuizResolvers<ContextType>;
  QuizConnection?: QuizConnectionResolvers<ContextType>;
  QuizEdge?: QuizEdgeResolvers<ContextType>;
  QuizSettings?: QuizSettingsResolvers<ContextType>;
  QuizVersion?: QuizVersionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

