import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Attempt as AttemptModel } from '../__generated__/prisma/client.js';
import type { AttemptQuestionView, QuestionReviewView, GivenAnswerView } from '../review.js';
import type { AttemptPage } from '../history.js';
import type { QuizRef, UserRef } from '../models.js';
import type { QuizStatsView, QuestionStatsView } from '../stats.js';
import type { LeaderboardPage, LeaderboardRow } from '../leaderboards.js';
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

/**
 * The answer to one question: its id and the one field its type takes (see `QuestionType`). A question left
 * out, or sent without that field, is unanswered and scores 0.
 */
export type AnswerInput = {
  /** `TRUE_FALSE`: whether the player says the statement is true. */
  boolean?: InputMaybe<Scalars['Boolean']['input']>;
  /** `NUMERIC`: the player's number. */
  number?: InputMaybe<Scalars['Float']['input']>;
  /** `SINGLE_CHOICE` (one id) and `MULTIPLE_CHOICE` (any number): the chosen option ids. */
  optionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** `ORDERING`: every item id of the question, in the order the player puts them. */
  order?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** A question id from `Attempt.questions` (or `Quiz.questions` for `submitQuiz`). */
  questionId: Scalars['ID']['input'];
  /** `SHORT_TEXT`: the player's text, up to 500 characters. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/**
 * One try at a quiz: started on a version of it (which it stays pinned to), then submitted and scored on
 * the server against that version's answer key, or expired.
 */
export type Attempt = {
  __typename?: 'Attempt';
  /** Questions answered fully right; `null` until submitted, and `null` if the review policy shows the score only. */
  correctCount?: Maybe<Scalars['Int']['output']>;
  /** When the time limit runs out; `null` for untimed quizzes. Answers are refused after it (plus a short grace). */
  deadline?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The most points the quiz version offered. */
  maxScore: Scalars['Int']['output'];
  /** The player's 1st, 2nd, … attempt at this quiz. */
  number: Scalars['Int']['output'];
  /** score / maxScore × 100, rounded to two decimals; `null` until submitted. */
  percentage?: Maybe<Scalars['Float']['output']>;
  /** Who took it (`null` once the player has deleted their account). */
  player?: Maybe<User>;
  /** Questions in the quiz version attempted. */
  questionCount: Scalars['Int']['output'];
  /**
   * The questions in the order this attempt shows them (shuffled per attempt when the quiz says so, and
   * always the same for the same attempt), with the player's answers and the review the quiz's review
   * policy allows once submitted.
   */
  questions: Array<AttemptQuestion>;
  /** The quiz attempted (`null` if it no longer exists). */
  quiz?: Maybe<Quiz>;
  /** The quiz version the attempt was taken on; later edits never change it. */
  quizVersion: Scalars['Int']['output'];
  /** Points earned, exact to 1/10,000 of a point (partial credit keeps its fraction); `null` until submitted. */
  score?: Maybe<Scalars['Float']['output']>;
  /** When the attempt started (server time). */
  startedAt: Scalars['DateTime']['output'];
  /** Where the attempt is in its life. */
  status: AttemptStatus;
  /** When the attempt was submitted (server time); `null` until then. */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Server-measured time from start to submission, in milliseconds (0 for `submitQuiz`, which starts and submits at once); `null` until submitted. */
  timeTakenMs?: Maybe<Scalars['Int']['output']>;
};

/** A page of a player's attempts, newest first (Relay cursor connection). */
export type AttemptConnection = {
  __typename?: 'AttemptConnection';
  /** The attempts of this page. */
  edges: Array<AttemptEdge>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
};

/** One attempt in a page. */
export type AttemptEdge = {
  __typename?: 'AttemptEdge';
  /** Pass as `after` to get the attempts that follow this one. */
  cursor: Scalars['String']['output'];
  /** The attempt. */
  node: Attempt;
};

/** An option or an ORDERING item of an attempt's question. */
export type AttemptOption = {
  __typename?: 'AttemptOption';
  /** Send this id in `AnswerInput.optionIds` or `AnswerInput.order`. */
  id: Scalars['ID']['output'];
  /** What the player reads. */
  label: Scalars['String']['output'];
};

/** A question as this attempt shows it, with its review after submission. */
export type AttemptQuestion = {
  __typename?: 'AttemptQuestion';
  /** The question id: send it as `AnswerInput.questionId`. */
  id: Scalars['ID']['output'];
  /** The items to put in order, in this attempt's (never the right) order; empty for other types. */
  items: Array<AttemptOption>;
  /** The options to choose from, in this attempt's order; empty for other types. */
  options: Array<AttemptOption>;
  /** Whether a partly right answer earns part of the points. */
  partialCredit: Scalars['Boolean']['output'];
  /** The points a fully right answer earns. */
  points: Scalars['Int']['output'];
  /** 1-based position in this attempt's order. */
  position: Scalars['Int']['output'];
  /** The question itself. */
  prompt: Scalars['String']['output'];
  /** What the player answered and what the review policy shows of it; `null` until the attempt is submitted. */
  review?: Maybe<QuestionReview>;
  /** How it is answered. */
  type: QuestionType;
};

/** Where an attempt is in its life. */
export type AttemptStatus =
  /** Its deadline (plus a short grace) passed before it was submitted: it scores nothing and is closed. */
  | 'EXPIRED'
  /** Started and open for answers until its deadline (if the quiz is timed). */
  | 'IN_PROGRESS'
  /** Submitted and scored. */
  | 'SUBMITTED';

/** An answer to one question, in the field its type takes (the others are `null` or empty). */
export type GivenAnswer = {
  __typename?: 'GivenAnswer';
  /** `SHORT_TEXT` right answers: every accepted text. */
  acceptedTexts: Array<Scalars['String']['output']>;
  /** `TRUE_FALSE`. */
  boolean?: Maybe<Scalars['Boolean']['output']>;
  /** `NUMERIC`: the number (for a right answer: the value; see `tolerance`). */
  number?: Maybe<Scalars['Float']['output']>;
  /** `SINGLE_CHOICE`, `MULTIPLE_CHOICE`: the option ids (for a right answer: the correct options). */
  optionIds: Array<Scalars['ID']['output']>;
  /** `ORDERING`: the item ids in order. */
  order: Array<Scalars['ID']['output']>;
  /** `SHORT_TEXT`: the text given. */
  text?: Maybe<Scalars['String']['output']>;
  /** `NUMERIC` right answers: how far from `number` an answer may be. */
  tolerance?: Maybe<Scalars['Float']['output']>;
};

/** A page of a leaderboard (Relay cursor connection), with the caller's own entry. */
export type LeaderboardConnection = {
  __typename?: 'LeaderboardConnection';
  /** The entries of this page, best first. */
  edges: Array<LeaderboardEdge>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Players on the whole leaderboard. */
  totalCount: Scalars['Int']['output'];
  /** The signed-in caller's own entry, wherever it is; `null` when anonymous or not ranked yet. */
  viewerEntry?: Maybe<LeaderboardEntry>;
};

/** One entry of a leaderboard page. */
export type LeaderboardEdge = {
  __typename?: 'LeaderboardEdge';
  /** Pass as `after` to get the entries that follow this one. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: LeaderboardEntry;
  /** Position on the leaderboard (1, 2, 2, 4 for a tie). */
  rank: Scalars['Int']['output'];
};

/** A player's standing on a leaderboard. */
export type LeaderboardEntry = {
  __typename?: 'LeaderboardEntry';
  /** When the player reached this score. */
  achievedAt: Scalars['DateTime']['output'];
  /** Position on the leaderboard (1, 2, 2, 4 for a tie). */
  rank: Scalars['Int']['output'];
  /** On a quiz: the player's ranking score on it. Globally: the sum of those over quizzes. */
  score: Scalars['Float']['output'];
  /** Time taken for that score, in milliseconds (globally: summed): the tie-breaker after the score. */
  timeTakenMs: Scalars['Float']['output'];
  /** The player (`null` if the account no longer exists). */
  user?: Maybe<User>;
};

/** Which period a leaderboard covers, by submission time in UTC. */
export type LeaderboardWindow =
  /** Every attempt ever submitted. */
  | 'ALL_TIME'
  /** Attempts submitted today (UTC). */
  | 'DAY'
  /** Attempts submitted this calendar month (UTC). */
  | 'MONTH'
  /** Attempts submitted this ISO week, Monday to Sunday (UTC). */
  | 'WEEK';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Starts an attempt at a published quiz: records the server's start time and, for a timed quiz, the
   * deadline; pins the current version; fixes this attempt's question and option order. Refuses a draft
   * (`NOT_FOUND`), an archived quiz (`CONFLICT`) and a player who has used `maxAttempts` (`FORBIDDEN`).
   */
  startAttempt: Attempt;
  /**
   * Submits the answers of an attempt the caller started, scores them against the pinned version's key and
   * returns the result with the review its policy allows. An attempt is scored once: submitting it again
   * (with any key) returns the first result. After the deadline plus a short grace it is closed as
   * `EXPIRED` and the answers are refused with `DEADLINE_EXCEEDED`.
   */
  submitAttempt: Attempt;
  /**
   * Starts and submits an attempt at an untimed quiz in one step (`BAD_USER_INPUT` for a timed quiz: use
   * `startAttempt`). With an `idempotencyKey`, sending the same submission again returns the first result.
   */
  submitQuiz: Attempt;
};


