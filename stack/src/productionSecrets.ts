import { type DatabaseRole, formatDatabaseRoles, parseDatabaseRoles, SERVICE_NAMES, type ServiceName, serviceDatabaseUrls } from '@quizgraph/prisma/runtime';
import { databaseName } from '@quizgraph/topology';
import { CREDENTIAL_HOLDERS, newKid, routerTokenDigest } from '@quizgraph/service-kit';
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The secret files' names (file name = Compose secret name = key in the Kubernetes Secret): written
 * here, mounted by the generated compose files and manifests (stack/src/deployment/).
 */
export const SECRET_FILES = {
  postgresPassword: 'postgres-password',
  databaseServerUrl: 'database-server-url',
  /** Every login role and its password, in PgBouncer's auth_file format: PgBouncer's userlist, and the service roles migrate makes. */
  databaseRoles: 'database-roles',
  databaseUrl: (subgraph: string) => `${subgraph}-database-url`,
  accessTokenPrivateKeys: 'access-token-private-keys',
  serviceCredentialPrivateKeys: (process: string) => `service-credential-private-keys-${process}`,
  serviceCredentialPublicKeys: 'service-credential-public-keys',
  /** The token a standard router (the hive-gateway profile) presents to the subgraphs, and its digest, which they hold (README, "Standard routers"). */
  routerToken: 'router-token',
  routerTokenDigest: 'router-token-sha256',
} as const;

/** Written without the trailing newline of the other files: a router that reads it as is sends it as the header's value. */
const WITHOUT_NEWLINE = new Set<string>([SECRET_FILES.routerToken]);

export interface ProductionSecretsOptions {
  /** The database server in the URLs of a new folder (the compose service; PgBouncer in Kubernetes). */
  databaseHost?: string;
  /**
   * Complete a folder written before, for processes added to the service list since: write only the
   * missing files (a new service's URL on the server of its `database-server-url`, as a role of its
   * own), add the new processes' public keys to `service-credential-public-keys`, and bring
   * `database-roles` in line with the URLs. No existing file changes otherwise.
   */
  addMissing?: boolean;
}

export interface ProductionSecretsWritten {
  /** Files that did not exist before. */
  written: string[];
  /** Files rewritten with more in them (`service-credential-public-keys` and `database-roles`, with --add-missing). */
  updated: string[];
}

/** The files are read inside the containers, by other users than the operator (see the folder's mode below). */
const FILE_MODE = 0o644;

type PublicKeys = Record<string, Array<{ kid: string; pem: string }>>;

/**
 * The files docker-compose.prod.yml mounts as Compose secrets, named as its `secrets:` section names
 * them (file name = secret name): a random password of the Postgres administrator and its server URL
 * (server `postgres:5432`, the compose service), each service database's URL as a role of its own with
 * a password of its own, the roles file listing all of them (PgBouncer's userlist, and the roles
 * migrate makes: prisma/src/roles.ts), the users service's access-token signing key, each
 * process's own service-credential signing key, and one file of every process's public
 * service-credential key. With `addMissing`, completes such a folder instead (completeProductionSecrets).
 */
