import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv, TRACING_ENV, tracingSettingsFromEnv } from '../src/index.js';

const schema = z.object(TRACING_ENV);
const settings = (env: Record<string, string>) => tracingSettingsFromEnv(parseEnv(schema, env, 'test process'), 'results');

describe('tracing settings from the standard OpenTelemetry variables', () => {
  it('records nothing by default, yet names the service', () => {
    expect(settings({})).toEqual({ exporter: 'none', sampleRatio: 1, serviceName: 'quizgraph-results' });
  });

  it('exports over OTLP once an endpoint is set, unless OTEL_TRACES_EXPORTER says otherwise', () => {
    expect(settings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).exporter).toBe('otlp');
    expect(settings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).exporter).toBe('otlp');
    expect(settings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }).exporter).toBe('none');
    expect(settings({ OTEL_TRACES_EXPORTER: 'console' }).exporter).toBe('console');
  });

  it('takes a sampling ratio and a service name', () => {
    expect(settings({ OTEL_TRACES_SAMPLER_ARG: '0.25', OTEL_SERVICE_NAME: 'results-eu' })).toMatchObject({ sampleRatio: 0.25, serviceName: 'results-eu' });
  });

  it('refuses what it cannot honour, naming the variable', () => {
    expect(() => settings({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/OTEL_TRACES_EXPORTER/);
    expect(() => settings({ OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
    expect(() => settings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});