export type MutationStartAttemptArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  quizId: Scalars['ID']['input'];
};


export type MutationSubmitAttemptArgs = {
  answers: Array<AnswerInput>;
  attemptId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSubmitQuizArgs = {
  answers: Array<AnswerInput>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  quizId: Scalars['ID']['input'];
};

/** How many times an option was chosen. */
export type OptionChoiceCount = {
  __typename?: 'OptionChoiceCount';
  /** Times chosen. */
  count: Scalars['Int']['output'];
  /** The option's (or item's) id. */
  optionId: Scalars['ID']['output'];
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

export type Query = {
  __typename?: 'Query';
  /** An attempt: only its player and admins may read it; anyone else gets `null`. */
  attempt?: Maybe<Attempt>;
  /**
   * The global leaderboard: players ranked by the sum over quizzes of their ranking score on each, so
   * replaying a quiz never inflates it. Pass `first` (at most 100) and `after` to page. `null`, with a
   * `SERVICE_UNAVAILABLE` error, while results cannot answer.
   */
  leaderboard?: Maybe<LeaderboardConnection>;
};


export type QueryAttemptArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLeaderboardArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  window?: InputMaybe<LeaderboardWindow>;
};

/** A question of a submitted attempt, as far as the quiz's review policy shows it. */
export type QuestionReview = {
  __typename?: 'QuestionReview';
  /** What the player answered; `null` if the question was left unanswered. */
  answer?: Maybe<GivenAnswer>;
  /** Whether the answer was fully right (review policy `QUESTION_RESULTS` and above); else `null`. */
  correct?: Maybe<Scalars['Boolean']['output']>;
  /** The right answer (`CORRECT_ANSWERS` and above); else `null`. */
  correctAnswer?: Maybe<GivenAnswer>;
  /** The author's explanation (`EXPLANATIONS`); else `null`. */
  explanation?: Maybe<Scalars['String']['output']>;
  /** The points it earned (`QUESTION_RESULTS` and above); else `null`. */
  score?: Maybe<Scalars['Float']['output']>;
};

/** How players answered one question (item analysis). */
export type QuestionStats = {
  __typename?: 'QuestionStats';
  /** Submitted attempts that included the question. */
  answered: Scalars['Int']['output'];
  /**
   * Discrimination index: the correlation (-1 to 1) between this question's score and the rest of the
   * attempt's score, over first attempts only; `null` until it can be computed (two first attempts that differ).
   */
  discriminationIndex?: Maybe<Scalars['Float']['output']>;
  /** Facility index: the mean share of the points earned, 0 to 1; `null` before any answer. */
  facilityIndex?: Maybe<Scalars['Float']['output']>;
  /** How many times each option was chosen (for ORDERING: put first). */
  options: Array<OptionChoiceCount>;
  /** 1-based position in the quiz. */
  position: Scalars['Int']['output'];
  /** The question's id (of the current version). */
  questionId: Scalars['ID']['output'];
};

/** How a question is answered (the quizzes service's `QuestionType`, shared across the graph). */
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

/** A quiz, with what results knows of it. */
export type Quiz = {
  __typename?: 'Quiz';
  id: Scalars['ID']['output'];
  /**
   * The quiz's leaderboard: each player's ranking attempt (first or best, as the quiz says), best first. Ties:
   * higher score, then less time, then earlier; equal score and time share a rank (1, 2, 2, 4). `null`, with
   * a `SERVICE_UNAVAILABLE` error, while results cannot answer.
   */
  leaderboard?: Maybe<LeaderboardConnection>;
  /** How players have done on this quiz (`null`, with a `SERVICE_UNAVAILABLE` error, while results cannot answer). */
  stats?: Maybe<QuizStats>;
};


/** A quiz, with what results knows of it. */
export type QuizLeaderboardArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  window?: InputMaybe<LeaderboardWindow>;
};

