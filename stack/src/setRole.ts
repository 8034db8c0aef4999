import { databaseUrl, embeddedPostgresUrl } from '@quizgraph/prisma';
import { createLogger, type Role } from '@quizgraph/service-kit';
import { setRoleByEmail } from '@quizgraph/users/admin';
import { ACCESS_TOKEN_ISSUER, databaseName } from '@quizgraph/topology';
import { loadEnv } from './env.js';

/**
 * Accounts and their roles live with the access-token issuer of the service list.
 * `pnpm users:set-role <email> <PLAYER|AUTHOR|ADMIN>`: gives a role outside the API, in the users
 * database `pnpm start` uses (so it must be running when that is the embedded Postgres). This is how
 * the first admin comes to exist; after that, admins use the setUserRole mutation.
 */
const [email, role] = process.argv.slice(2);
if (!email || !role) {
  console.error('Usage: pnpm users:set-role <email> <PLAYER|AUTHOR|ADMIN>');
  process.exit(2);
}
const { database } = loadEnv();
const url =
  database.kind === 'urls'
    ? database.urls[ACCESS_TOKEN_ISSUER]
    : databaseUrl(database.kind === 'server' ? database.serverUrl : await embeddedPostgresUrl(database.dir, database.port), databaseName(ACCESS_TOKEN_ISSUER));
try {
  // The audit line (JSON, like the services' logs) records the change for operators; see README, Audit log.
  const user = await setRoleByEmail(url, email, role.toUpperCase() as Role, createLogger({ service: ACCESS_TOKEN_ISSUER }));
  console.log(`${email} is now ${user.role}. Their next login or refreshSession returns an access token with the role.`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(/ECONNREFUSED|Can't reach database/.test(message) ? `${message}\nIs pnpm start running?` : message);
  process.exit(1);
}
