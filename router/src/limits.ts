import { REQUEST_ID_HEADER, requestIdOf, type Logger } from '@quizgraph/service-kit';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import {
  buildASTSchema,
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isTypeDefinitionNode,
  isTypeExtensionNode,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  type ArgumentNode,
  type ConstDirectiveNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Limits on the shape of a request, checked on the parsed document BEFORE graphql-js validates it:
 * validation's OverlappingFieldsCanBeMerged rule is quadratic in the fields selected more than once at
 * the same place, so a 78 kB query repeating one field held the event loop for seconds. Everything here
 * is linear in the document and stops at the first limit passed (the walk of a document with fragments
 * expanded stops after `maxFields` fields).
 */
export interface QueryLimits {
  /** Lexical tokens of the whole document (punctuation, names, values; comments are free). */
  maxTokens: number;
  /** Nesting of fields: `{ me { id } }` is 2 deep. Introspection (`__schema`, `__type`) may nest to INTROSPECTION_DEPTH. */
  maxDepth: number;
  /** Aliased fields, counting a fragment each time it is spread (`__typename` is free). */
  maxAliases: number;
  /** Directives used (`@include`, `@skip`, …), counting a fragment each time it is spread. */
  maxDirectives: number;
  /** Selections of a field already selected at the same place (the same response key under the same path). */
  maxRepeatedFields: number;
  /** Fields selected, counting a fragment each time it is spread. */
  maxFields: number;
  /** Estimated cost, from the supergraph's `@cost` and `@listSize` (Apollo Router's demand-control model). */
  maxCost: number;
  /** The size assumed for a list field with no `@listSize` in the schema. */
  defaultListSize: number;
}

/**
 * Tuned for this schema: the deepest query of a real screen (an attempt's review: `me { attempts {
 * edges { node { questions { review { correctAnswer { … } } } } } } }`) is 8 deep; the costliest (an
 * author's answer key over every version: 10 versions × 100 questions × 21) costs about 21,000.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxTokens: 5_000,
  maxDepth: 10,
  maxAliases: 30,
  maxDirectives: 30,
  maxRepeatedFields: 50,
  maxFields: 1_000,
  maxCost: 25_000,
  defaultListSize: 10,
};

/** Introspection queries (GraphiQL, Sandbox, codegen) nest `ofType` about 10 levels below `__schema`. */
export const INTROSPECTION_DEPTH = 16;

export type QueryLimitCode =
  | 'TOO_MANY_TOKENS'
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'TOO_MANY_REPEATED_FIELDS'
  | 'TOO_MANY_FIELDS'
  | 'QUERY_TOO_COMPLEX';

/** The client's message per code: with the numbers in development, without them in production. */
const MESSAGES: Record<QueryLimitCode, { production: string; development: (actual: number, limit: number) => string }> = {
  TOO_MANY_TOKENS: {
    production: 'The query is too long. Send large values as variables.',
    development: (_actual, limit) => `The query has more than ${limit} tokens. Send large values as variables.`,
  },
  QUERY_TOO_DEEP: {
    production: 'The query nests fields too deeply.',
    development: (actual, limit) => `The query nests fields ${actual} deep; the limit is ${limit}.`,
  },
  TOO_MANY_ALIASES: {
    production: 'The query uses too many aliases.',
    development: (actual, limit) => `The query uses ${actual} aliases; the limit is ${limit}.`,
  },
  TOO_MANY_DIRECTIVES: {
    production: 'The query uses too many directives.',
    development: (actual, limit) => `The query uses ${actual} directives; the limit is ${limit}.`,
  },
  TOO_MANY_REPEATED_FIELDS: {
    production: 'The query selects the same fields too many times.',
    development: (actual, limit) => `The query selects a field already selected at the same place ${actual} times; the limit is ${limit}.`,
  },
  TOO_MANY_FIELDS: {
    production: 'The query selects too many fields.',
    development: (_actual, limit) => `The query selects more than ${limit} fields (fragments count each time they are spread).`,
  },
  QUERY_TOO_COMPLEX: {
    production: 'The query asks for too much at once. Ask for fewer items (`first`) or fewer nested lists.',
    development: (actual, limit) => `The query's estimated cost is ${actual}; the limit is ${limit}. Ask for fewer items (\`first\`) or fewer nested lists.`,
  },
};

/** A request refused for its shape: HTTP 400 with a code a client can branch on. */
export class QueryLimitError extends GraphQLError {
  constructor(
    readonly code: QueryLimitCode,
    readonly actual: number,
    readonly limit: number,
    production: boolean,
  ) {
    super(production ? MESSAGES[code].production : MESSAGES[code].development(actual, limit), {
      extensions: { code, ...(production ? {} : { limit, actual }), http: { status: 400 } },
    });
  }
}

export function isQueryLimitCode(code: unknown): code is QueryLimitCode {
  return typeof code === 'string' && code in MESSAGES;
}

// ---------------------------------------------------------------------------------------------
// The cost model, read from the supergraph (Federation's @cost and @listSize, cost spec v0.1)
// ---------------------------------------------------------------------------------------------

export interface ListSize {
  assumedSize: number | null;
  slicingArguments: string[];
  sizedFields: string[];
}

export interface CostModel {
  /** The supergraph as a schema: every type and field, for looking up what a selection returns. */
  schema: GraphQLSchema;
  /** `@cost(weight:)` on a type (object, scalar, enum), by type name. */
  typeWeights: Map<string, number>;
  /** `@cost(weight:)` on a field, by `Type.field`. */
  fieldWeights: Map<string, number>;
  /** `@cost(weight:)` on an argument, by `Type.field(argument)`. */
  argumentWeights: Map<string, number>;
  /** `@listSize` on a field, by `Type.field`. */
  listSizes: Map<string, ListSize>;
}

const COST_SPEC = 'https://specs.apollo.dev/cost/';

/** The names `@cost` and `@listSize` go by in a schema that links the cost spec (imported, renamed, or prefixed). */
function costDirectiveNames(document: DocumentNode): { cost: string; listSize: string } {
  const names = { cost: 'cost', listSize: 'listSize' };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      const url = stringArgument(link, 'url');
      if (link.name.value !== 'link' || !url?.startsWith(COST_SPEC)) continue;
      // Link spec: names not imported take the prefix, except the directive named like the spec itself.
      const prefix = stringArgument(link, 'as') ?? 'cost';
      names.cost = prefix;
      names.listSize = `${prefix}__listSize`;
      const imports = link.arguments?.find((a) => a.name.value === 'import')?.value;
      for (const item of imports?.kind === Kind.LIST ? imports.values : []) {
        if (item.kind === Kind.STRING) {
          const name = item.value.replace(/^@/, '');
          if (name === 'cost' || name === 'listSize') names[name] = name;
        } else if (item.kind === Kind.OBJECT) {
          const name = item.fields.find((f) => f.name.value === 'name')?.value;
          const as = item.fields.find((f) => f.name.value === 'as')?.value;
          if (name?.kind !== Kind.STRING) continue;
          const key = name.value.replace(/^@/, '');
          if (key === 'cost' || key === 'listSize') names[key] = as?.kind === Kind.STRING ? as.value.replace(/^@/, '') : key;
        }
      }
    }
  }
  return names;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function intArgument(directive: ConstDirectiveNode, name: string): number | null {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : null;
}

