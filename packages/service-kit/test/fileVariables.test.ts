import { generateKeyPairSync } from 'node:crypto';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keySettingsFromEnv } from '../src/keyConfig.js';
import { variableOrFile, withFileVariables } from '../src/fileVariables.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizgraph-file-variables-'));
});

async function secret(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('variableOrFile: X inline, or the content of the file X_FILE names', () => {
  it('reads the inline value when no file is named', () => {
    expect(variableOrFile({ DATABASE_URL: 'postgresql://a' }, 'DATABASE_URL')).toBe('postgresql://a');
    expect(variableOrFile({}, 'DATABASE_URL')).toBeUndefined();
  });

  it('reads the file, without the trailing newline an editor or echo leaves', async () => {
    const path = await secret('url', 'postgresql://u:p@db/x\n');
    expect(variableOrFile({ DATABASE_URL_FILE: path }, 'DATABASE_URL')).toBe('postgresql://u:p@db/x');
  });

  it('keeps a multi-line secret whole (PEMs inside JSON)', async () => {
    // Made here, as every key is: none is ever committed.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const json = JSON.stringify([{ kid: 'a', pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) }]);
    const path = await secret('keys.json', `${json}\n`);
    expect(JSON.parse(variableOrFile({ KEYS_FILE: path }, 'KEYS')!)).toEqual(JSON.parse(json));
  });

  it('counts an empty value as unset, so an override can blank an inline default', async () => {
    const path = await secret('blank-inline', 'from-file');
    expect(variableOrFile({ KEYS: '', KEYS_FILE: path }, 'KEYS')).toBe('from-file');
    expect(variableOrFile({ KEYS: 'inline', KEYS_FILE: '' }, 'KEYS')).toBe('inline');
  });

  it('refuses both at once, naming the variable', async () => {
    const path = await secret('both', 'x');
    expect(() => variableOrFile({ KEYS: 'inline', KEYS_FILE: path }, 'KEYS')).toThrow('KEYS and KEYS_FILE are both set: set one of them.');
  });

  it('fails clearly on a missing, unreadable or empty file', async () => {
    expect(() => variableOrFile({ KEYS_FILE: join(dir, 'missing') }, 'KEYS')).toThrow(/^KEYS_FILE names .*missing, which cannot be read \(ENOENT\)\.$/);
    expect(() => variableOrFile({ KEYS_FILE: dir }, 'KEYS')).toThrow(/KEYS_FILE names .*, which cannot be read \(EISDIR\)/);
    const empty = await secret('empty', '\n');
    expect(() => variableOrFile({ KEYS_FILE: empty }, 'KEYS')).toThrow(/KEYS_FILE names .*empty, which is empty\./);
    if (process.getuid?.() !== 0) {
      const unreadable = await secret('unreadable', 'x');
      await chmod(unreadable, 0o000);
      expect(() => variableOrFile({ KEYS_FILE: unreadable }, 'KEYS')).toThrow(/cannot be read \(EACCES\)/);
    }
  });
});

describe('withFileVariables', () => {
  it('resolves the named variables and drops their _FILE variables, leaving the rest as it was', async () => {
    const path = await secret('db', 'postgresql://from-file\n');
    expect(withFileVariables({ DB_FILE: path, OTHER: '1', OTHER_FILE: '/not/read' }, ['DB'])).toEqual({
      DB: 'postgresql://from-file',
      OTHER: '1',
      OTHER_FILE: '/not/read',
    });
    expect(withFileVariables({ DB: '' }, ['DB'])).toEqual({});
  });
});

describe('keySettingsFromEnv reads every key variable from a file too', () => {
  it('ACCESS_TOKEN_PRIVATE_KEYS_FILE, SERVICE_CREDENTIAL_PRIVATE_KEYS_FILE, SERVICE_CREDENTIAL_PUBLIC_KEYS_FILE', async () => {
    const env = {
      ACCESS_TOKEN_PRIVATE_KEYS_FILE: await secret('access', '[1]\n'),
      SERVICE_CREDENTIAL_PRIVATE_KEYS_FILE: await secret('own', '[2]\n'),
      SERVICE_CREDENTIAL_PUBLIC_KEYS_FILE: await secret('public', '{}\n'),
    };
    expect(keySettingsFromEnv(env, true, '/nowhere')).toMatchObject({
      accessTokenPrivateKeys: '[1]',
      serviceCredentialPrivateKeys: '[2]',
      serviceCredentialPublicKeys: '{}',
    });
    expect(() => keySettingsFromEnv({ ...env, SERVICE_CREDENTIAL_PUBLIC_KEYS: '{}' }, true, '/nowhere')).toThrow(
      /SERVICE_CREDENTIAL_PUBLIC_KEYS and SERVICE_CREDENTIAL_PUBLIC_KEYS_FILE are both set/,
    );
  });
});
