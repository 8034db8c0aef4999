/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/**
 * The answer to one question: its id and the one field its type takes (see `QuestionType`). A question left
 * out, or sent without that field, is unanswered and scores 0.
 */
export type AnswerInput = {
  /** `TRUE_FALSE`: whether the player says the statement is true. */
  boolean?: boolean | null | undefined;
  /** `NUMERIC`: the player's number. */
  number?: number | null | undefined;
  /** `SINGLE_CHOICE` (one id) and `MULTIPLE_CHOICE` (any number): the chosen option ids. */
  optionIds?: Array<string> | null | undefined;
  /** `ORDERING`: every item id of the question, in the order the player puts them. */
  order?: Array<string> | null | undefined;
  /** A question id from `Attempt.questions` (or `Quiz.questions` for `submitQuiz`). */
  questionId: string;
  /** `SHORT_TEXT`: the player's text, up to 500 characters. */
  text?: string | null | undefined;
};

/** Where an attempt is in its life. */
export type AttemptStatus =
  /** Its deadline (plus a short grace) passed before it was submitted: it scores nothing and is closed. */
  | 'EXPIRED'
  /** Started and open for answers until its deadline (if the quiz is timed). */
  | 'IN_PROGRESS'
  /** Submitted and scored. */
  | 'SUBMITTED';

/** A new quiz. It starts as a `DRAFT`; `publishQuiz` opens it to players. */
export type CreateQuizInput = {
  /** Up to 50 characters; stored in lower case. */
  category?: string | null | undefined;
  /** Up to 2000 characters. */
  description?: string | null | undefined;
  /** Default `MEDIUM`. */
  difficulty?: Difficulty | null | undefined;
  /**
   * Any unique string (a UUID is ideal). Sending the same key again returns the quiz created the first
   * time instead of a duplicate, so a retried request is safe.
   */
  idempotencyKey?: string | null | undefined;
  /** Up to 100 questions, in order. A draft may start with none. */
  questions?: Array<QuestionInput> | null | undefined;
  /** Time limit, attempts, scoring and review; defaults where left out. */
  settings?: QuizSettingsInput | null | undefined;
  /** Up to 10 tags of up to 30 characters; stored in lower case, without repeats. */
  tags?: Array<string> | null | undefined;
  /** 1 to 200 characters. */
  title: string;
};

/** How hard the author says a quiz is. */
export type Difficulty =
  /** For newcomers. */
  | 'EASY'
  /** For experts. */
  | 'HARD'
  /** The default. */
  | 'MEDIUM';

/** Which of a player's attempts ranks on a quiz's leaderboard. */
export type LeaderboardAttempt =
  /** The best attempt (practice quizzes). */
  | 'BEST'
  /** The first attempt only: replaying cannot improve a rank (competitive quizzes). */
  | 'FIRST';

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

/** An option of a choice question. */
export type OptionInput = {
  /** Marks the option right. Stored in the answer key; players never see it. */
  correct?: boolean | null | undefined;
  /** 1 to 500 characters. */
  label: string;
  /** `MULTIPLE_CHOICE` with `PARTIAL` scoring: the share of the points choosing it adds, -1 to 1 (negative for wrong options). */
  weight?: number | null | undefined;
};

/** Whether a `MULTIPLE_CHOICE` or `ORDERING` question gives part of its points for a partly right answer. */
export type PartialScoring =
  /** Only a fully right answer scores: the exact set of correct options, or every item in place. */
  | 'ALL_OR_NOTHING'
  /** Part of the points: the chosen options' weights added up (wrong ones subtract, never below 0), or the share of items in their right place. */
  | 'PARTIAL';

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
  acceptedAnswers?: Array<string> | null | undefined;
  /** `SHORT_TEXT`: whether case matters (default `false`). */
  caseSensitive?: boolean | null | undefined;
  /** `TRUE_FALSE`: whether the statement is true. */
  correctAnswer?: boolean | null | undefined;
  /** Shown to players after submitting when the review policy allows (up to 2000 characters). */
  explanation?: string | null | undefined;
  /** `ORDERING`: 2 to 10 items in their right order (players see them scrambled). */
  items?: Array<string> | null | undefined;
  /** `NUMERIC`: the right value. */
  numericAnswer?: number | null | undefined;
  /** `SINGLE_CHOICE`, `MULTIPLE_CHOICE`: 2 to 10 options, in the order players see them. */
  options?: Array<OptionInput> | null | undefined;
  /** 1 to 100; default 1. */
  points?: number | null | undefined;
  /** 1 to 1000 characters. */
  prompt: string;
  /** `MULTIPLE_CHOICE`, `ORDERING`: default `ALL_OR_NOTHING`. */
  scoring?: PartialScoring | null | undefined;
  /** `NUMERIC`: how far from the value an answer may be (default 0). */
  tolerance?: number | null | undefined;
  /** How it is answered; default `SINGLE_CHOICE`. */
  type?: QuestionType | null | undefined;
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

/** Narrows `quizzes`. Every given field must match. */
export type QuizFilter = {
  /** Only quizzes by this user. */
  authorId?: string | null | undefined;
  /** Only this category. */
  category?: string | null | undefined;
  /** Only this difficulty. */
  difficulty?: Difficulty | null | undefined;
  /** Words to find in the title, tags or description; each word matches as a prefix (`plan` finds `planets`). */
  search?: string | null | undefined;
  /** Only this status (drafts: the caller's own, or any for admins). Default: published quizzes plus the caller's own drafts (admins: every draft). */
  status?: QuizStatus | null | undefined;
  /** Only quizzes carrying every one of these tags. */
  tags?: Array<string> | null | undefined;
};

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

