import { keySettingsFromEnv, type KeySettings } from '@quizgraph/service-kit';
import { join } from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '@quizgraph/prisma';

/** The only reader of process.env in the users service: parsed once, failing fast with a clear message. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  USERS_PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  HOST: z.string().default('0.0.0.0'),
  USERS_DATABASE_URL: z.string().url(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
});

export interface UsersEnv {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: string;
  accessTokenTtlSeconds: number;
  keys: KeySettings;
}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): UsersEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`The users service cannot start: ${problems}`);
  }
  const production = parsed.data.NODE_ENV === 'production';
  return {
    production,
    port: parsed.data.USERS_PORT,
    host: parsed.data.HOST,
    databaseUrl: parsed.data.USERS_DATABASE_URL,
    logLevel: parsed.data.LOG_LEVEL,
    accessTokenTtlSeconds: parsed.data.ACCESS_TOKEN_TTL_SECONDS,
    keys: keySettingsFromEnv(env, production, join(DATA_DIR, 'keys')),
  };
}