function stringListArgument(directive: ConstDirectiveNode, name: string): string[] {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.STRING) return [value.value];
  return value?.kind === Kind.LIST ? value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : [];
}

/** Reads the cost model from a supergraph SDL (as `pnpm compose` writes it), once at start. */
export function costModelFromSupergraph(supergraphSdl: string): CostModel {
  const document = parse(supergraphSdl, { noLocation: true });
  const names = costDirectiveNames(document);
  const model: CostModel = {
    schema: buildASTSchema(document, { assumeValidSDL: true }),
    typeWeights: new Map(),
    fieldWeights: new Map(),
    argumentWeights: new Map(),
    listSizes: new Map(),
  };
  const weightOf = (directives: readonly ConstDirectiveNode[] | undefined) => {
    const cost = directives?.find((d) => d.name.value === names.cost);
    return cost ? intArgument(cost, 'weight') : null;
  };
  for (const definition of document.definitions) {
    if (!isTypeDefinitionNode(definition) && !isTypeExtensionNode(definition)) continue;
    const typeName = definition.name.value;
    const typeWeight = weightOf(definition.directives);
    if (typeWeight !== null) model.typeWeights.set(typeName, typeWeight);
    if (!('fields' in definition) || !definition.fields) continue;
    for (const field of definition.fields) {
      const key = `${typeName}.${field.name.value}`;
      const weight = weightOf(field.directives);
      if (weight !== null) model.fieldWeights.set(key, weight);
      const listSize = field.directives?.find((d) => d.name.value === names.listSize);
      if (listSize) {
        model.listSizes.set(key, {
          assumedSize: intArgument(listSize, 'assumedSize'),
          slicingArguments: stringListArgument(listSize, 'slicingArguments'),
          sizedFields: stringListArgument(listSize, 'sizedFields'),
        });
      }
      for (const argument of 'arguments' in field ? (field.arguments ?? []) : []) {
        const argumentWeight = weightOf(argument.directives);
        if (argumentWeight !== null) model.argumentWeights.set(`${key}(${argument.name.value})`, argumentWeight);
      }
    }
  }
  return model;
}