/** Settings to set; fields left out keep their value (for a new quiz: the default shown). */
export type QuizSettingsInput = {
  /** Default `BEST`; `FIRST` for competitive quizzes. */
  leaderboardAttempt?: LeaderboardAttempt | null | undefined;
  /** 1 to 1000 attempts per player; `null` removes the limit (default: none). */
  maxAttempts?: number | null | undefined;
  /** Default `QUESTION_RESULTS`. */
  reviewPolicy?: ReviewPolicy | null | undefined;
  /** Default `CORRECTNESS`; `SPEED` needs a time limit. */
  scoringPolicy?: ScoringPolicy | null | undefined;
  /** Default `false`. */
  shuffleOptions?: boolean | null | undefined;
  /** Default `false`. */
  shuffleQuestions?: boolean | null | undefined;
  /** 10 to 86400 seconds; `null` removes the limit (default: none). */
  timeLimitSeconds?: number | null | undefined;
};

/** Where a quiz is in its life: written as a `DRAFT`, `PUBLISHED` for players, `ARCHIVED` when retired. */
export type QuizStatus =
  /** No longer open to attempts or edits; past results keep showing it. */
  | 'ARCHIVED'
  /** Visible to its author and admins only; edited in place. */
  | 'DRAFT'
  /** Listed for everyone and open to attempts. Edits make a new version. */
  | 'PUBLISHED';

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

/** What a user may do. Everyone starts as a `PLAYER`. */
export type Role =
  /** Also manages users and every quiz. */
  | 'ADMIN'
  /** Also writes and publishes quizzes. */
  | 'AUTHOR'
  /** Takes quizzes and appears on leaderboards. */
  | 'PLAYER';

/** How an attempt's points are counted. */
export type ScoringPolicy =
  /** Each question earns its score; the attempt earns their sum. */
  | 'CORRECTNESS'
  /** A correct answer earns between half and all of its points, linearly with the share of the time limit left at submission. Needs a time limit. */
  | 'SPEED';

/** Changes to a quiz's description and settings. Fields left out stay as they are. */
export type UpdateQuizInput = {
  /** Up to 50 characters; an empty string or `null` removes it. */
  category?: string | null | undefined;
  /** Up to 2000 characters. */
  description?: string | null | undefined;
  /** How hard the quiz is. */
  difficulty?: Difficulty | null | undefined;
  /** Settings to change. On a published quiz a change of settings makes a new version. */
  settings?: QuizSettingsInput | null | undefined;
  /** Replaces every tag (up to 10). */
  tags?: Array<string> | null | undefined;
  /** 1 to 200 characters. */
  title?: string | null | undefined;
};

export type AddQuestionMutationVariables = Exact<{
  quizId: string;
  question: QuestionInput;
  position?: number | null | undefined;
}>;


export type AddQuestionMutation = { addQuestion: { id: string, version: number, questions: Array<{ id: string, position: number, prompt: string }> } };

export type AnswerKeyQueryVariables = Exact<{
  id: string;
  version?: number | null | undefined;
}>;


export type AnswerKeyQuery = { quiz: { id: string, title: string, version: number, versions: Array<{ version: number, createdAt: string, totalPoints: number, settings: { timeLimitSeconds: number | null, maxAttempts: number | null, scoringPolicy: ScoringPolicy, reviewPolicy: ReviewPolicy, leaderboardAttempt: LeaderboardAttempt }, questions: Array<{ id: string, position: number, type: QuestionType, prompt: string, points: number, explanation: string | null, scoring: PartialScoring | null, correctAnswer: boolean | null, numericAnswer: number | null, tolerance: number | null, acceptedAnswers: Array<string>, caseSensitive: boolean | null, options: Array<{ id: string, label: string, correct: boolean, weight: number | null }>, items: Array<{ id: string, label: string }> }> }> | null } | null };

export type ArchiveQuizMutationVariables = Exact<{
  id: string;
}>;


export type ArchiveQuizMutation = { archiveQuiz: { id: string, status: QuizStatus, archivedAt: string | null } };

export type AuthorPageQueryVariables = Exact<{
  id: string;
}>;


export type AuthorPageQuery = { user: { id: string, displayName: string, authoredQuizzes: { totalCount: number, edges: Array<{ node: { id: string, title: string, status: QuizStatus } }> } | null } | null };

export type BoardsQueryVariables = Exact<{
  quizId: string;
  window?: LeaderboardWindow | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BoardsQuery = { board: { totalCount: number, edges: Array<{ cursor: string, rank: number, node: { score: number, timeTakenMs: number, user: { id: string, displayName: string } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean }, viewerEntry: { rank: number, score: number } | null } | null, quiz: { id: string, title: string, today: { edges: Array<{ rank: number, node: { score: number, user: { id: string, displayName: string } | null } }> } | null } | null };

export type BrowseQuizzesQueryVariables = Exact<{
  filter?: QuizFilter | null | undefined;
  orderBy?: QuizOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BrowseQuizzesQuery = { quizzes: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, attemptCount: number } }> } | null };

export type CategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoriesQuery = { categories: Array<{ category: string, count: number }> | null };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type CreateQuizMutationVariables = Exact<{
  input: CreateQuizInput;
}>;


export type CreateQuizMutation = { createQuiz: { id: string, title: string, status: QuizStatus, version: number, questionCount: number, totalPoints: number, questions: Array<{ id: string, position: number, type: QuestionType, prompt: string, points: number, partialCredit: boolean, options: Array<{ id: string, label: string }>, items: Array<{ id: string, label: string }> }> } };

export type DeleteAccountMutationVariables = Exact<{
  password: string;
}>;


export type DeleteAccountMutation = { deleteAccount: boolean };

export type DeleteQuizMutationVariables = Exact<{
  id: string;
}>;


export type DeleteQuizMutation = { deleteQuiz: string };

export type DescribeQuizMutationVariables = Exact<{
  id: string;
  input: UpdateQuizInput;
}>;