export async function writeProductionSecrets(dir: string, options: ProductionSecretsOptions = {}): Promise<ProductionSecretsWritten> {
  if (options.addMissing) return completeProductionSecrets(dir);
  const password = newPassword();
  const serverUrl = `postgresql://postgres:${password}@${options.databaseHost ?? 'postgres:5432'}/postgres`;
  const files: Record<string, string> = {
    [SECRET_FILES.postgresPassword]: password,
    [SECRET_FILES.databaseServerUrl]: serverUrl,
    [SECRET_FILES.accessTokenPrivateKeys]: JSON.stringify(keyPair().private),
  };
  const serviceUrls: string[] = [];
  for (const service of SERVICE_NAMES) {
    const url = serviceRoleUrl(serverUrl, service);
    files[SECRET_FILES.databaseUrl(service)] = url;
    serviceUrls.push(url);
  }
  files[SECRET_FILES.databaseRoles] = databaseRolesFile(serverUrl, serviceUrls, []).trimEnd();
  const publicKeys: PublicKeys = {};
  for (const holder of CREDENTIAL_HOLDERS) {
    const keys = keyPair();
    files[SECRET_FILES.serviceCredentialPrivateKeys(holder)] = JSON.stringify(keys.private);
    publicKeys[holder] = keys.public;
  }
  files[SECRET_FILES.serviceCredentialPublicKeys] = JSON.stringify(publicKeys);
  Object.assign(files, routerTokenFiles());

  // Checked before writing anything: a folder with some of the files would otherwise get a second
  // password beside the one in use before `wx` stopped at the first existing file.
  const existing = [];
  for (const name of Object.keys(files)) if (await exists(join(dir, name))) existing.push(name);
  if (existing.length > 0) {
    throw Object.assign(
      new Error(
        `${dir} already holds ${existing.join(', ')}: production secrets in use are never overwritten. ` +
          `To write only the files of processes added to the service list since: pnpm secrets:production --add-missing ${dir}`,
      ),
      { code: 'EEXIST' },
    );
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // The folder keeps other users of the host out. The files must be readable inside the containers,
  // whose processes run as another user (`node`, `postgres`): Compose mounts a file secret as it is,
  // without the owner and mode a swarm would set.
  await chmod(dir, 0o700);
  await writeNewFiles(dir, files);
  return { written: Object.keys(files), updated: [] };
}

/**
 * `--add-missing`: after a subgraph was added to the service list on a running install, its files
 * (`<name>-database-url`, `service-credential-private-keys-<name>`) and its public key in
 * `service-credential-public-keys`. Every existing file stays byte for byte: a new password or key for
 * a process in use would lock it out (of the database, or of every other process). Everything is read
 * and checked before the first write, so a refusal changes nothing.
 */
async function completeProductionSecrets(dir: string): Promise<ProductionSecretsWritten> {
  const runFirst = `run \`pnpm secrets:production ${dir}\` without --add-missing first`;
  const serverText = await readIfExists(join(dir, SECRET_FILES.databaseServerUrl));
  if (serverText === undefined) {
    throw new Error(`${dir} holds no ${SECRET_FILES.databaseServerUrl} file, so there is nothing to complete: ${runFirst}.`);
  }
  const serverUrl = serverText.trim();
  let password: string;
  try {
    password = decodeURIComponent(new URL(serverUrl).password);
  } catch {
    throw new Error(`${join(dir, SECRET_FILES.databaseServerUrl)} does not hold a URL; nothing written.`);
  }

  const files: Record<string, string> = {};
  const missing = async (name: string) => !(await exists(join(dir, name)));
  // The password in use, as the server URL carries it (an operator may have put a managed server's there).
  if (await missing(SECRET_FILES.postgresPassword)) files[SECRET_FILES.postgresPassword] = password;
  // A new service's URL: the host of the server URL, a role of its own with a new password. The roles
  // file then lists the server user and every service URL's role (a URL of the server's own user, as a
  // folder written before the roles were, adds none).
  const serviceUrls: string[] = [];
  for (const service of SERVICE_NAMES) {
    const name = SECRET_FILES.databaseUrl(service);
    const existing = await readIfExists(join(dir, name));
    if (existing === undefined) files[name] = serviceRoleUrl(serverUrl, service);
    const url = existing?.trim() ?? files[name]!;
    if (!URL.canParse(url)) throw new Error(`${join(dir, name)} does not hold a URL; nothing written.`);
    serviceUrls.push(url);
  }
  const rolesPath = join(dir, SECRET_FILES.databaseRoles);
  const rolesText = await readIfExists(rolesPath);
  let keptRoles: DatabaseRole[] = [];
  try {
    if (rolesText !== undefined) keptRoles = parseDatabaseRoles(rolesText, rolesPath);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)} Nothing written.`);
  }
  const roles = databaseRolesFile(serverUrl, serviceUrls, keptRoles);
  if (await missing(SECRET_FILES.accessTokenPrivateKeys)) files[SECRET_FILES.accessTokenPrivateKeys] = JSON.stringify(keyPair().private);
  // A folder written before the router token existed: a token and its digest; a digest from a kept token.
  const routerToken = await readIfExists(join(dir, SECRET_FILES.routerToken));
  if (routerToken === undefined) {
    if (!(await missing(SECRET_FILES.routerTokenDigest))) {
      throw new Error(
        `${SECRET_FILES.routerToken} is missing but ${SECRET_FILES.routerTokenDigest} is there: restore the token from a backup, or remove ` +
          `${SECRET_FILES.routerTokenDigest} to get a new token (the subgraphs and the router must then restart); nothing written.`,
      );
    }
    Object.assign(files, routerTokenFiles());
  } else if (await missing(SECRET_FILES.routerTokenDigest)) {
    files[SECRET_FILES.routerTokenDigest] = routerTokenDigest(routerToken.trimEnd());
  }

  const publicPath = join(dir, SECRET_FILES.serviceCredentialPublicKeys);
  const publicText = await readIfExists(publicPath);
  const publicKeys = publicText === undefined ? {} : parsePublicKeys(publicText, publicPath);
  const added: PublicKeys = {};
  for (const holder of CREDENTIAL_HOLDERS) {
    const privateName = SECRET_FILES.serviceCredentialPrivateKeys(holder);
    const privateText = await readIfExists(join(dir, privateName));
    if (privateText === undefined) {
      if (Object.hasOwn(publicKeys, holder)) {
        // Not a new process but a lost key: a new one would not match the public key the others trust.
        throw new Error(
          `${privateName} is missing but ${SECRET_FILES.serviceCredentialPublicKeys} holds ${holder}'s public key, so ${holder} is not a ` +
            `new process: restore the file from a backup, or remove ${holder}'s entry from ${SECRET_FILES.serviceCredentialPublicKeys} to ` +
            'give it a new key (every process must then restart to trust it); nothing written.',
        );
      }
      const keys = keyPair();
      files[privateName] = JSON.stringify(keys.private);
      added[holder] = keys.public;
    } else if (!Object.hasOwn(publicKeys, holder)) {
      // A private key whose public half no one trusts yet (an earlier run stopped before the public file):
      // trust that key rather than make another.
      added[holder] = publicHalves(privateText, join(dir, privateName));
    }
  }

  // The private keys first: stopped between the two, a second run finds them and adds their public halves.
  await writeNewFiles(dir, files);
  const written = Object.keys(files);
  const updated: string[] = [];
  if (rolesText === undefined) {
    await writeNewFiles(dir, { [SECRET_FILES.databaseRoles]: roles.trimEnd() });
    written.push(SECRET_FILES.databaseRoles);
  } else if (rolesText !== roles) {
    await replaceFile(rolesPath, roles);
    updated.push(SECRET_FILES.databaseRoles);
  }
  if (Object.keys(added).length > 0) {
    // The parsed file itself, not a validated copy, so existing entries keep every field they have.
    await replaceFile(publicPath, `${JSON.stringify({ ...publicKeys, ...added })}\n`);
    (publicText === undefined ? written : updated).push(SECRET_FILES.serviceCredentialPublicKeys);
  }
  return { written, updated };
}