/** How players have done on one quiz. */
export type QuizStats = {
  __typename?: 'QuizStats';
  /** Attempts submitted on any version. */
  attempts: Scalars['Int']['output'];
  /** Mean percentage over all submitted attempts; `null` before the first. */
  averagePercentage?: Maybe<Scalars['Float']['output']>;
  /** Distinct players with at least one submitted attempt. */
  players: Scalars['Int']['output'];
  /**
   * Item analysis of the current version's questions: the quiz's author and admins only (`FORBIDDEN` for
   * anyone else).
   */
  questions?: Maybe<Array<QuestionStats>>;
  /** Attempts per tenth of the percentage range, from 0–10 % to 90–100 %. */
  scoreDistribution: Array<ScoreBucket>;
};

/** How many attempts scored a percentage in [fromPercentage, toPercentage) (the last bucket includes 100). */
export type ScoreBucket = {
  __typename?: 'ScoreBucket';
  /** Attempts in the bucket. */
  count: Scalars['Int']['output'];
  /** The lowest percentage in the bucket. */
  fromPercentage: Scalars['Int']['output'];
  /** The percentage the bucket ends before (100 is in the last bucket). */
  toPercentage: Scalars['Int']['output'];
};

/** A user, with what results knows of them. */
export type User = {
  __typename?: 'User';
  /** This user's attempts, newest first: the user and admins only (`FORBIDDEN` for anyone else). */
  attempts?: Maybe<AttemptConnection>;
  id: Scalars['ID']['output'];
  /** How this user has done over all quizzes (`null`, with a `SERVICE_UNAVAILABLE` error, while results cannot answer). */
  stats?: Maybe<UserStats>;
};


