import { openServiceDatabase } from '@quizgraph/prisma/runtime';
import { audit, ROLES, type Logger, type Role } from '@quizgraph/service-kit';
import { PrismaClient } from './__generated__/prisma/client.js';
import { normaliseEmail } from './validation.js';

/**
 * Operator access, outside the API: how the first admin comes to exist (`setUserRole` needs an admin).
 * Used by `pnpm --filter @quizgraph/users set-role`, `pnpm users:set-role` and by the development seed.
 * With a logger (the commands pass one), the change leaves a `user.setRole` audit line `via: cli`.
 */
export async function setRoleByEmail(databaseUrl: string, email: string, role: Role, logger?: Logger): Promise<{ id: string; role: Role; previousRole: Role }> {
  if (!ROLES.includes(role)) throw new Error(`A role is one of ${ROLES.join(', ')}.`);
  const { db, close } = openServiceDatabase(databaseUrl, (adapter, defaults) => new PrismaClient({ adapter, ...defaults }), 1);
  try {
    const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
    if (!user) throw new Error(`No account has the email ${email}.`);
    const updated = await db.user.update({ where: { id: user.id }, data: { role } });
    if (logger)
      audit(logger, {
        action: 'user.setRole',
        outcome: 'success',
        actorId: null,
        targetId: updated.id,
        role: updated.role,
        previousRole: user.role,
        via: 'cli',
      });
    return { id: updated.id, role: updated.role, previousRole: user.role };
  } finally {
    await close();
  }
}
