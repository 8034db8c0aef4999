import { readFileSync } from 'node:fs';

/** The SDK's operation documents, which the README shows too: one source for every example. */
const OPERATIONS = new URL('../../packages/sdk/operations/', import.meta.url);

/**
 * What Apollo Sandbox opens with in development: the SDK's `Login` and `Me`, the demo player's
 * credentials as variables, and an `Authorization` header left empty (an empty one counts as none:
 * `Login` runs anonymously) for the access token `Login` returns.
 */
export function sandboxInitialState(): { document?: string; variables?: Record<string, string>; headers?: Record<string, string> } {
  let operations: string[];
  try {
    operations = ['Login', 'Me'].map((name) => readFileSync(new URL(`${name}.graphql`, OPERATIONS), 'utf8').trimEnd());
  } catch {
    return {}; // A deployment without the SDK's sources: Sandbox opens empty.
  }
  return {
    document: `# 1. Run Login (Ada, a demo player). 2. Copy accessToken from the response into the Authorization\n# header below, after "Bearer " (Bearer, a space, the token). 3. Run Me: it answers as Ada.\n\n${operations.join('\n\n')}\n`,
    variables: { email: 'ada@demo.quizgraph.dev', password: 'quizgraph-demo' },
    headers: { Authorization: '' },
  };
}
