import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Attempt as AttemptModel } from '../__generated__/prisma/client.js';
import type { QuizRef, UserRef } from '../models.js';
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
  /** A question id from `Quiz.questions`. */
  questionId: Scalars['ID']['input'];
  /** `SHORT_TEXT`: the player's text, up to 500 characters. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** One scored try at a quiz. Scored on the server against the answer key of the quiz version it was taken on. */
export type Attempt = {
  __typename?: 'Attempt';
  /** Questions answered fully correctly. */
  correctCount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** The most points the quiz version offered. */
  maxScore: Scalars['Int']['output'];
  /** score / maxScore × 100, rounded to two decimals. */
  percentage: Scalars['Float']['output'];
  /** Who took it (`null` once the player has deleted their account). */
  player?: Maybe<User>;
  /** Questions in the quiz version attempted. */
  questionCount: Scalars['Int']['output'];
  /** The quiz attempted (`null` if it no longer exists). */
  quiz?: Maybe<Quiz>;
  /** The quiz version the attempt was scored against; later edits never change it. */
  quizVersion: Scalars['Int']['output'];
  /** Points earned, exact to 1/10,000 of a point (partial credit keeps its fraction). */
  score: Scalars['Float']['output'];
  /** When the attempt was submitted (server time). */
  submittedAt: Scalars['DateTime']['output'];
  /** Server-measured time between start and submission, in milliseconds (0 for `submitQuiz`, which starts and submits at once). */
  timeTakenMs: Scalars['Int']['output'];
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
  /** On a quiz: the player's best score on it. Globally: the sum of best scores over quizzes. */
  score: Scalars['Float']['output'];
  /** Time taken for that score, in milliseconds: the tie-breaker after the score. */
  timeTakenMs: Scalars['Int']['output'];
  /** The player (`null` if the account no longer exists). */
  user?: Maybe<User>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Scores a set of answers to a published quiz and records the attempt. Unanswered questions score 0.
   * With an `idempotencyKey` (any unique string, such as a UUID), sending the same submission again returns
   * the first result instead of recording a second attempt.
   */
  submitQuiz: Attempt;
};


export type MutationSubmitQuizArgs = {
  answers: Array<AnswerInput>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  quizId: Scalars['ID']['input'];
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
   * The global leaderboard: players ranked by the sum over quizzes of their best score on each, so replaying
   * a quiz never inflates it. Pass `first` (at most 100) and `after` to page.
   */
  leaderboard: LeaderboardConnection;
};


export type QueryAttemptArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLeaderboardArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A quiz, with what results knows of it. */
export type Quiz = {
  __typename?: 'Quiz';
  id: Scalars['ID']['output'];
  /** Each player's best attempt, best first. Ties: higher score, then less time, then earlier; equal rows share a rank. */
  leaderboard: LeaderboardConnection;
  /** How players have done on this quiz. */
  stats: QuizStats;
};


/** A quiz, with what results knows of it. */
export type QuizLeaderboardArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How players have done on one quiz. */
export type QuizStats = {
  __typename?: 'QuizStats';
  /** Attempts submitted on any version. */
  attempts: Scalars['Int']['output'];
  /** Mean percentage over all attempts; `null` before the first. */
  averagePercentage?: Maybe<Scalars['Float']['output']>;
  /** Distinct players with at least one attempt. */
  players: Scalars['Int']['output'];
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
  id: Scalars['ID']['output'];
  /** How this user has done over all quizzes. */
  stats: UserStats;
};