// ---------------------------------------------------------------------------------------------
// Measuring a request
// ---------------------------------------------------------------------------------------------

export interface QueryMeasures {
  tokens: number;
  depth: number;
  aliases: number;
  directives: number;
  repeatedFields: number;
  fields: number;
  /** The estimated cost of the operation that would run (0 if it cannot be told which). */
  cost: number;
}

export interface LimitedRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * Counts the document's tokens, stopping past `max`, and how deep its braces nest. A lexical error
 * stops the count: the request then goes on to Apollo Server, whose parser reports it as usual.
 */
export function countTokens(query: string, max: number): { tokens: number; nesting: number } {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  let open = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++tokens > max) break;
      if (token.kind === TokenKind.BRACE_L) nesting = Math.max(nesting, ++open);
      else if (token.kind === TokenKind.BRACE_R) open--;
    }
  } catch {
    // Not a GraphQL document: Apollo Server says why.
  }
  return { tokens, nesting };
}

/**
 * Checks a request against the limits: throws a QueryLimitError for the first limit passed, else
 * answers what it measured. A document that does not parse passes (Apollo Server reports its syntax
 * error); fields the schema does not know cost nothing (validation refuses them next).
 */
export function checkQueryLimits(request: LimitedRequest, model: CostModel, limits: QueryLimits, production: boolean): QueryMeasures {
  const refuse = (code: QueryLimitCode, actual: number, limit: number): never => {
    throw new QueryLimitError(code, actual, limit, production);
  };
  let parsed = parsedDocuments.get(request.query);
  if (parsed && parsed.tokens > limits.maxTokens) parsed = undefined;
  if (!parsed) {
    const { tokens, nesting } = countTokens(request.query, limits.maxTokens);
    if (tokens > limits.maxTokens) refuse('TOO_MANY_TOKENS', tokens, limits.maxTokens);
    let document: DocumentNode;
    try {
      document = parse(request.query, { noLocation: true, maxTokens: limits.maxTokens });
    } catch (error) {
      // graphql-js parses recursively: about 2,000 nested selections exhaust the stack.
      if (error instanceof RangeError) refuse('QUERY_TOO_DEEP', nesting, limits.maxDepth);
      return { tokens, depth: 0, aliases: 0, directives: 0, repeatedFields: 0, fields: 0, cost: 0 };
    }
    parsed = { tokens, document };
    if (request.query.length <= CACHED_QUERY_MAX_LENGTH) {
      parsedDocuments.set(request.query, parsed);
      if (parsedDocuments.size > PARSED_DOCUMENTS_KEPT) parsedDocuments.delete(parsedDocuments.keys().next().value!);
    }
  }
  // Measured at every request: the cost depends on the variables (`first: $n`).
  return { ...measureDocument(parsed.document, request, model, limits, refuse), tokens: parsed.tokens };
}

