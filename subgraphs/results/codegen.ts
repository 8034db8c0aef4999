import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        contextType: '../context.js#Context',
        scalars: { DateTime: 'Date' },
        mappers: {
          Attempt: '../__generated__/prisma/client.js#Attempt as AttemptModel',
          AttemptQuestion: '../review.js#AttemptQuestionView',
          QuestionReview: '../review.js#QuestionReviewView',
          GivenAnswer: '../review.js#GivenAnswerView',
          AttemptConnection: '../history.js#AttemptPage',
          Quiz: '../models.js#QuizRef',
          User: '../models.js#UserRef',
          QuizStats: '../stats.js#QuizStatsView',
          QuestionStats: '../stats.js#QuestionStatsView',
          LeaderboardConnection: '../leaderboards.js#LeaderboardPage',
          LeaderboardEntry: '../leaderboards.js#LeaderboardRow',
        },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
