import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keySettingsFromEnv, loadServiceCredentials } from '../src/keyConfig.js';
import { verifyServiceCredential } from '../src/tokens.js';

function pair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    private: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    public: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

describe('service credentials from the environment (production)', () => {
  const router = pair();
  const quizzes = pair();
  const settings = (env: Record<string, string>) => keySettingsFromEnv(env, true, '/nowhere');

  it('signs with the process’s own key and accepts each other service’s public key for that service only', async () => {
    const atRouter = await loadServiceCredentials(
      settings({
        SERVICE_CREDENTIAL_PRIVATE_KEYS: JSON.stringify([{ kid: 'r1', pem: router.private }]),
        SERVICE_CREDENTIAL_PUBLIC_KEYS: JSON.stringify({ quizzes: [{ kid: 'q1', pem: quizzes.public }] }),
      }),
      'router',
    );
    const atQuizzes = await loadServiceCredentials(
      settings({
        SERVICE_CREDENTIAL_PRIVATE_KEYS: JSON.stringify([{ kid: 'q1', pem: quizzes.private }]),
        SERVICE_CREDENTIAL_PUBLIC_KEYS: JSON.stringify({ router: [{ kid: 'r1', pem: router.public }] }),
      }),
      'quizzes',
    );
    await expect(verifyServiceCredential(atRouter.signer.credentialFor('quizzes'), atQuizzes.keys, 'quizzes')).resolves.toEqual({ name: 'router' });
    await expect(verifyServiceCredential(atQuizzes.signer.credentialFor('router'), atRouter.keys, 'router')).resolves.toEqual({ name: 'quizzes' });
  });

  it('needs the other services’ public keys in production, as public keys, under known service names', async () => {
    const own = JSON.stringify([{ kid: 'r1', pem: router.private }]);
    await expect(loadServiceCredentials(settings({ SERVICE_CREDENTIAL_PRIVATE_KEYS: own }), 'router')).rejects.toThrow(
      /SERVICE_CREDENTIAL_PUBLIC_KEYS is required/,
    );
    await expect(
      loadServiceCredentials(
        settings({ SERVICE_CREDENTIAL_PRIVATE_KEYS: own, SERVICE_CREDENTIAL_PUBLIC_KEYS: JSON.stringify({ quizzes: [{ kid: 'q1', pem: quizzes.private }] }) }),
        'router',
      ),
    ).rejects.toThrow(/SERVICE_CREDENTIAL_PUBLIC_KEYS/);
    await expect(
      loadServiceCredentials(settings({ SERVICE_CREDENTIAL_PRIVATE_KEYS: own, SERVICE_CREDENTIAL_PUBLIC_KEYS: JSON.stringify({ stranger: [] }) }), 'router'),
    ).rejects.toThrow(/SERVICE_CREDENTIAL_PUBLIC_KEYS/);
    await expect(loadServiceCredentials(settings({}), 'router')).rejects.toThrow(/SERVICE_CREDENTIAL_PRIVATE_KEYS is required/);
  });
});