/**
 * The documents of the last requests, by their text, with their exact token count (only documents
 * within a limit are kept, so the count was not cut short): most requests repeat a few documents, and
 * lexing and parsing each again was a few per cent of the router's CPU. Bounded (100 documents of at
 * most 8 kB, first in first out), so distinct large documents cannot make it grow. Never mutated:
 * measureDocument only reads.
 */
const parsedDocuments = new Map<string, { tokens: number; document: DocumentNode }>();
const PARSED_DOCUMENTS_KEPT = 100;
const CACHED_QUERY_MAX_LENGTH = 8_192;

type Refuse = (code: QueryLimitCode, actual: number, limit: number) => never;

/**
 * The same checks on a document already parsed (and validated): for a request that names a persisted
 * query by its hash, whose variables (and so its cost) the gate in front of Apollo Server never saw.
 */
export function checkDocumentLimits(
  document: DocumentNode,
  request: Omit<LimitedRequest, 'query'>,
  model: CostModel,
  limits: QueryLimits,
  production: boolean,
): Omit<QueryMeasures, 'tokens'> {
  return measureDocument(document, request, model, limits, (code, actual, limit) => {
    throw new QueryLimitError(code, actual, limit, production);
  });
}

function measureDocument(
  document: DocumentNode,
  request: Omit<LimitedRequest, 'query'>,
  model: CostModel,
  limits: QueryLimits,
  refuse: Refuse,
): Omit<QueryMeasures, 'tokens'> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  // The operation's variables with their defaults (set per operation below).
  let variables: Record<string, unknown> = {};
  const totals = { depth: 0, aliases: 0, directives: 0, repeatedFields: 0, fields: 0 };
  /** Fragment spreads and inline fragments walked: bounded like fields (see walk). */
  let fragmentsVisited = 0;
  // Selections per place (response keys from the root): validation compares every pair at one place.
  const selectionsAt = new Map<string, number>();
  const reached = new Set<string>();

  const countDirectives = (directives: readonly DirectiveNode[] | undefined) => {
    totals.directives += directives?.length ?? 0;
    if (totals.directives > limits.maxDirectives) refuse('TOO_MANY_DIRECTIVES', totals.directives, limits.maxDirectives);
  };

  /**
   * The cost of a selection set on `parentType` at `path`, counting everything else on the way.
   * `sizedFields`: list sizes a parent's `@listSize(sizedFields:)` set for fields of this set.
   */
  const walk = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType | undefined,
    path: string,
    depth: number,
    maxDepth: number,
    sizedFields: Map<string, number> | null,
    spreading: Set<string>,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      countDirectives(selection.directives);
      // Spreads and inline fragments count as selections too: a chain of fragments made only of
      // spreads (each spreading the next twice) selects no field yet doubles the walk at each link.
      if (selection.kind !== Kind.FIELD && ++fragmentsVisited > limits.maxFields) refuse('TOO_MANY_FIELDS', fragmentsVisited, limits.maxFields);
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? model.schema.getType(selection.typeCondition.name.value) : parentType;
        cost += walk(selection.selectionSet, type ?? undefined, path, depth, maxDepth, sizedFields, spreading);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is left to validation (NoFragmentCyclesRule) to report.
        if (!fragment || spreading.has(name)) continue;
        reached.add(name);
        spreading.add(name);
        countDirectives(fragment.directives);
        const type = model.schema.getType(fragment.typeCondition.name.value) ?? undefined;
        cost += walk(fragment.selectionSet, type, path, depth, maxDepth, sizedFields, spreading);
        spreading.delete(name);
        continue;
      }
      cost += walkField(selection, parentType, path, depth + 1, maxDepth, sizedFields, spreading);
    }
    return cost;
  };

  const walkField = (
    field: FieldNode,
    parentType: GraphQLNamedType | undefined,
    path: string,
    depth: number,
    maxDepth: number,
    sizedFields: Map<string, number> | null,
    spreading: Set<string>,
  ): number => {
    const name = field.name.value;
    const introspection = name === '__schema' || name === '__type';
    const effectiveMaxDepth = introspection ? Math.max(maxDepth, INTROSPECTION_DEPTH) : maxDepth;
    if (depth > effectiveMaxDepth) refuse('QUERY_TOO_DEEP', depth, effectiveMaxDepth);
    totals.depth = Math.max(totals.depth, depth);
    if (++totals.fields > limits.maxFields) refuse('TOO_MANY_FIELDS', totals.fields, limits.maxFields);
    if (field.alias && name !== '__typename' && ++totals.aliases > limits.maxAliases) {
      refuse('TOO_MANY_ALIASES', totals.aliases, limits.maxAliases);
    }
    const here = `${path}.${field.alias?.value ?? name}`;
    const seen = (selectionsAt.get(here) ?? 0) + 1;
    selectionsAt.set(here, seen);
    if (seen > 1 && ++totals.repeatedFields > limits.maxRepeatedFields) {
      refuse('TOO_MANY_REPEATED_FIELDS', totals.repeatedFields, limits.maxRepeatedFields);
    }

    const definition = fieldDefinition(parentType, name);
    const returnType = definition ? getNamedType(definition.type) : undefined;
    const key = parentType && definition ? `${parentType.name}.${name}` : null;
    const listSize = key ? model.listSizes.get(key) : undefined;
    // The list size the slicing arguments ask for (`first`), else the assumed one.
    const requestedSize = listSize && definition ? sizeOf(listSize, definition, field.arguments ?? [], variables, limits.defaultListSize) : null;
    const childSizes =
      listSize && listSize.sizedFields.length > 0 && requestedSize !== null ? new Map(listSize.sizedFields.map((f) => [f, requestedSize] as const)) : null;
    const childCost = field.selectionSet ? walk(field.selectionSet, returnType, here, depth, effectiveMaxDepth, childSizes, spreading) : 0;
    if (!definition || !returnType || introspection || name.startsWith('__')) return 0;

    const weight = (key ? model.fieldWeights.get(key) : undefined) ?? model.typeWeights.get(returnType.name) ?? (isCompositeType(returnType) ? 1 : 0);
    let argumentCost = 0;
    for (const argument of field.arguments ?? []) argumentCost += model.argumentWeights.get(`${key}(${argument.name.value})`) ?? 0;
    let cost = weight + childCost;
    if (returnsList(definition.type)) {
      // A parent's sizedFields wins; then this field's own @listSize (unless it sizes its children); then the default.
      const size = sizedFields?.get(name) ?? (listSize && listSize.sizedFields.length === 0 ? requestedSize : null) ?? limits.defaultListSize;
      cost *= size;
    }
    return cost + argumentCost;
  };

  let selectedCost = 0;
  const selected = request.operationName
    ? operations.find((o) => o.name?.value === request.operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  operations.forEach((operation, index) => {
    countDirectives(operation.directives);
    variables = { ...variableDefaults(operation), ...request.variables };
    const root = model.schema.getRootType(operation.operation) ?? undefined;
    const cost = (operation.operation === 'mutation' ? 10 : 0) + walk(operation.selectionSet, root, `#${index}`, 0, limits.maxDepth, null, new Set());
    if (operation === selected) selectedCost = cost;
  });
  // Validation looks at unused fragments too (before reporting them): they must pass the same limits.
  for (const [name, fragment] of fragments) {
    if (reached.has(name)) continue;
    const type = model.schema.getType(fragment.typeCondition.name.value) ?? undefined;
    countDirectives(fragment.directives);
    walk(fragment.selectionSet, type, `...${name}`, 0, limits.maxDepth, null, new Set([name]));
  }
  if (selectedCost > limits.maxCost) refuse('QUERY_TOO_COMPLEX', selectedCost, limits.maxCost);
  return { ...totals, cost: selectedCost };
}

