import { describe, expect, it } from 'vitest';
import { loadEnv } from '../src/env.js';

const production = {
  NODE_ENV: 'production',
  ACCESS_TOKEN_JWKS_URL: 'http://users:4001/.well-known/jwks.json',
  SERVICE_CREDENTIAL_PRIVATE_KEYS: '[]',
};

describe('CORS_ORIGINS', () => {
  it('defaults to any origin in development only: production must name them', () => {
    expect(loadEnv({ NODE_ENV: 'development' }).corsOrigins).toBe('*');
    expect(() => loadEnv(production)).toThrow(/CORS_ORIGINS is required in production/);
    expect(loadEnv({ ...production, CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    expect(loadEnv({ ...production, CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });

  it('refuses what is not an origin', () => {
    expect(() => loadEnv({ NODE_ENV: 'development', CORS_ORIGINS: 'app.example.com' })).toThrow(/not an origin/);
    expect(() => loadEnv({ NODE_ENV: 'development', CORS_ORIGINS: 'https://app.example.com/' })).toThrow(/not an origin/);
    expect(() => loadEnv({ NODE_ENV: 'development', CORS_ORIGINS: ' , ' })).toThrow(/names no origin/);
  });
});
