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
          Quiz: '../models.js#QuizRef',
          User: '../models.js#UserRef',
          LeaderboardConnection: '../leaderboards.js#LeaderboardPage',
          LeaderboardEntry: '../leaderboards.js#LeaderboardRow',
        },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
