import { openServiceDatabase } from '@quizgraph/prisma/runtime';
import { ROLES, type Role } from '@quizgraph/service-kit';
import { PrismaClient } from './__generated__/prisma/client.js';
import { normaliseEmail } from './validation.js';

/**
 * Operator access, outside the API: how the first admin comes to exist (`setUserRole` needs an admin).
 * Used by `pnpm --filter @quizgraph/users set-role` and by the development seed.
 */
export async function setRoleByEmail(databaseUrl: string, email: string, role: Role): Promise<{ id: string; role: Role }> {
  if (!ROLES.includes(role)) throw new Error(`A role is one of ${ROLES.join(', ')}.`);
  const { db, close } = openServiceDatabase(databaseUrl, (adapter, defaults) => new PrismaClient({ adapter, ...defaults }), 1);
  try {
    const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
    if (!user) throw new Error(`No account has the email ${email}.`);
    const updated = await db.user.update({ where: { id: user.id }, data: { role } });
    return { id: updated.id, role: updated.role };
  } finally {
    await close();
  }
}
