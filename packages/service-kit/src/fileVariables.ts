import { readFileSync } from 'node:fs';

type Env = Record<string, string | undefined>;

/**
 * A secret given inline (`X`) or as the path of a file holding it (`X_FILE`), the convention of Docker
 * and Compose secrets (mounted under /run/secrets) and of the official Postgres image. An empty value
 * counts as unset, so that a Compose file can blank an inline default in an override. Trailing
 * whitespace (the newline an editor or `echo` leaves) is dropped from a file's content.
 *
 * Fails with the variable's name when both are set, or when the file cannot be read or is empty.
 */
export function variableOrFile(env: Env, name: string): string | undefined {
  const inline = env[name];
  const path = env[`${name}_FILE`];
  const given = (value: string | undefined): value is string => value !== undefined && value !== '';
  if (!given(path)) return given(inline) ? inline : undefined;
  if (given(inline)) throw new Error(`${name} and ${name}_FILE are both set: set one of them.`);
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`${name}_FILE names ${path}, which cannot be read (${reason}).`);
  }
  const value = content.trimEnd();
  if (value === '') throw new Error(`${name}_FILE names ${path}, which is empty.`);
  return value;
}

/**
 * `env` with each of `names` resolved by variableOrFile (and its `_FILE` variable removed), for a
 * configuration loader to parse as if every secret had been given inline.
 */
export function withFileVariables(env: Env, names: readonly string[]): Env {
  const resolved: Env = { ...env };
  for (const name of names) {
    const value = variableOrFile(env, name);
    delete resolved[`${name}_FILE`];
    if (value === undefined) delete resolved[name];
    else resolved[name] = value;
  }
  return resolved;
}