/** A user, with what results knows of them. */
export type UserAttemptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  quizId?: InputMaybe<Scalars['ID']['input']>;
};

/** A player's record over all quizzes. */
export type UserStats = {
  __typename?: 'UserStats';
  /** Attempts submitted. */
  attempts: Scalars['Int']['output'];
  /** Mean percentage over all submitted attempts; `null` before the first. */
  averagePercentage?: Maybe<Scalars['Float']['output']>;
  /** Best percentage of any attempt; `null` before the first. */
  bestPercentage?: Maybe<Scalars['Float']['output']>;
  /** Consecutive UTC days with a submission, up to today (or yesterday, if none yet today). */
  currentStreakDays: Scalars['Int']['output'];
  /** The longest run of consecutive UTC days with a submission. */
  longestStreakDays: Scalars['Int']['output'];
  /** Distinct quizzes with at least one submitted attempt. */
  quizzesCompleted: Scalars['Int']['output'];
  /** Position on the global all-time leaderboard; `null` before the first attempt. */
  rank?: Maybe<Scalars['Int']['output']>;
  /** The sum over quizzes of the ranking score on each: what the global leaderboard ranks. */
  totalScore: Scalars['Float']['output'];
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
  Attempt: Attempt;
  Quiz: Quiz;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Attempt:
    ( { __typename: 'Attempt' }
    & GraphQLRecursivePick<FederationTypes['Attempt'], {"id":true}> );
  Quiz:
    ( { __typename: 'Quiz' }
    & GraphQLRecursivePick<FederationTypes['Quiz'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AnswerInput: AnswerInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Attempt: ResolverTypeWrapper<AttemptModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AttemptConnection: ResolverTypeWrapper<AttemptPage>;
  AttemptEdge: ResolverTypeWrapper<Omit<AttemptEdge, 'node'> & { node: ResolversTypes['Attempt'] }>;
  AttemptOption: ResolverTypeWrapper<AttemptOption>;
  AttemptQuestion: ResolverTypeWrapper<AttemptQuestionView>;
  AttemptStatus: AttemptStatus;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  GivenAnswer: ResolverTypeWrapper<GivenAnswerView>;
  LeaderboardConnection: ResolverTypeWrapper<LeaderboardPage>;
  LeaderboardEdge: ResolverTypeWrapper<Omit<LeaderboardEdge, 'node'> & { node: ResolversTypes['LeaderboardEntry'] }>;
  LeaderboardEntry: ResolverTypeWrapper<LeaderboardRow>;
  LeaderboardWindow: LeaderboardWindow;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OptionChoiceCount: ResolverTypeWrapper<OptionChoiceCount>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QuestionReview: ResolverTypeWrapper<QuestionReviewView>;
  QuestionStats: ResolverTypeWrapper<QuestionStatsView>;
  QuestionType: QuestionType;
  Quiz: ResolverTypeWrapper<QuizRef>;
  QuizStats: ResolverTypeWrapper<QuizStatsView>;
  ScoreBucket: ResolverTypeWrapper<ScoreBucket>;
  User: ResolverTypeWrapper<UserRef>;
  UserStats: ResolverTypeWrapper<UserStats>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AnswerInput: AnswerInput;
  Boolean: Scalars['Boolean']['output'];
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Attempt: AttemptModel;
  Int: Scalars['Int']['output'];
  AttemptConnection: AttemptPage;
  AttemptEdge: Omit<AttemptEdge, 'node'> & { node: ResolversParentTypes['Attempt'] };
  AttemptOption: AttemptOption;
  AttemptQuestion: AttemptQuestionView;
  DateTime: Scalars['DateTime']['output'];
  GivenAnswer: GivenAnswerView;
  LeaderboardConnection: LeaderboardPage;
  LeaderboardEdge: Omit<LeaderboardEdge, 'node'> & { node: ResolversParentTypes['LeaderboardEntry'] };
  LeaderboardEntry: LeaderboardRow;
  Mutation: Record<PropertyKey, never>;
  OptionChoiceCount: OptionChoiceCount;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  QuestionReview: QuestionReviewView;
  QuestionStats: QuestionStatsView;
  Quiz: QuizRef;
  QuizStats: QuizStatsView;
  ScoreBucket: ScoreBucket;
  User: UserRef;
  UserStats: UserStats;
}>;

export type AttemptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Attempt'] = ResolversParentTypes['Attempt'], FederationReferenceType extends FederationReferenceTypes['Attempt'] = FederationReferenceTypes['Attempt']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Attempt']> | FederationReferenceType, FederationReferenceType, ContextType>;
  correctCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  deadline?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxScore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percentage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  player?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  questionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questions?: Resolver<Array<ResolversTypes['AttemptQuestion']>, ParentType, ContextType>;
  quiz?: Resolver<Maybe<ResolversTypes['Quiz']>, ParentType, ContextType>;
  quizVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AttemptStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  timeTakenMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type AttemptConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AttemptConnection'] = ResolversParentTypes['AttemptConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AttemptEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type AttemptEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AttemptEdge'] = ResolversParentTypes['AttemptEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Attempt'], ParentType, ContextType>;
}>;

