import { httpErrorBody } from '@quizgraph/service-kit';
import type { RequestHandler } from 'express';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * The persisted-query manifest format of Apollo's tooling (`@apollo/generate-persisted-query-manifest`),
 * which Apollo Router and GraphOS read too: each operation's id (by default the SHA-256 of its body),
 * name, type and body.
 */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().optional(),
      type: z.enum(['query', 'mutation', 'subscription']).optional(),
      body: z.string().min(1),
    }),
  ),
});

export type PersistedQueryManifest = z.infer<typeof manifestSchema>;

export interface Safelist {
  /** The body of the operation with this id, if the manifest has it. */
  byId(id: string): string | undefined;
  /** Whether this body (but for leading and trailing whitespace) is one of the manifest's. */
  hasBody(body: string): boolean;
  size: number;
}

/**
 * Bodies compare exactly, but for leading and trailing whitespace: whitespace inside could change a
 * string literal or bring a commented-out line to life.
 */
const normalise = (body: string) => body.trim();

export function safelistFrom(manifest: unknown): Safelist {
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) throw new Error(`Not an Apollo persisted-query manifest: ${parsed.error.message}`);
  const bodies = new Map<string, string>();
  const normalised = new Set<string>();
  for (const operation of parsed.data.operations) {
    bodies.set(operation.id, operation.body);
    // Apollo Client's persisted-query link sends the body's SHA-256 as the id: accepted too.
    bodies.set(createHash('sha256').update(operation.body).digest('hex'), operation.body);
    normalised.add(normalise(operation.body));
  }
  return { byId: (id) => bodies.get(id), hasBody: (body) => normalised.has(normalise(body)), size: parsed.data.operations.length };
}

export async function loadSafelist(path: string): Promise<Safelist> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`router: the persisted-query manifest ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  try {
    return safelistFrom(json);
  } catch (error) {
    throw new Error(`router: ${path}: ${(error as Error).message}`);
  }
}

interface GraphQLBody {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
}

function refuse(res: Parameters<RequestHandler>[1], code: string, message: string): void {
  res.status(400).json(httpErrorBody(message, code));
}

/**
 * Safelist mode: only the manifest's operations run. A request names one by id
 * (`extensions.persistedQuery.sha256Hash`, as Apollo Client's persisted-query link and Apollo Router
 * send it) or sends its exact body; anything else is refused with 400 before it is parsed, and no
 * operation can be registered (automatic persisted queries are off in this mode).
 */
export function safelistMiddleware(safelist: Safelist): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET') {
      const url = new URL(req.url, 'http://router');
      let extensions: GraphQLBody['extensions'];
      try {
        extensions = url.searchParams.has('extensions') ? JSON.parse(url.searchParams.get('extensions')!) : undefined;
      } catch {
        refuse(res, 'BAD_REQUEST', 'The "extensions" parameter is not valid JSON.');
        return;
      }
      const resolved = resolve({ query: url.searchParams.get('query') ?? undefined, extensions });
      if (typeof resolved !== 'string') {
        refuse(res, resolved.code, resolved.message);
        return;
      }
      url.searchParams.set('query', resolved);
      url.searchParams.delete('extensions');
      req.url = `${url.pathname}${url.search}`;
      next();
      return;
    }
    if (req.method !== 'POST' || !req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      next();
      return;
    }
    const body = req.body as GraphQLBody;
    const resolved = resolve(body);
    if (typeof resolved !== 'string') {
      refuse(res, resolved.code, resolved.message);
      return;
    }
    body.query = resolved;
    if (body.extensions) delete body.extensions.persistedQuery;
    next();
  };

  function resolve(body: GraphQLBody): string | { code: string; message: string } {
    const id = body.extensions?.persistedQuery?.sha256Hash;
    if (typeof id === 'string') {
      const known = safelist.byId(id);
      if (!known)
        return { code: 'PERSISTED_QUERY_NOT_IN_SAFELIST', message: 'This server runs only operations from its safelist, and this id is not one of them.' };
      if (typeof body.query === 'string' && normalise(body.query) !== normalise(known)) {
        return { code: 'PERSISTED_QUERY_NOT_IN_SAFELIST', message: 'The operation sent does not match the safelisted one with this id.' };
      }
      return known;
    }
    if (typeof body.query === 'string' && safelist.hasBody(body.query)) return body.query;
    return { code: 'PERSISTED_QUERY_NOT_IN_SAFELIST', message: 'This server runs only operations from its safelist: send a safelisted operation, or its id.' };
  }
}
