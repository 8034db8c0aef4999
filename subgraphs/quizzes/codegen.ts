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
          Question: '../models.js#QuestionWithOptions',
          Option: '../__generated__/prisma/client.js#Option as OptionModel',
          User: '../models.js#UserRef',
        },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