export type AttemptOptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AttemptOption'] = ResolversParentTypes['AttemptOption']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AttemptQuestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AttemptQuestion'] = ResolversParentTypes['AttemptQuestion']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['AttemptOption']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['AttemptOption']>, ParentType, ContextType>;
  partialCredit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prompt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  review?: Resolver<Maybe<ResolversTypes['QuestionReview']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['QuestionType'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type GivenAnswerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GivenAnswer'] = ResolversParentTypes['GivenAnswer']> = ResolversObject<{
  acceptedTexts?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  boolean?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  optionIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  order?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tolerance?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type LeaderboardConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderboardConnection'] = ResolversParentTypes['LeaderboardConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['LeaderboardEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  viewerEntry?: Resolver<Maybe<ResolversTypes['LeaderboardEntry']>, ParentType, ContextType>;
}>;

export type LeaderboardEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderboardEdge'] = ResolversParentTypes['LeaderboardEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LeaderboardEntry'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type LeaderboardEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderboardEntry'] = ResolversParentTypes['LeaderboardEntry']> = ResolversObject<{
  achievedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  timeTakenMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  startAttempt?: Resolver<ResolversTypes['Attempt'], ParentType, ContextType, RequireFields<MutationStartAttemptArgs, 'quizId'>>;
  submitAttempt?: Resolver<ResolversTypes['Attempt'], ParentType, ContextType, RequireFields<MutationSubmitAttemptArgs, 'answers' | 'attemptId'>>;
  submitQuiz?: Resolver<ResolversTypes['Attempt'], ParentType, ContextType, RequireFields<MutationSubmitQuizArgs, 'answers' | 'quizId'>>;
}>;

