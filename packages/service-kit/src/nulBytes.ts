import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { BadUserInputError } from './errors.js';

/** Where the first string holding a NUL character is: a variable's path (`input.title`), or null. */
export function nulBytePath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulBytePath(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return `${path}.${key.replaceAll('\u0000', '\\u0000')}`;
      const found = nulBytePath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function literalWithNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (!node.value.includes('\u0000')) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Refuses an operation whose variables or string literals hold a NUL character (U+0000): no text a
 * client sends means one, and Postgres cannot store it in text, so it would otherwise fail deep in a
 * resolver as an internal error. `BAD_USER_INPUT`, with the variable's path as `field`.
 *
 * `status` is the HTTP status of the refusal: 400 at the router; 200 at subgraphs, so that the router
 * passes the error on as it is instead of reporting a failed subgraph.
 */
export function refuseNulBytesPlugin(status: number): ApolloServerPlugin {
  const http = { status, headers: new Map<string, string>() };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = nulBytePath(request.variables ?? {}, '')?.replace(/^\./, '') || null;
          if (field) throw new BadUserInputError(`"${field}" contains a NUL character (\\u0000), which no text accepts.`, { field, http });
          if (literalWithNul(document)) throw new BadUserInputError('The operation contains a NUL character (\\u0000), which no text accepts.', { http });
        },
      };
    },
  };
}
