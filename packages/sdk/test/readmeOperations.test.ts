import { describe, expect, it } from 'vitest';
import { syncReadme } from '../scripts/readmeOperations.ts';

const operations = new Map([
  ['Login', 'mutation Login($email: String!) {\n  login(email: $email) { accessToken }\n}\n'],
  ['Me', 'query Me { me { id } }\n'],
]);
const block = (names: string, body: string) => `<!-- operation: ${names} -->\n\`\`\`graphql\n${body}\n\`\`\`\n<!-- /operation -->`;
const fresh = block('Login Me', `${operations.get('Login')!.trimEnd()}\n\n${operations.get('Me')!.trimEnd()}`);

describe("the README's example operations", () => {
  it('are the documents, in the order the marker names them, and the prose around them stays', () => {
    const readme = `# Using the API\n\nProse.\n\n${fresh}\n\nMore prose.\n`;
    expect(syncReadme(readme, operations)).toEqual({ text: readme, stale: [], problems: [] });
  });

  it('names a stale block, and rewrites it from the documents', () => {
    const readme = `Prose.\n${block('Login Me', 'mutation Login { login(email: "hand-edited") { accessToken } }')}\nProse.\n`;
    const { text, stale } = syncReadme(readme, operations);
    expect(stale).toEqual(['Login Me']);
    expect(text).toBe(`Prose.\n${fresh}\nProse.\n`);
  });

  it('refuses a name with no document, and a document the README shows nowhere', () => {
    const { problems } = syncReadme(block('Login Logout', ''), operations);
    expect(problems[0]).toContain('names Logout in <!-- operation: Login Logout -->');
    expect(syncReadme(block('Login', operations.get('Login')!.trimEnd()), operations).problems).toEqual([expect.stringContaining('no example of Me')]);
  });
});