function variableDefaults(operation: OperationDefinitionNode): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.INT) defaults[definition.variable.name.value] = Number(definition.defaultValue.value);
  }
  return defaults;
}

function fieldDefinition(parentType: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (!parentType || !(isObjectType(parentType) || isInterfaceType(parentType))) return undefined;
  return parentType.getFields()[name];
}

function returnsList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * The size a `@listSize` field answers: the largest slicing argument given (or its default), else its
 * assumed size, else the default. A value that is not a non-negative integer counts as the default:
 * the subgraph refuses it anyway.
 */
function sizeOf(
  listSize: ListSize,
  definition: GraphQLField<unknown, unknown>,
  argumentNodes: readonly ArgumentNode[],
  variables: Record<string, unknown>,
  defaultListSize: number,
): number {
  let size: number | null = null;
  for (const slicing of listSize.slicingArguments) {
    const node = argumentNodes.find((a) => a.name.value === slicing);
    const value = node ? literalValueOf(node.value, variables) : definition.args.find((a) => a.name === slicing)?.defaultValue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) size = Math.max(size ?? 0, value);
  }
  return size ?? listSize.assumedSize ?? defaultListSize;
}

function literalValueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The router's gate
// ---------------------------------------------------------------------------------------------

export interface QueryLimitsGateOptions {
  model: CostModel;
  limits: QueryLimits;
  /** Production: refusals do not say the limit's value. */
  production: boolean;
  logger: Logger;
}

