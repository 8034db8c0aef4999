import { z } from 'zod';
import { setRoleByEmail } from '../admin.js';
import type { Role } from '@quizgraph/service-kit';

/** pnpm --filter @quizgraph/users set-role <email> <PLAYER|AUTHOR|ADMIN>   (reads USERS_DATABASE_URL) */
const [email, role] = process.argv.slice(2);
const url = z.string().url().safeParse(process.env.USERS_DATABASE_URL);
if (!email || !role || !url.success) {
  console.error('Usage: USERS_DATABASE_URL=postgresql://… pnpm --filter @quizgraph/users set-role <email> <PLAYER|AUTHOR|ADMIN>');
  process.exit(2);
}
try {
  const user = await setRoleByEmail(url.data, email, role.toUpperCase() as Role);
  console.log(`${email} is now ${user.role} (user ${user.id}). New access tokens carry the role.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
