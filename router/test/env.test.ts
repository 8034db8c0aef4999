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

describe('TRUST_PROXY', () => {
  const dev = (TRUST_PROXY: string) => loadEnv({ NODE_ENV: 'development', TRUST_PROXY }).trustProxy;

  it('is false by default, a hop count, or proxies by address, subnet or range name', () => {
    expect(loadEnv({ NODE_ENV: 'development' }).trustProxy).toBe(false);
    expect(dev('false')).toBe(false);
    expect(dev('1')).toBe(1);
    expect(dev('10.0.0.0/8, 192.168.1.7')).toBe('10.0.0.0/8,192.168.1.7');
    expect(dev('loopback,uniquelocal,fd00::/8')).toBe('loopback,uniquelocal,fd00::/8');
  });

  it('refuses true: every X-Forwarded-For entry would be trusted, the leftmost of which the client writes', () => {
    expect(() => dev('true')).toThrow(/TRUST_PROXY=true .*any client can write/);
    expect(() => loadEnv({ ...production, CORS_ORIGINS: '*', TRUST_PROXY: 'true' })).toThrow(/number of proxies/);
  });

  it('refuses what is not an address, a subnet or a range name, before the server starts', () => {
    expect(() => dev('10.0.0.0/33')).toThrow(/"10.0.0.0\/33" is not a proxy address/);
    expect(() => dev('ingress')).toThrow(/"ingress" is not a proxy address/);
    expect(() => dev('10.0.0.1,')).toThrow(/"" is not a proxy address/);
  });
});

describe('METRICS_PORT', () => {
  it('moves /metrics off the public port, to a port of its own', () => {
    expect(loadEnv({ NODE_ENV: 'development' }).metricsPort).toBeUndefined();
    expect(loadEnv({ NODE_ENV: 'development', METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    expect(() => loadEnv({ NODE_ENV: 'development', METRICS_PORT: '4000' })).toThrow(/METRICS_PORT is ROUTER_PORT \(4000\)/);
    expect(() => loadEnv({ NODE_ENV: 'development', METRICS_PORT: 'http' })).toThrow(/METRICS_PORT/);
  });
});
