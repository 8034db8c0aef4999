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
          User: '../__generated__/prisma/client.js#User as UserModel',
          Session: '../__generated__/prisma/client.js#Session as SessionModel',
        },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