/** 24 random bytes, URL-safe: it goes into URLs as is (and into the roles file, which needs no `"`). */
function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

/** `service`'s database on the server of `serverUrl`, reached as its own role (named as the database) with a new password. */
function serviceRoleUrl(serverUrl: string, service: ServiceName): string {
  const url = new URL(serviceDatabaseUrls(serverUrl)[service]);
  url.username = databaseName(service);
  url.password = newPassword();
  return url.toString();
}

/**
 * The roles file's text: the server's user (its password from the server URL) and each service URL's
 * role, in that order, then any other role `kept` from the file as it was; a role the URLs name gets
 * the URL's password, which is what its service logs in with.
 */
function databaseRolesFile(serverUrl: string, serviceUrls: readonly string[], kept: readonly DatabaseRole[]): string {
  const roleOf = (text: string): DatabaseRole => {
    const url = new URL(text);
    return { name: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  };
  const roles = new Map<string, DatabaseRole>();
  for (const role of [roleOf(serverUrl), ...serviceUrls.map(roleOf)]) if (!roles.has(role.name)) roles.set(role.name, role);
  for (const role of kept) if (!roles.has(role.name)) roles.set(role.name, role);
  return formatDatabaseRoles([...roles.values()]);
}

/** A new router token (32 random bytes in hex) and its SHA-256 digest. */
function routerTokenFiles(): Record<string, string> {
  const token = randomBytes(32).toString('hex');
  return { [SECRET_FILES.routerToken]: token, [SECRET_FILES.routerTokenDigest]: routerTokenDigest(token) };
}

/** A new RSA key pair as the key lists hold it: `[{kid, pem}]`, private (PKCS #8) and public (SPKI). */
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = newKid(0);
  return {
    private: [{ kid, pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string }],
    public: [{ kid, pem: publicKey.export({ type: 'spki', format: 'pem' }) as string }],
  };
}

const publicKeysSchema = z.record(z.string(), z.array(z.object({ kid: z.string().min(1), pem: z.string().includes('PUBLIC KEY') })));
const privateKeysSchema = z.array(z.object({ kid: z.string().min(1), pem: z.string().includes('PRIVATE KEY') })).min(1);

/** The public-keys file as it is (checked against the format the processes load, keyConfig.ts). */
function parsePublicKeys(text: string, path: string): PublicKeys {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!publicKeysSchema.safeParse(parsed).success) {
    throw new Error(`${path} is not a JSON object of {"<process>": [{"kid","pem"}]}, so no public key can be added to it; nothing written.`);
  }
  return parsed as PublicKeys;
}

/** The public halves of a private key list (every key in it, the verify-only ones too). */
function publicHalves(text: string, path: string): Array<{ kid: string; pem: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = privateKeysSchema.safeParse(parsed);
  if (!result.success) throw new Error(`${path} is not a JSON array of {"kid","pem"} private keys; nothing written.`);
  return result.data.map(({ kid, pem }) => ({ kid, pem: createPublicKey(pem).export({ type: 'spki', format: 'pem' }) as string }));
}

async function writeNewFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    // `wx`: never overwrite a secret in use (a new password would lock the services out of the database).
    await writeFile(join(dir, name), WITHOUT_NEWLINE.has(name) ? content : `${content}\n`, { flag: 'wx', mode: FILE_MODE });
  }
}

/**
 * Replaces a file in one step (a temporary file in the same folder, then a rename): a reader, or a
 * stop halfway, sees the old content or the new, never a part. The file keeps its mode.
 */
async function replaceFile(path: string, content: string): Promise<void> {
  const mode = (await stat(path).catch(() => undefined))?.mode;
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx', FILE_MODE);
    try {
      await handle.writeFile(content);
      if (mode !== undefined) await handle.chmod(mode & 0o777);
      await handle.sync(); // on disk before the rename makes it the file
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}