export type OptionChoiceCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OptionChoiceCount'] = ResolversParentTypes['OptionChoiceCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  optionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  attempt?: Resolver<Maybe<ResolversTypes['Attempt']>, ParentType, ContextType, RequireFields<QueryAttemptArgs, 'id'>>;
  leaderboard?: Resolver<Maybe<ResolversTypes['LeaderboardConnection']>, ParentType, ContextType, RequireFields<QueryLeaderboardArgs, 'first' | 'window'>>;
}>;

export type QuestionReviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuestionReview'] = ResolversParentTypes['QuestionReview']> = ResolversObject<{
  answer?: Resolver<Maybe<ResolversTypes['GivenAnswer']>, ParentType, ContextType>;
  correct?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  correctAnswer?: Resolver<Maybe<ResolversTypes['GivenAnswer']>, ParentType, ContextType>;
  explanation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type QuestionStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuestionStats'] = ResolversParentTypes['QuestionStats']> = ResolversObject<{
  answered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  discriminationIndex?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  facilityIndex?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['OptionChoiceCount']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QuizResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Quiz'] = ResolversParentTypes['Quiz'], FederationReferenceType extends FederationReferenceTypes['Quiz'] = FederationReferenceTypes['Quiz']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Quiz']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leaderboard?: Resolver<Maybe<ResolversTypes['LeaderboardConnection']>, ParentType, ContextType, RequireFields<QuizLeaderboardArgs, 'first' | 'window'>>;
  stats?: Resolver<Maybe<ResolversTypes['QuizStats']>, ParentType, ContextType>;
}>;

export type QuizStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuizStats'] = ResolversParentTypes['QuizStats']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averagePercentage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  players?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questions?: Resolver<Maybe<Array<ResolversTypes['QuestionStats']>>, ParentType, ContextType>;
  scoreDistribution?: Resolver<Array<ResolversTypes['ScoreBucket']>, ParentType, ContextType>;
}>;

export type ScoreBucketResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ScoreBucket'] = ResolversParentTypes['ScoreBucket']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fromPercentage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  toPercentage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attempts?: Resolver<Maybe<ResolversTypes['AttemptConnection']>, ParentType, ContextType, RequireFields<UserAttemptsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stats?: Resolver<Maybe<ResolversTypes['UserStats']>, ParentType, ContextType>;
}>;

export type UserStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserStats'] = ResolversParentTypes['UserStats']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averagePercentage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bestPercentage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  currentStreakDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  longestStreakDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quizzesCompleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rank?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  totalScore?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Attempt?: AttemptResolvers<ContextType>;
  AttemptConnection?: AttemptConnectionResolvers<ContextType>;
  AttemptEdge?: AttemptEdgeResolvers<ContextType>;
  AttemptOption?: AttemptOptionResolvers<ContextType>;
  AttemptQuestion?: AttemptQuestionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  GivenAnswer?: GivenAnswerResolvers<ContextType>;
  LeaderboardConnection?: LeaderboardConnectionResolvers<ContextType>;
  LeaderboardEdge?: LeaderboardEdgeResolvers<ContextType>;
  LeaderboardEntry?: LeaderboardEntryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OptionChoiceCount?: OptionChoiceCountResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QuestionReview?: QuestionReviewResolvers<ContextType>;
  QuestionStats?: QuestionStatsResolvers<ContextType>;
  Quiz?: QuizResolvers<ContextType>;
  QuizStats?: QuizStatsResolvers<ContextType>;
  ScoreBucket?: ScoreBucketResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserStats?: UserStatsResolvers<ContextType>;
}>;