/**
 * Express middleware in front of Apollo Server: refuses a request over a limit with HTTP 400 and a
 * GraphQL error, before Apollo Server parses and validates it. (Apollo Server's plugin hooks cannot do
 * this: an error thrown from `parsingDidStart` or `validationDidStart` becomes an HTTP 500, and
 * `didResolveOperation` runs after validation.) Anything else (no query, a batch, a persisted query's
 * hash) goes on to Apollo Server, which answers it.
 */
export function queryLimitsGate({ model, limits, production, logger }: QueryLimitsGateOptions): RequestHandler {
  return (req, res, next) => {
    const params: unknown = req.method === 'GET' ? req.query : req.body;
    if (!isRecord(params) || typeof params.query !== 'string') return next();
    try {
      checkQueryLimits(
        {
          query: params.query,
          operationName: typeof params.operationName === 'string' ? params.operationName : null,
          variables: variablesOf(params.variables),
        },
        model,
        limits,
        production,
      );
    } catch (error) {
      if (!(error instanceof QueryLimitError)) return next(error);
      const requestId = requestIdOf(req);
      res.setHeader(REQUEST_ID_HEADER, requestId);
      logger.warn({ requestId, code: error.code, actual: error.actual, limit: error.limit }, 'query refused by a limit');
      const { http: _http, ...extensions } = error.extensions;
      res.status(400).json({ errors: [{ message: error.message, extensions }] });
      return;
    }
    next();
  };
}

/**
 * Apollo Server plugin: checks the limits of a request that came without its text (an automatic
 * persisted query's hash, a safelisted operation's id), once its document is known; the gate checked
 * every other. `didResolveOperation` is where Apollo Server lets a plugin refuse with a GraphQLError.
 */
export function queryLimitsPlugin({ model, limits, production }: Omit<QueryLimitsGateOptions, 'logger'>): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      if (typeof request.query === 'string') return;
      return {
        async didResolveOperation({ document, request: { operationName, variables } }) {
          checkDocumentLimits(document, { operationName: operationName ?? null, variables: variables ?? null }, model, limits, production);
        },
      };
    },
  };
}

/**
 * Wraps a `formatError` that masks unknown codes: limit refusals raised inside Apollo Server (by the
 * plugin above) reach the client with their code and message.
 */
export function keepingLimitErrors(format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (!isQueryLimitCode(code)) return format(formatted, error);
    const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, extensions };
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Variables as a POST body carries them (an object) or a GET query string does (JSON text). */
function variablesOf(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return isRecord(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return isRecord(value) ? value : null;
}
