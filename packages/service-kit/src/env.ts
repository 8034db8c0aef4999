import { z } from 'zod';

export const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
export const nodeEnvSchema = z.enum(['development', 'production', 'test']).default('development');

/** Parses a process's environment once, failing fast with every problem named. */
export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv, process: string): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`The ${process} cannot start: ${problems}`);
  }
  return parsed.data;
}
