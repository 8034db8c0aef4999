import { z } from 'zod';
import { setRoleByEmail } from '../admin.js';
import { createLogger, variableOrFile, type Role } from '@quizgraph/service-kit';

/**
 * pnpm --filter @quizgraph/users set-role <email> <PLAYER|AUTHOR|ADMIN>   (reads USERS_DATABASE_URL, or
 * the file USERS_DATABASE_URL_FILE names). In a container: `node dist/set-role.mjs <email> <role>`.
 */
const [email, role] = process.argv.slice(2);
let databaseUrl: string | undefined;
try {
  databaseUrl = variableOrFile(process.env, 'USERS_DATABASE_URL');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
const url = z.string().url().safeParse(databaseUrl);
if (!email || !role || !url.success) {
  console.error('Usage: USERS_DATABASE_URL=postgresql://… pnpm --filter @quizgraph/users set-role <email> <PLAYER|AUTHOR|ADMIN>');
  process.exit(2);
}
try {
  // The audit line (JSON, like the service's logs) records the change for operators; see README, Audit log.
  const user = await setRoleByEmail(url.data, email, role.toUpperCase() as Role, createLogger({ service: 'users' }));
  console.log(`${email} is now ${user.role} (user ${user.id}). New access tokens carry the role.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
