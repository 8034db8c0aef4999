import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../src/index.js';

describe('metrics', () => {
  it('keeps client-chosen operation names from growing the label set without end', async () => {
    const metrics = createMetrics('test');
    const server = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } }, plugins: [metrics.plugin] });
    for (let i = 0; i < 210; i++) await server.executeOperation({ query: `query Op${i} { ok }` });
    await server.executeOperation({ query: 'query Op0 { ok }' });
    const lines = (await metrics.render()).body.split('\n').filter((l) => l.startsWith('quizgraph_graphql_requests_total{'));
    // 200 names of their own (Op0 counted twice), the 10 after them together as "other".
    expect(lines).toHaveLength(201);
    expect(lines.find((l) => l.includes('operation="Op0"'))).toMatch(/ 2$/);
    expect(lines.find((l) => l.includes('operation="other"'))).toMatch(/ 10$/);
  });
});
