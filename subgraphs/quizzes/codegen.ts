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
          Quiz: '../__generated__/prisma/client.js#Quiz as QuizModel',
          Question: '../models.js#PlayerQuestion',
          Option: '../models.js#LabelledItem',
          QuizVersion: '../models.js#QuizVersionView',
          KeyedQuestion: '../models.js#KeyedQuestionRow',
          KeyedOption: '../models.js#KeyedOptionView',
          QuizSettings: '@quizgraph/assessment#QuizSettings as QuizSettingsModel',
          QuizConnection: '../discovery.js#QuizPage',
          User: '../models.js#UserRef',
        },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
