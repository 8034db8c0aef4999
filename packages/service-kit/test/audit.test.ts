import { describe, expect, it } from 'vitest';
import { audit, AUDIT_MESSAGE, audited, auditNote, auditReasonOf, emailHash, ForbiddenError, RateLimitedError, UnauthenticatedError } from '../src/index.js';
import { memoryLogger } from '../src/testing.js';

describe('audit lines', () => {
  it('have one shape at info level, with the request logger’s bindings', () => {
    const { logger, lines } = memoryLogger();
    audit(logger.child({ requestId: 'req-1' }), {
      action: 'user.setRole',
      outcome: 'success',
      actorId: 'admin-1',
      targetId: 'user-2',
      role: 'AUTHOR',
      previousRole: 'PLAYER',
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: AUDIT_MESSAGE,
        requestId: 'req-1',
        audit: true,
        action: 'user.setRole',
        outcome: 'success',
        actorId: 'admin-1',
        targetId: 'user-2',
        reason: null,
        via: 'api',
        role: 'AUTHOR',
        previousRole: 'PLAYER',
      }),
    ]);
  });

  it('always give a failure a reason, and a success none', () => {
    const { logger, lines } = memoryLogger();
    audit(logger, { action: 'quiz.delete', outcome: 'failure', actorId: 'a', targetId: 'q' });
    audit(logger, { action: 'quiz.delete', outcome: 'success', actorId: 'a', targetId: 'q', reason: 'forbidden' });
    expect(lines.map((l) => l.reason)).toEqual(['error', null]);
  });

  it('follow the service’s log level like the access line: LOG_LEVEL=warn drops them', () => {
    const { logger, lines } = memoryLogger('warn');
    audit(logger, { action: 'user.delete', outcome: 'success', actorId: 'a', targetId: 'a' });
    expect(lines).toEqual([]);
  });
});

describe('audited', () => {
  it('writes a success line with what the result adds, and returns the result', async () => {
    const { logger, lines } = memoryLogger();
    const result = await audited(
      logger,
      { action: 'user.signIn', actorId: null, targetId: null, emailHash: 'h' },
      async () => ({ id: 'u1' }),
      (r) => ({ actorId: r.id, targetId: r.id }),
    );
    expect(result).toEqual({ id: 'u1' });
    expect(lines).toEqual([
      expect.objectContaining({ action: 'user.signIn', outcome: 'success', actorId: 'u1', targetId: 'u1', emailHash: 'h', reason: null }),
    ]);
  });

  it('writes a failure line with the noted reason and target, and rethrows the same error', async () => {
    const { logger, lines } = memoryLogger();
    const error = auditNote(new UnauthenticatedError('The email or the password is incorrect.'), {
      reason: 'wrongPassword',
      targetId: 'u1',
      details: { sessionId: 's1' },
    });
    await expect(
      audited(logger, { action: 'user.signIn', actorId: null, targetId: null }, async () => {
        throw error;
      }),
    ).rejects.toBe(error);
    expect(lines).toEqual([expect.objectContaining({ outcome: 'failure', reason: 'wrongPassword', targetId: 'u1', sessionId: 's1', actorId: null })]);
  });

  it('derives a reason from the error code when nothing was noted, and `error` for anything unexpected', () => {
    expect(auditReasonOf(new RateLimitedError('Too many.', 10))).toBe('throttled');
    expect(auditReasonOf(new ForbiddenError())).toBe('forbidden');
    expect(auditReasonOf(new Error('connection lost'))).toBe('error');
    expect(auditReasonOf('not even an error')).toBe('error');
  });

  it('keeps the note out of what a client sees', () => {
    const error = auditNote(new UnauthenticatedError('The email or the password is incorrect.'), { reason: 'unknownAccount' });
    expect(JSON.stringify(error.toJSON())).not.toMatch(/unknownAccount/);
    expect(Object.keys(error)).not.toContain('reason');
  });
});

describe('emailHash', () => {
  it('is the first 16 hex digits of the SHA-256 of the normalised email, as the README tells operators to compute it', () => {
    // `printf %s ada@demo.quizgraph.dev | sha256sum | cut -c1-16`
    expect(emailHash('ada@demo.quizgraph.dev')).toBe('600f1554f440de10');
    expect(emailHash('ada@demo.quizgraph.dev')).not.toBe(emailHash('alan@demo.quizgraph.dev'));
  });
});