export type DescribeQuizMutation = { updateQuiz: { id: string, title: string, description: string, tags: Array<string>, difficulty: Difficulty, category: string | null, version: number } };

export type EditProfileMutationVariables = Exact<{
  displayName?: string | null | undefined;
  bio?: string | null | undefined;
  avatarUrl?: string | null | undefined;
}>;


export type EditProfileMutation = { updateProfile: { id: string, displayName: string, bio: string | null, avatarUrl: string | null } };

export type ExportQuizQueryVariables = Exact<{
  id: string;
}>;


export type ExportQuizQuery = { exportQuiz: string | null };

export type GlobalLeaderboardQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type GlobalLeaderboardQuery = { leaderboard: { totalCount: number, edges: Array<{ rank: number, node: { score: number, user: { id: string, displayName: string } | null } }>, viewerEntry: { rank: number, score: number } | null } | null };

export type HistoryQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  quizId?: string | null | undefined;
}>;


export type HistoryQuery = { me: { id: string, attempts: { edges: Array<{ node: { id: string, number: number, status: AttemptStatus, score: number | null, percentage: number | null, startedAt: string, quiz: { id: string, title: string } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null } | null };

export type ImportGiftMutationVariables = Exact<{
  title?: string | null | undefined;
  content: string;
}>;


export type ImportGiftMutation = { importQuiz: { id: string, title: string, status: QuizStatus, questions: Array<{ type: QuestionType, prompt: string }> } };

export type ImportJsonMutationVariables = Exact<{
  content: string;
  idempotencyKey?: string | null | undefined;
}>;


export type ImportJsonMutation = { importQuiz: { id: string, title: string, status: QuizStatus, questionCount: number } };

export type ItemAnalysisQueryVariables = Exact<{
  id: string;
}>;


export type ItemAnalysisQuery = { quiz: { id: string, stats: { attempts: number, questions: Array<{ position: number, answered: number, facilityIndex: number | null, discriminationIndex: number | null, options: Array<{ optionId: string, count: number }> }> | null } | null } | null };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string, displayName: string, role: Role } } };

export type LogoutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type LogoutMutation = { logout: boolean };

export type LogoutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutEverywhereMutation = { logoutEverywhere: number };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, displayName: string, email: string | null, role: Role, createdAt: string, sessions: Array<{ id: string, userAgent: string | null, lastUsedAt: string, current: boolean }> | null } | null };

export type MyDraftsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDraftsQuery = { quizzes: { edges: Array<{ node: { id: string, title: string, version: number, questionCount: number, updatedAt: string } }> } | null };

export type OneAttemptQueryVariables = Exact<{
  id: string;
}>;


export type OneAttemptQuery = { attempt: { id: string, score: number | null, maxScore: number, percentage: number | null, quizVersion: number, quiz: { id: string, title: string, version: number } | null, player: { id: string, displayName: string } | null } | null };

export type ProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileQuery = { me: { id: string, displayName: string, stats: { attempts: number, quizzesCompleted: number, totalScore: number, averagePercentage: number | null, bestPercentage: number | null, currentStreakDays: number, longestStreakDays: number, rank: number | null } | null } | null };

export type PublicProfileQueryVariables = Exact<{
  id: string;
}>;


export type PublicProfileQuery = { user: { id: string, displayName: string, bio: string | null, avatarUrl: string | null, role: Role, createdAt: string } | null };

export type PublishQuizMutationVariables = Exact<{
  id: string;
}>;


export type PublishQuizMutation = { publishQuiz: { id: string, status: QuizStatus, version: number, publishedAt: string | null } };

export type QuizPageQueryVariables = Exact<{
  id: string;
}>;


export type QuizPageQuery = { quiz: { id: string, title: string, attemptCount: number, author: { id: string, displayName: string } | null, stats: { attempts: number, players: number, averagePercentage: number | null, scoreDistribution: Array<{ fromPercentage: number, toPercentage: number, count: number }> } | null, leaderboard: { edges: Array<{ rank: number, node: { score: number, timeTakenMs: number, achievedAt: string, user: { id: string, displayName: string } | null } }> } | null } | null };

export type RefreshMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string } };

export type RegisterMutationVariables = Exact<{
  email: string;
  password: string;
  displayName: string;
}>;


export type RegisterMutation = { register: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string, displayName: string, role: Role, email: string | null } } };

export type RemoveQuestionMutationVariables = Exact<{
  questionId: string;
}>;


export type RemoveQuestionMutation = { removeQuestion: { id: string, version: number, questionCount: number, totalPoints: number } };

export type ReorderQuestionsMutationVariables = Exact<{
  quizId: string;
  questionIds: Array<string> | string;
}>;


export type ReorderQuestionsMutation = { reorderQuestions: { id: string, version: number, questions: Array<{ id: string, position: number }> } };

export type ReplaceQuestionMutationVariables = Exact<{
  questionId: string;
  question: QuestionInput;
}>;


export type ReplaceQuestionMutation = { updateQuestion: { id: string, version: number, questions: Array<{ id: string, position: number, type: QuestionType, prompt: string }> } };

export type SearchQuizzesQueryVariables = Exact<{
  search: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchQuizzesQuery = { quizzes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, category: string | null, tags: Array<string>, difficulty: Difficulty, questionCount: number, totalPoints: number, attemptCount: number, author: { id: string, displayName: string } | null } }> } | null };

export type SetUserRoleMutationVariables = Exact<{
  userId: string;
  role: Role;
}>;


export type SetUserRoleMutation = { setUserRole: { id: string, role: Role } };