/** A player's record over all quizzes. */
export type UserStats = {
  __typename?: 'UserStats';
  /** Attempts submitted. */
  attempts: Scalars['Int']['output'];
  /** Mean percentage over all attempts; `null` before the first. */
  averagePercentage?: Maybe<Scalars['Float']['output']>;
  /** Best percentage of any attempt; `null` before the first. */
  bestPercentage?: Maybe<Scalars['Float']['output']>;
  /** Consecutive UTC days with an attempt, up to today (or yesterday, if none yet today). */
  currentStreakDays: Scalars['Int']['output'];
  /** The longest run of consecutive UTC days with an attempt. */
  longestStreakDays: Scalars['Int']['output'];
  /** Distinct quizzes with at least one submitted attempt. */
  quizzesCompleted: Scalars['Int']['output'];
  /** Position on the global leaderboard; `null` before the first attempt. */
  rank?: Maybe<Scalars['Int']['output']>;
  /** The sum over quizzes of the best score on each: what the global leaderboard ranks. */
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
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  LeaderboardConnection: ResolverTypeWrapper<LeaderboardPage>;
  LeaderboardEdge: ResolverTypeWrapper<Omit<LeaderboardEdge, 'node'> & { node: ResolversTypes['LeaderboardEntry'] }>;
  LeaderboardEntry: ResolverTypeWrapper<LeaderboardRow>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quiz: ResolverTypeWrapper<QuizRef>;
  QuizStats: ResolverTypeWrapper<QuizStats>;
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
  DateTime: Scalars['DateTime']['output'];
  LeaderboardConnection: LeaderboardPage;
  LeaderboardEdge: Omit<LeaderboardEdge, 'node'> & { node: ResolversParentTypes['LeaderboardEntry'] };
  LeaderboardEntry: LeaderboardRow;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Quiz: QuizRef;
  QuizStats: QuizStats;
  ScoreBucket: ScoreBucket;
  User: UserRef;
  UserStats: UserStats;
}>;

export type AttemptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Attempt'] = ResolversParentTypes['Attempt'], FederationReferenceType extends FederationReferenceTypes['Attempt'] = FederationReferenceTypes['Attempt']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Attempt']> | FederationReferenceType, FederationReferenceType, ContextType>;
  correctCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxScore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percentage?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  player?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  questionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quiz?: Resolver<Maybe<ResolversTypes['Quiz']>, ParentType, ContextType>;
  quizVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  timeTakenMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

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
  timeTakenMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  submitQuiz?: Resolver<ResolversTypes['Attempt'], ParentType, ContextType, RequireFields<MutationSubmitQuizArgs, 'answers' | 'quizId'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  attempt?: Resolver<Maybe<ResolversTypes['Attempt']>, ParentType, ContextType, RequireFields<QueryAttemptArgs, 'id'>>;
  leaderboard?: Resolver<ResolversTypes['LeaderboardConnection'], ParentType, ContextType, RequireFields<QueryLeaderboardArgs, 'first'>>;
}>;

export type QuizResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Quiz'] = ResolversParentTypes['Quiz'], FederationReferenceType extends FederationReferenceTypes['Quiz'] = FederationReferenceTypes['Quiz']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Quiz']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leaderboard?: Resolver<ResolversTypes['LeaderboardConnection'], ParentType, ContextType, RequireFields<QuizLeaderboardArgs, 'first'>>;
  stats?: Resolver<ResolversTypes['QuizStats'], ParentType, ContextType>;
}>;

export type QuizStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuizStats'] = ResolversParentTypes['QuizStats']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averagePercentage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  players?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scoreDistribution?: Resolver<Array<ResolversTypes['ScoreBucket']>, ParentType, ContextType>;
}>;

export type ScoreBucketResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ScoreBucket'] = ResolversParentTypes['ScoreBucket']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fromPercentage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  toPercentage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stats?: Resolver<ResolversTypes['UserStats'], ParentType, ContextType>;
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
  DateTime?: GraphQLScalarType;
  LeaderboardConnection?: LeaderboardConnectionResolvers<ContextType>;
  LeaderboardEdge?: LeaderboardEdgeResolvers<ContextType>;
  LeaderboardEntry?: LeaderboardEntryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quiz?: QuizResolvers<ContextType>;
  QuizStats?: QuizStatsResolvers<ContextType>;
  ScoreBucket?: ScoreBucketResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserStats?: UserStatsResolvers<ContextType>;
}>;

