import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Quiz as QuizModel, Option as OptionModel } from '../__generated__/prisma/client.js';
import type { QuestionWithOptions, UserRef } from '../models.js';
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

/** A new quiz. It starts as a `DRAFT`; `publishQuiz` opens it to players. */
export type CreateQuizInput = {
  category?: InputMaybe<Scalars['String']['input']>;
  /** Up to 2000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  difficulty?: InputMaybe<Difficulty>;
  /**
   * Any unique string (a UUID is ideal). Sending the same key again returns the quiz created the first
   * time instead of a duplicate, so a retried request is safe.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 questions, in order. */
  questions: Array<QuestionInput>;
  /** Up to 10 tags of up to 30 characters. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 1 to 200 characters. */
  title: Scalars['String']['input'];
};

/** How hard the author says a quiz is. */
export type Difficulty =
  | 'EASY'
  | 'HARD'
  | 'MEDIUM';

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates a draft quiz written by the signed-in user, who must be an `AUTHOR` or an `ADMIN` (`FORBIDDEN` otherwise). */
  createQuiz: Quiz;
  /**
   * Opens a draft to players. Only its author or an admin may; every question must have a valid answer
   * key. Publishing a published quiz returns it unchanged.
   */
  publishQuiz: Quiz;
};


export type MutationCreateQuizArgs = {
  input: CreateQuizInput;
};


export type MutationPublishQuizArgs = {
  id: Scalars['ID']['input'];
};

/** One option of a choice question. */
export type Option = {
  __typename?: 'Option';
  /** Send this id in `submitQuiz` answers. */
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
};

export type OptionInput = {
  /** Marks the correct option. Stored as the answer key; players never see it. */
  correct?: Scalars['Boolean']['input'];
  /** 1 to 500 characters. */
  label: Scalars['String']['input'];
};

/** Where a page sits in its list (Relay). */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** A quiz by id: `null` if it does not exist or is a draft the caller may not see. */
  quiz?: Maybe<Quiz>;
  /**
   * Published quizzes, newest first, plus the caller's own drafts. A Relay connection: pass `first` (at most
   * 100) and the `endCursor` of the previous page as `after`.
   */
  quizzes: QuizConnection;
};


export type QueryQuizArgs = {
  id: Scalars['ID']['input'];
};


export type QueryQuizzesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<QuizFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A question as players see it: the prompt and the options, never which option is correct. */
export type Question = {
  __typename?: 'Question';
  id: Scalars['ID']['output'];
  /** The options to choose from, in order. */
  options: Array<Option>;
  /** The points a fully correct answer earns. */
  points: Scalars['Int']['output'];
  /** 1-based position in the quiz. */
  position: Scalars['Int']['output'];
  prompt: Scalars['String']['output'];
  type: QuestionType;
};

/** A single-choice question: 2 to 10 options, exactly one of them correct. */
export type QuestionInput = {
  /** Shown to players after review (up to 2000 characters). */
  explanation?: InputMaybe<Scalars['String']['input']>;
  options: Array<OptionInput>;
  /** 1 to 100. */
  points?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 1000 characters. */
  prompt: Scalars['String']['input'];
};

/** How a question is answered. */
export type QuestionType =
  /** Exactly one option is correct; the player picks one. */
  | 'SINGLE_CHOICE';

/** A quiz: a titled list of questions. What players see never says which answer is correct. */
export type Quiz = {
  __typename?: 'Quiz';
  /** The user who wrote the quiz (`null` if that account no longer exists). */
  author?: Maybe<User>;
  /** A free-form category such as `science`, if the author gave one. */
  category?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  difficulty: Difficulty;
  /** Stable identifier of the quiz. */
  id: Scalars['ID']['output'];
  /** When the quiz was first published; `null` for drafts. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  questionCount: Scalars['Int']['output'];
  /** The questions of the current version, in order, without their answers. */
  questions: Array<Question>;
  status: QuizStatus;
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** The most points an attempt can score. */
  totalPoints: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** The current version; attempts are scored against the version they were taken on. */
  version: Scalars['Int']['output'];
};