export type StartAttemptMutationVariables = Exact<{
  quizId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type StartAttemptMutation = { startAttempt: { id: string, number: number, status: AttemptStatus, startedAt: string, deadline: string | null, quizVersion: number, questions: Array<{ id: string, position: number, type: QuestionType, prompt: string, points: number, options: Array<{ id: string, label: string }>, items: Array<{ id: string, label: string }> }> } };

export type SubmitAttemptMutationVariables = Exact<{
  attemptId: string;
  answers: Array<AnswerInput> | AnswerInput;
  idempotencyKey?: string | null | undefined;
}>;


export type SubmitAttemptMutation = { submitAttempt: { id: string, status: AttemptStatus, score: number | null, maxScore: number, percentage: number | null, correctCount: number | null, timeTakenMs: number | null, questions: Array<{ id: string, review: { correct: boolean | null, score: number | null, explanation: string | null, answer: { optionIds: Array<string>, order: Array<string>, boolean: boolean | null, number: number | null, text: string | null } | null, correctAnswer: { optionIds: Array<string>, order: Array<string>, boolean: boolean | null, number: number | null, tolerance: number | null, acceptedTexts: Array<string> } | null } | null }> } };

export type SubmitQuizMutationVariables = Exact<{
  quizId: string;
  answers: Array<AnswerInput> | AnswerInput;
  idempotencyKey?: string | null | undefined;
}>;


export type SubmitQuizMutation = { submitQuiz: { id: string, score: number | null, maxScore: number, percentage: number | null, correctCount: number | null, questionCount: number, quizVersion: number, timeTakenMs: number | null, submittedAt: string | null } };

export type TakeAQuizQueryVariables = Exact<{
  id: string;
}>;


export type TakeAQuizQuery = { quiz: { id: string, title: string, version: number, totalPoints: number, settings: { timeLimitSeconds: number | null, reviewPolicy: ReviewPolicy }, questions: Array<{ id: string, position: number, type: QuestionType, prompt: string, points: number, partialCredit: boolean, options: Array<{ id: string, label: string }>, items: Array<{ id: string, label: string }> }> } | null };

export type UpdateQuizSettingsMutationVariables = Exact<{
  id: string;
  settings: QuizSettingsInput;
}>;


export type UpdateQuizSettingsMutation = { updateQuiz: { id: string, version: number, settings: { timeLimitSeconds: number | null, maxAttempts: number | null, scoringPolicy: ScoringPolicy, shuffleQuestions: boolean, shuffleOptions: boolean, reviewPolicy: ReviewPolicy, leaderboardAttempt: LeaderboardAttempt } } };


export const AddQuestionDocument = {"__meta__":{"operationName":"AddQuestion","operationType":"mutation","body":"mutation AddQuestion($quizId: ID!, $question: QuestionInput!, $position: Int) {\n  addQuestion(quizId: $quizId, position: $position, question: $question) {\n    id\n    version\n    questions {\n      id\n      position\n      prompt\n    }\n  }\n}","hash":"4ab646e9ac271178e0a221032e1e1d84d107795523853d35f1101c1e62d72061"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"question"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuestionInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"position"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}},{"kind":"Argument","name":{"kind":"Name","value":"position"},"value":{"kind":"Variable","name":{"kind":"Name","value":"position"}}},{"kind":"Argument","name":{"kind":"Name","value":"question"},"value":{"kind":"Variable","name":{"kind":"Name","value":"question"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}}]}}]}}]}}]} as unknown as DocumentNode<AddQuestionMutation, AddQuestionMutationVariables>;
export const AnswerKeyDocument = {"__meta__":{"operationName":"AnswerKey","operationType":"query","body":"query AnswerKey($id: ID!, $version: Int) {\n  quiz(id: $id) {\n    id\n    title\n    version\n    versions(version: $version) {\n      version\n      createdAt\n      totalPoints\n      settings {\n        timeLimitSeconds\n        maxAttempts\n        scoringPolicy\n        reviewPolicy\n        leaderboardAttempt\n      }\n      questions {\n        id\n        position\n        type\n        prompt\n        points\n        explanation\n        scoring\n        options {\n          id\n          label\n          correct\n          weight\n        }\n        correctAnswer\n        numericAnswer\n        tolerance\n        acceptedAnswers\n        caseSensitive\n        items {\n          id\n          label\n        }\n      }\n    }\n  }\n}","hash":"6066357de9bb370acd57f4b554503b22cd12cc219ba8cc1bb94b961b651495ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnswerKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"maxAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"scoringPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"reviewPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"leaderboardAttempt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"scoring"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"correct"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"correctAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"numericAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"tolerance"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnswerKeyQuery, AnswerKeyQueryVariables>;
export const ArchiveQuizDocument = {"__meta__":{"operationName":"ArchiveQuiz","operationType":"mutation","body":"mutation ArchiveQuiz($id: ID!) {\n  archiveQuiz(id: $id) {\n    id\n    status\n    archivedAt\n  }\n}","hash":"044a353b3a822359400ac85b7e97f226a5281360218484f4539f9aa69d2b1ec1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]}}]} as unknown as DocumentNode<ArchiveQuizMutation, ArchiveQuizMutationVariables>;
export const AuthorPageDocument = {"__meta__":{"operationName":"AuthorPage","operationType":"query","body":"query AuthorPage($id: ID!) {\n  user(id: $id) {\n    id\n    displayName\n    authoredQuizzes(first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n  }\n}","hash":"f5a5f61020d011d6c3c834c0e39d44953f86ee2514d14cf93f7afe422940c617"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthorPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"authoredQuizzes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuthorPageQuery, AuthorPageQueryVariables>;
export const BoardsDocument = {"__meta__":{"operationName":"Boards","operationType":"query","body":"query Boards($quizId: ID!, $window: LeaderboardWindow = WEEK, $first: Int = 50, $after: String) {\n  board: leaderboard(first: $first, after: $after, window: $window) {\n    totalCount\n    edges {\n      cursor\n      rank\n      node {\n        score\n        timeTakenMs\n        user {\n          id\n          displayName\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    viewerEntry {\n      rank\n      score\n    }\n  }\n  quiz(id: $quizId) {\n    id\n    title\n    today: leaderboard(window: DAY) {\n      edges {\n        rank\n        node {\n          score\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n}","hash":"03381e51503ad7f4e6dfd5860ea88ae8f3000db71a85dc8b117d28c7afda0da3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Boards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeaderboardWindow"}},"defaultValue":{"kind":"EnumValue","value":"WEEK"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"board"},"name":{"kind":"Name","value":"leaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"timeTakenMs"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerEntry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","alias":{"kind":"Name","value":"today"},"name":{"kind":"Name","value":"leaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"EnumValue","value":"DAY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BoardsQuery, BoardsQueryVariables>;
export const BrowseQuizzesDocument = {"__meta__":{"operationName":"BrowseQuizzes","operationType":"query","body":"query BrowseQuizzes($filter: QuizFilter, $orderBy: QuizOrder, $first: Int = 2, $after: String) {\n  quizzes(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        attemptCount\n      }\n    }\n  }\n}","hash":"64c73159b1c9207991fbbb3b2571b51c82577139d25dc15d54f7b5d2309e0f2a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BrowseQuizzes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"QuizFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"QuizOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"2"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quizzes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BrowseQuizzesQuery, BrowseQuizzesQueryVariables>;
export const CategoriesDocument = {"__meta__":{"operationName":"Categories","operationType":"query","body":"query Categories {\n  categories {\n    category\n    count\n  }\n}","hash":"129a03b0fda8535e1732bd7491e6cd57e871f5aed46e8eee1c4daf49af68def3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<CategoriesQuery, CategoriesQueryVariables>;
export const ChangePasswordDocument = {"__meta__":{"operationName":"ChangePassword","operationType":"mutation","body":"mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n}","hash":"7f0a6b0db92d5a7d22267f951ee02f777c1a809310502943fe0c420069eb691f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currentPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}]}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const CreateQuizDocument = {"__meta__":{"operationName":"CreateQuiz","operationType":"mutation","body":"mutation CreateQuiz($input: CreateQuizInput!) {\n  createQuiz(input: $input) {\n    id\n    title\n    status\n    version\n    questionCount\n    totalPoints\n    questions {\n      id\n      position\n      type\n      prompt\n      points\n      partialCredit\n      options {\n        id\n        label\n      }\n      items {\n        id\n        label\n      }\n    }\n  }\n}","hash":"066073b1374b7b2ed77dcc57035f3c5c653ac40619e4d6f6544ee0f2f9a90694"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateQuizInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"partialCredit"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateQuizMutation, CreateQuizMutationVariables>;
export const DeleteAccountDocument = {"__meta__":{"operationName":"DeleteAccount","operationType":"mutation","body":"mutation DeleteAccount($password: String!) {\n  deleteAccount(password: $password)\n}","hash":"3761fde9406f21f72f146cc8c4e43a3c92e15e635b33a8b909db06f42e880472"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}]}]}}]} as unknown as DocumentNode<DeleteAccountMutation, DeleteAccountMutationVariables>;
export const DeleteQuizDocument = {"__meta__":{"operationName":"DeleteQuiz","operationType":"mutation","body":"mutation DeleteQuiz($id: ID!) {\n  deleteQuiz(id: $id)\n}","hash":"3d36f7eccfe4d4eb18266b468417fbef72b2aaa93bf40604db8fda7d8cb36197"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteQuizMutation, DeleteQuizMutationVariables>;
export const DescribeQuizDocument = {"__meta__":{"operationName":"DescribeQuiz","operationType":"mutation","body":"mutation DescribeQuiz($id: ID!, $input: UpdateQuizInput!) {\n  updateQuiz(id: $id, input: $input) {\n    id\n    title\n    description\n    tags\n    difficulty\n    category\n    version\n  }\n}","hash":"a32e457210ea679e35e9df0c288e4df1adb6576e40617ac66cc3cf8a7a8ea1e5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DescribeQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateQuizInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"difficulty"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<DescribeQuizMutation, DescribeQuizMutationVariables>;
export const EditProfileDocument = {"__meta__":{"operationName":"EditProfile","operationType":"mutation","body":"mutation EditProfile($displayName: String, $bio: String, $avatarUrl: String) {\n  updateProfile(displayName: $displayName, bio: $bio, avatarUrl: $avatarUrl) {\n    id\n    displayName\n    bio\n    avatarUrl\n  }\n}","hash":"4bd3d65233fbae26ecff64872deaae2088e320d524207db780179d99cdde24d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bio"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"avatarUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"displayName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}}},{"kind":"Argument","name":{"kind":"Name","value":"bio"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bio"}}},{"kind":"Argument","name":{"kind":"Name","value":"avatarUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"avatarUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}}]}}]}}]} as unknown as DocumentNode<EditProfileMutation, EditProfileMutationVariables>;
export const ExportQuizDocument = {"__meta__":{"operationName":"ExportQuiz","operationType":"query","body":"query ExportQuiz($id: ID!) {\n  exportQuiz(id: $id)\n}","hash":"efe458b3ccce4cf335ee3cd59ddbb4c101cffcf1da246176bca79ee6401f7428"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<ExportQuizQuery, ExportQuizQueryVariables>;
export const GlobalLeaderboardDocument = {"__meta__":{"operationName":"GlobalLeaderboard","operationType":"query","body":"query GlobalLeaderboard($first: Int = 10) {\n  leaderboard(first: $first) {\n    totalCount\n    edges {\n      rank\n      node {\n        score\n        user {\n          id\n          displayName\n        }\n      }\n    }\n    viewerEntry {\n      rank\n      score\n    }\n  }\n}","hash":"597b192cd052db3eb5131f4dbd06b93231d4544d3be06ae2c12b5045a2f9d326"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GlobalLeaderboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerEntry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<GlobalLeaderboardQuery, GlobalLeaderboardQueryVariables>;
export const HistoryDocument = {"__meta__":{"operationName":"History","operationType":"query","body":"query History($first: Int = 20, $after: String, $quizId: ID) {\n  me {\n    id\n    attempts(first: $first, after: $after, quizId: $quizId) {\n      edges {\n        node {\n          id\n          number\n          status\n          score\n          percentage\n          startedAt\n          quiz {\n            id\n            title\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}","hash":"5253618e61a4e0e3ed9b19dde4db7abbd877e25a794a8b180d11086f2ea104fe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"History"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HistoryQuery, HistoryQueryVariables>;
export const ImportGiftDocument = {"__meta__":{"operationName":"ImportGift","operationType":"mutation","body":"mutation ImportGift($title: String, $content: String!) {\n  importQuiz(input: {format: GIFT, title: $title, content: $content}) {\n    id\n    title\n    status\n    questions {\n      type\n      prompt\n    }\n  }\n}","hash":"d09d7bd3b2696e921c264c1783fd04340dec3455915915868b096c816fdb1acb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportGift"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"title"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"content"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"format"},"value":{"kind":"EnumValue","value":"GIFT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"title"},"value":{"kind":"Variable","name":{"kind":"Name","value":"title"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"content"},"value":{"kind":"Variable","name":{"kind":"Name","value":"content"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}}]}}]}}]}}]} as unknown as DocumentNode<ImportGiftMutation, ImportGiftMutationVariables>;
export const ImportJsonDocument = {"__meta__":{"operationName":"ImportJson","operationType":"mutation","body":"mutation ImportJson($content: String!, $idempotencyKey: String) {\n  importQuiz(\n    input: {format: JSON, content: $content, idempotencyKey: $idempotencyKey}\n  ) {\n    id\n    title\n    status\n    questionCount\n  }\n}","hash":"28704718308c166d7813fe9c4e60f967fa3db987e88a8d726ce8ec986b08a7f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportJson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"content"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"format"},"value":{"kind":"EnumValue","value":"JSON"}},{"kind":"ObjectField","name":{"kind":"Name","value":"content"},"value":{"kind":"Variable","name":{"kind":"Name","value":"content"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}}]}}]}}]} as unknown as DocumentNode<ImportJsonMutation, ImportJsonMutationVariables>;
export const ItemAnalysisDocument = {"__meta__":{"operationName":"ItemAnalysis","operationType":"query","body":"query ItemAnalysis($id: ID!) {\n  quiz(id: $id) {\n    id\n    stats {\n      attempts\n      questions {\n        position\n        answered\n        facilityIndex\n        discriminationIndex\n        options {\n          optionId\n          count\n        }\n      }\n    }\n  }\n}","hash":"f65c1bf7dd7c4ac601909ec5b5de2fdb546a7bf4ea2c8d707b5965d57ad5cd83"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemAnalysis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"facilityIndex"}},{"kind":"Field","name":{"kind":"Name","value":"discriminationIndex"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"optionId"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ItemAnalysisQuery, ItemAnalysisQueryVariables>;
export const LoginDocument = {"__meta__":{"operationName":"Login","operationType":"mutation","body":"mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n      displayName\n      role\n    }\n  }\n}","hash":"a74c38e26b43e3dad0b4f5b5777e91dd95f4c110962336f667030a57bce20175"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"__meta__":{"operationName":"Logout","operationType":"mutation","body":"mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}","hash":"a6d3c46a66166fe59359bb8798e41eb0c8990c9b68577f72dc53aab1303f4d93"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}]}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const LogoutEverywhereDocument = {"__meta__":{"operationName":"LogoutEverywhere","operationType":"mutation","body":"mutation LogoutEverywhere {\n  logoutEverywhere\n}","hash":"456d4dd0bbaa56746a0e10160d67e3ccf3b8e60e5e9e5a95c79fef7915cf10af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogoutEverywhere"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logoutEverywhere"}}]}}]} as unknown as DocumentNode<LogoutEverywhereMutation, LogoutEverywhereMutationVariables>;
export const MeDocument = {"__meta__":{"operationName":"Me","operationType":"query","body":"query Me {\n  me {\n    id\n    displayName\n    email\n    role\n    createdAt\n    sessions {\n      id\n      userAgent\n      lastUsedAt\n      current\n    }\n  }\n}","hash":"5c9d011d4e8bfd44fe813a55a73a69a7b1914cefdba10d649d9b46ff8e848855"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MyDraftsDocument = {"__meta__":{"operationName":"MyDrafts","operationType":"query","body":"query MyDrafts {\n  quizzes(filter: {status: DRAFT}) {\n    edges {\n      node {\n        id\n        title\n        version\n        questionCount\n        updatedAt\n      }\n    }\n  }\n}","hash":"64b956178f5493eede3be33e2b4a21128d606792dd3a3ee7e0383315d49dbe22"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyDrafts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quizzes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DRAFT"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyDraftsQuery, MyDraftsQueryVariables>;
export const OneAttemptDocument = {"__meta__":{"operationName":"OneAttempt","operationType":"query","body":"query OneAttempt($id: ID!) {\n  attempt(id: $id) {\n    id\n    score\n    maxScore\n    percentage\n    quizVersion\n    quiz {\n      id\n      title\n      version\n    }\n    player {\n      id\n      displayName\n    }\n  }\n}","hash":"1d3e46987e5bf6736aff624f11fec93442612f075b18330b2ba20cf519caca91"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OneAttempt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"quizVersion"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"player"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<OneAttemptQuery, OneAttemptQueryVariables>;
export const ProfileDocument = {"__meta__":{"operationName":"Profile","operationType":"query","body":"query Profile {\n  me {\n    id\n    displayName\n    stats {\n      attempts\n      quizzesCompleted\n      totalScore\n      averagePercentage\n      bestPercentage\n      currentStreakDays\n      longestStreakDays\n      rank\n    }\n  }\n}","hash":"c197247c363097c525443b7627774c84a43488bbf920b3eb6d404ab5fb7e2852"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"quizzesCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"totalScore"}},{"kind":"Field","name":{"kind":"Name","value":"averagePercentage"}},{"kind":"Field","name":{"kind":"Name","value":"bestPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"currentStreakDays"}},{"kind":"Field","name":{"kind":"Name","value":"longestStreakDays"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}}]}}]}}]} as unknown as DocumentNode<ProfileQuery, ProfileQueryVariables>;
export const PublicProfileDocument = {"__meta__":{"operationName":"PublicProfile","operationType":"query","body":"query PublicProfile($id: ID!) {\n  user(id: $id) {\n    id\n    displayName\n    bio\n    avatarUrl\n    role\n    createdAt\n  }\n}","hash":"1e8151d02067c90b0a7b8807779e15e2bd2f1655029695a02de78b26a68ddff4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<PublicProfileQuery, PublicProfileQueryVariables>;
export const PublishQuizDocument = {"__meta__":{"operationName":"PublishQuiz","operationType":"mutation","body":"mutation PublishQuiz($id: ID!) {\n  publishQuiz(id: $id) {\n    id\n    status\n    version\n    publishedAt\n  }\n}","hash":"f15f7e93d3c7e2a67fa70b57ef77c4b1c2601656d0e03ab4cb9b2a46770e773e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]} as unknown as DocumentNode<PublishQuizMutation, PublishQuizMutationVariables>;
export const QuizPageDocument = {"__meta__":{"operationName":"QuizPage","operationType":"query","body":"query QuizPage($id: ID!) {\n  quiz(id: $id) {\n    id\n    title\n    author {\n      id\n      displayName\n    }\n    attemptCount\n    stats {\n      attempts\n      players\n      averagePercentage\n      scoreDistribution {\n        fromPercentage\n        toPercentage\n        count\n      }\n    }\n    leaderboard(first: 10) {\n      edges {\n        rank\n        node {\n          score\n          timeTakenMs\n          achievedAt\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n}","hash":"3626ba0bec379f20cdd31170d99296b1a2809a4723b3567493a20f82d0d50d39"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuizPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"players"}},{"kind":"Field","name":{"kind":"Name","value":"averagePercentage"}},{"kind":"Field","name":{"kind":"Name","value":"scoreDistribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"toPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"leaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"timeTakenMs"}},{"kind":"Field","name":{"kind":"Name","value":"achievedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<QuizPageQuery, QuizPageQueryVariables>;
export const RefreshDocument = {"__meta__":{"operationName":"Refresh","operationType":"mutation","body":"mutation Refresh($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n  }\n}","hash":"1b9d9568c63dd9012edaeba202967315373d4f55efbafbf5ae62e57a10ffc054"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Refresh"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<RefreshMutation, RefreshMutationVariables>;
export const RegisterDocument = {"__meta__":{"operationName":"Register","operationType":"mutation","body":"mutation Register($email: String!, $password: String!, $displayName: String!) {\n  register(email: $email, password: $password, displayName: $displayName) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n      displayName\n      role\n      email\n    }\n  }\n}","hash":"7e52c3fc429d272d63d51bf5741bb1bcf735a690ec0633e51ea2cc2d3987c33c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Register"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"displayName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterMutation, RegisterMutationVariables>;
export const RemoveQuestionDocument = {"__meta__":{"operationName":"RemoveQuestion","operationType":"mutation","body":"mutation RemoveQuestion($questionId: ID!) {\n  removeQuestion(questionId: $questionId) {\n    id\n    version\n    questionCount\n    totalPoints\n  }\n}","hash":"5318f671afe6f74b7da976d0ae6c8647dab3ed711bb9162abe719e2f1baf1ac1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"questionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}}]}}]}}]} as unknown as DocumentNode<RemoveQuestionMutation, RemoveQuestionMutationVariables>;
export const ReorderQuestionsDocument = {"__meta__":{"operationName":"ReorderQuestions","operationType":"mutation","body":"mutation ReorderQuestions($quizId: ID!, $questionIds: [ID!]!) {\n  reorderQuestions(quizId: $quizId, questionIds: $questionIds) {\n    id\n    version\n    questions {\n      id\n      position\n    }\n  }\n}","hash":"6500563ef492042f89ef39e905057ed8bc367fd567a582ad281a1f051ff58edf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReorderQuestions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reorderQuestions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}},{"kind":"Argument","name":{"kind":"Name","value":"questionIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]}}]} as unknown as DocumentNode<ReorderQuestionsMutation, ReorderQuestionsMutationVariables>;
export const ReplaceQuestionDocument = {"__meta__":{"operationName":"ReplaceQuestion","operationType":"mutation","body":"mutation ReplaceQuestion($questionId: ID!, $question: QuestionInput!) {\n  updateQuestion(questionId: $questionId, question: $question) {\n    id\n    version\n    questions {\n      id\n      position\n      type\n      prompt\n    }\n  }\n}","hash":"86511ab99f671bfb83afc8974be0627c155f7ec83494152f0e78b41a64dae7f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplaceQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"question"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuestionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"questionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"question"},"value":{"kind":"Variable","name":{"kind":"Name","value":"question"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}}]}}]}}]}}]} as unknown as DocumentNode<ReplaceQuestionMutation, ReplaceQuestionMutationVariables>;
export const SearchQuizzesDocument = {"__meta__":{"operationName":"SearchQuizzes","operationType":"query","body":"query SearchQuizzes($search: String!, $first: Int = 10, $after: String) {\n  quizzes(first: $first, after: $after, filter: {search: $search}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        category\n        tags\n        difficulty\n        questionCount\n        totalPoints\n        attemptCount\n        author {\n          id\n          displayName\n        }\n      }\n    }\n  }\n}","hash":"b02e4c57d7a8e351e2e71386c75f24282d809ce35972a48eb125359bf0feabff"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchQuizzes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quizzes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"difficulty"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchQuizzesQuery, SearchQuizzesQueryVariables>;
export const SetUserRoleDocument = {"__meta__":{"operationName":"SetUserRole","operationType":"mutation","body":"mutation SetUserRole($userId: ID!, $role: Role!) {\n  setUserRole(userId: $userId, role: $role) {\n    id\n    role\n  }\n}","hash":"1e6691fa400116924d386f0de25b97dc777cbaa40d4992cc8840fadd70b0ddca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUserRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<SetUserRoleMutation, SetUserRoleMutationVariables>;
export const StartAttemptDocument = {"__meta__":{"operationName":"StartAttempt","operationType":"mutation","body":"mutation StartAttempt($quizId: ID!, $idempotencyKey: String) {\n  startAttempt(quizId: $quizId, idempotencyKey: $idempotencyKey) {\n    id\n    number\n    status\n    startedAt\n    deadline\n    quizVersion\n    questions {\n      id\n      position\n      type\n      prompt\n      points\n      options {\n        id\n        label\n      }\n      items {\n        id\n        label\n      }\n    }\n  }\n}","hash":"84bbfb07f3398a13ab9ae936d9fefe4ce2a7bcf55bad9bacb2f85deb3faf0807"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartAttempt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startAttempt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"quizVersion"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StartAttemptMutation, StartAttemptMutationVariables>;
export const SubmitAttemptDocument = {"__meta__":{"operationName":"SubmitAttempt","operationType":"mutation","body":"mutation SubmitAttempt($attemptId: ID!, $answers: [AnswerInput!]!, $idempotencyKey: String) {\n  submitAttempt(\n    attemptId: $attemptId\n    answers: $answers\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n    score\n    maxScore\n    percentage\n    correctCount\n    timeTakenMs\n    questions {\n      id\n      review {\n        answer {\n          optionIds\n          order\n          boolean\n          number\n          text\n        }\n        correct\n        score\n        correctAnswer {\n          optionIds\n          order\n          boolean\n          number\n          tolerance\n          acceptedTexts\n        }\n        explanation\n      }\n    }\n  }\n}","hash":"7ec680967d6c9a0790cdd9bd50520bf19f174a72f76c73f3157dcd76e3bf6930"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitAttempt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attemptId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"answers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnswerInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitAttempt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"attemptId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attemptId"}}},{"kind":"Argument","name":{"kind":"Name","value":"answers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"answers"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"correctCount"}},{"kind":"Field","name":{"kind":"Name","value":"timeTakenMs"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"optionIds"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"boolean"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"correct"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"correctAnswer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"optionIds"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"boolean"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"tolerance"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedTexts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubmitAttemptMutation, SubmitAttemptMutationVariables>;
export const SubmitQuizDocument = {"__meta__":{"operationName":"SubmitQuiz","operationType":"mutation","body":"mutation SubmitQuiz($quizId: ID!, $answers: [AnswerInput!]!, $idempotencyKey: String) {\n  submitQuiz(quizId: $quizId, answers: $answers, idempotencyKey: $idempotencyKey) {\n    id\n    score\n    maxScore\n    percentage\n    correctCount\n    questionCount\n    quizVersion\n    timeTakenMs\n    submittedAt\n  }\n}","hash":"5189505e61a34ca5b3627ef9704d7e561237c88c702375115f51ff14a279ee59"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"answers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnswerInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}},{"kind":"Argument","name":{"kind":"Name","value":"answers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"answers"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"correctCount"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"quizVersion"}},{"kind":"Field","name":{"kind":"Name","value":"timeTakenMs"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]} as unknown as DocumentNode<SubmitQuizMutation, SubmitQuizMutationVariables>;
export const TakeAQuizDocument = {"__meta__":{"operationName":"TakeAQuiz","operationType":"query","body":"query TakeAQuiz($id: ID!) {\n  quiz(id: $id) {\n    id\n    title\n    version\n    totalPoints\n    settings {\n      timeLimitSeconds\n      reviewPolicy\n    }\n    questions {\n      id\n      position\n      type\n      prompt\n      points\n      partialCredit\n      options {\n        id\n        label\n      }\n      items {\n        id\n        label\n      }\n    }\n  }\n}","hash":"a43c9985da38a98ae341d75a07aef5d9f226b578197be9c8bbc4468d57a05b01"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TakeAQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"reviewPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"partialCredit"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TakeAQuizQuery, TakeAQuizQueryVariables>;
export const UpdateQuizSettingsDocument = {"__meta__":{"operationName":"UpdateQuizSettings","operationType":"mutation","body":"mutation UpdateQuizSettings($id: ID!, $settings: QuizSettingsInput!) {\n  updateQuiz(id: $id, input: {settings: $settings}) {\n    id\n    version\n    settings {\n      timeLimitSeconds\n      maxAttempts\n      scoringPolicy\n      shuffleQuestions\n      shuffleOptions\n      reviewPolicy\n      leaderboardAttempt\n    }\n  }\n}","hash":"729f35b5fb9d980aa7d2d5232c86bae70703dea5a0f986b67d994b078874a4d9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateQuizSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"settings"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuizSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"settings"},"value":{"kind":"Variable","name":{"kind":"Name","value":"settings"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"maxAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"scoringPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"reviewPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"leaderboardAttempt"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateQuizSettingsMutation, UpdateQuizSettingsMutationVariables>;