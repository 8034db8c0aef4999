import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { operationFiles } from '../scripts/operationFiles.ts';
import { MANIFEST_PATH, manifestText, persistedQueryManifest } from '../scripts/persistedQueryManifest.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the persisted-query manifest', () => {
  it('is stable: generating it again gives the committed bytes', async () => {
    const committed = await readFile(MANIFEST_PATH, 'utf8');
    expect(manifestText(persistedQueryManifest())).toBe(committed);
    expect(manifestText(persistedQueryManifest())).toBe(committed);
  });

  it('lists every document of operations/ once, its id the SHA-256 of its printed body, whatever its comments and layout', async () => {
    const { format, version, operations } = persistedQueryManifest();
    expect({ format, version }).toEqual({ format: 'apollo-persisted-query-manifest', version: 1 });
    const files = await operationFiles();
    expect(operations.map((o) => o.name)).toEqual([...files.keys()]);
    for (const [name, text] of files) {
      const document = parse(text);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      // Comments and spacing are not part of the body: reformatting a document keeps its id.
      const reformatted = parse(text.replace(/#.*$/gm, '').replace(/\s+/g, ' '));
      expect(print(reformatted)).toBe(print(document));
      const body = print(document);
      expect(operations.find((o) => o.name === name)).toEqual({ id: sha256(body), name, type: operation.operation, body });
    }
  });
});
