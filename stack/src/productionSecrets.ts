import { serviceDatabaseUrls } from '@quizgraph/prisma/runtime';
import { CREDENTIAL_HOLDERS, newKid } from '@quizgraph/service-kit';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The secret files' names (file name = Compose secret name = key in the Kubernetes Secret): written
 * here, mounted by the generated compose files and manifests (stack/src/deployment/).
 */
export const SECRET_FILES = {
  postgresPassword: 'postgres-password',
  databaseServerUrl: 'database-server-url',
  databaseUrl: (subgraph: string) => `${subgraph}-database-url`,
  accessTokenPrivateKeys: 'access-token-private-keys',
  serviceCredentialPrivateKeys: (process: string) => `service-credential-private-keys-${process}`,
  serviceCredentialPublicKeys: 'service-credential-public-keys',
} as const;

/**
 * The files docker-compose.prod.yml mounts as Compose secrets, named as its `secrets:` section names
 * them (file name = secret name): a random Postgres password and the database URLs that carry it
 * (server `postgres:5432`, the compose service), the users service's access-token signing key, each
 * process's own service-credential signing key, and one file of every process's public
 * service-credential key.
 */
export async function writeProductionSecrets(dir: string, databaseHost = 'postgres:5432'): Promise<string[]> {
  const password = randomBytes(24).toString('base64url'); // URL-safe: it goes into URLs as is
  const serverUrl = `postgresql://postgres:${password}@${databaseHost}/postgres`;
  const pair = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = newKid(0);
    return {
      private: [{ kid, pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string }],
      public: [{ kid, pem: publicKey.export({ type: 'spki', format: 'pem' }) as string }],
    };
  };
  const files: Record<string, string> = {
    [SECRET_FILES.postgresPassword]: password,
    [SECRET_FILES.databaseServerUrl]: serverUrl,
    [SECRET_FILES.accessTokenPrivateKeys]: JSON.stringify(pair().private),
  };
  for (const [service, url] of Object.entries(serviceDatabaseUrls(serverUrl))) files[SECRET_FILES.databaseUrl(service)] = url;
  const publicKeys: Record<string, Array<{ kid: string; pem: string }>> = {};
  for (const holder of CREDENTIAL_HOLDERS) {
    const keys = pair();
    files[SECRET_FILES.serviceCredentialPrivateKeys(holder)] = JSON.stringify(keys.private);
    publicKeys[holder] = keys.public;
  }
  files[SECRET_FILES.serviceCredentialPublicKeys] = JSON.stringify(publicKeys);

  await mkdir(dir, { recursive: true, mode: 0o700 });
  // The folder keeps other users of the host out. The files must be readable inside the containers,
  // whose processes run as another user (`node`, `postgres`): Compose mounts a file secret as it is,
  // without the owner and mode a swarm would set.
  await chmod(dir, 0o700);
  for (const [name, content] of Object.entries(files)) {
    // `wx`: never overwrite a secret in use (a new password would lock the services out of the database).
    await writeFile(join(dir, name), `${content}\n`, { flag: 'wx', mode: 0o644 });
  }
  return Object.keys(files);
}
