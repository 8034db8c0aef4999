/** A minimal GraphQL-over-HTTP client for the demo seed and the tests (real HTTP, no mocks). */
/**
 * JSON of any shape: the default for callers (tests, scripts) that read a response without naming its
 * type; pass a precise type where one exists.
 */
// biome-ignore lint/suspicious/noExplicitAny: what a caller reads is not known here, and `unknown` would force a cast at every field.
export type AnyJson = Record<string, any>;

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  accessToken?: string;
  headers?: Record<string, string>;
}

export async function graphqlRequest<T = AnyJson>(
  url: string,
  query: string,
  { variables, accessToken, headers }: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: Omit<GraphQLResponse<T>, 'status'>;
  try {
    body = JSON.parse(text) as Omit<GraphQLResponse<T>, 'status'>;
  } catch {
    body = { errors: [{ message: `Not a GraphQL response (${response.status}): ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, ...body };
}

/** Like graphqlRequest, but throws on any error: for callers that expect success (the seed). */
export async function graphqlData<T = AnyJson>(url: string, query: string, options?: RequestOptions): Promise<T> {
  const response = await graphqlRequest<T>(url, query, options);
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL request failed: ${response.errors?.map((e) => e.message).join('; ') ?? response.status}`);
  }
  return response.data;
}