/** A page of quizzes (Relay cursor connection). */
export type QuizConnection = {
  __typename?: 'QuizConnection';
  edges: Array<QuizEdge>;
  pageInfo: PageInfo;
  /** How many quizzes match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type QuizEdge = {
  __typename?: 'QuizEdge';
  /** Pass as `after` to get the quizzes that follow this one. */
  cursor: Scalars['String']['output'];
  node: Quiz;
};

/** Narrows `quizzes`. Every given field must match. */
export type QuizFilter = {
  /** Only quizzes by this user. */
  authorId?: InputMaybe<Scalars['ID']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  difficulty?: InputMaybe<Difficulty>;
  /** Words that must appear in the title or the description (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** Where a quiz is in its life: written as a `DRAFT`, `PUBLISHED` for players, `ARCHIVED` when retired. */
export type QuizStatus =
  /** No longer open to attempts; past results keep showing it. */
  | 'ARCHIVED'
  /** Visible to its author and admins only. */
  | 'DRAFT'
  /** Listed for everyone and open to attempts. */
  | 'PUBLISHED';

/** A user, as the quizzes service knows them: by id, with the quizzes they wrote. */
export type User = {
  __typename?: 'User';
  /** Quizzes this user wrote, newest first: published ones for everyone, drafts too for the user and admins. */
  authoredQuizzes: QuizConnection;
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
  CreateQuizInput: CreateQuizInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Difficulty: Difficulty;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Option: ResolverTypeWrapper<OptionModel>;
  OptionInput: OptionInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Question: ResolverTypeWrapper<QuestionWithOptions>;
  QuestionInput: QuestionInput;
  QuestionType: QuestionType;
  Quiz: ResolverTypeWrapper<QuizModel>;
  QuizConnection: ResolverTypeWrapper<Omit<QuizConnection, 'edges'> & { edges: Array<ResolversTypes['QuizEdge']> }>;
  QuizEdge: ResolverTypeWrapper<Omit<QuizEdge, 'node'> & { node: ResolversTypes['Quiz'] }>;
  QuizFilter: QuizFilter;
  QuizStatus: QuizStatus;
  User: ResolverTypeWrapper<UserRef>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CreateQuizInput: CreateQuizInput;
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  Option: OptionModel;
  OptionInput: OptionInput;
  Boolean: Scalars['Boolean']['output'];
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  Question: QuestionWithOptions;
  QuestionInput: QuestionInput;
  Quiz: QuizModel;
  QuizConnection: Omit<QuizConnection, 'edges'> & { edges: Array<ResolversParentTypes['QuizEdge']> };
  QuizEdge: Omit<QuizEdge, 'node'> & { node: ResolversParentTypes['Quiz'] };
  QuizFilter: QuizFilter;
  User: UserRef;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationCreateQuizArgs, 'input'>>;
  publishQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationPublishQuizArgs, 'id'>>;
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
  quiz?: Resolver<Maybe<ResolversTypes['Quiz']>, ParentType, ContextType, RequireFields<QueryQuizArgs, 'id'>>;
  quizzes?: Resolver<ResolversTypes['QuizConnection'], ParentType, ContextType, RequireFields<QueryQuizzesArgs, 'first'>>;
}>;

export type QuestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Question'] = ResolversParentTypes['Question']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['Option']>, ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prompt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['QuestionType'], ParentType, ContextType>;
}>;

export type QuizResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Quiz'] = ResolversParentTypes['Quiz'], FederationReferenceType extends FederationReferenceTypes['Quiz'] = FederationReferenceTypes['Quiz']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Quiz']> | FederationReferenceType, FederationReferenceType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  difficulty?: Resolver<ResolversTypes['Difficulty'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  questionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questions?: Resolver<Array<ResolversTypes['Question']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['QuizStatus'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  authoredQuizzes?: Resolver<ResolversTypes['QuizConnection'], ParentType, ContextType, RequireFields<UserAuthoredQuizzesArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Option?: OptionResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Question?: QuestionResolvers<ContextType>;
  Quiz?: QuizResolvers<ContextType>;
  QuizConnection?: QuizConnectionResolvers<ContextType>;
  QuizEdge?: QuizEdgeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

