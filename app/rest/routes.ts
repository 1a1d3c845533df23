// What a module registers its REST routes with: GET and POST handlers whose parameters are
// zod schemas (validated before the handler runs, and written into the OpenAPI document),
// and `gateway` for the common case of one GET path answering one gRPC query method.
import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';
import type { AddressCodec } from '../address-codec.js';
import type { Json, JsonCodec, JsonTypes } from './proto-json.js';
import type { AbciQuerier } from './querier.js';
import { invalidArgument } from './status.js';

/** What a handler gets: the parsed parameters, and the height to read at (0: the latest). */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  height: bigint;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  /** One line for the OpenAPI document. */
  summary: string;
  /** Path parameters (`/balances/:address` → `{ address }`). */
  params?: P;
  /** Query string; grpc-gateway names nested fields with dots (`pagination.limit`). */
  query?: Q;
  body?: B;
}

export type RouteHandler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = (
  input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
) => Promise<Json>;

export interface GatewaySpec<P extends z.ZodType, Q extends z.ZodType> extends RouteSpec<P, Q, z.ZodUndefined> {
  /** The gRPC method it answers (`/cosmos.bank.v1beta1.Query/AllBalances`). */
  method: string;
  request(input: RouteInput<z.output<P>, z.output<Q>, undefined>): Uint8Array;
  response: JsonCodec;
}

export interface RestRoutes {
  /** How account addresses are written on this chain (for `addressParam`). */
  readonly addressCodec: AddressCodec;
  /** The app's queries. */
  readonly query: AbciQuerier;
  /** Any types known to the JSON writer; a module adds those its responses carry. */
  readonly types: JsonTypes;
  get<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
    path: string,
    spec: RouteSpec<P, Q, z.ZodUndefined>,
    handler: RouteHandler<P, Q, z.ZodUndefined>,
  ): void;
  post<B extends z.ZodType, P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
    path: string,
    spec: RouteSpec<P, Q, B>,
    handler: RouteHandler<P, Q, B>,
  ): void;
  gateway<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(path: string, spec: GatewaySpec<P, Q>): void;
}

// grpc-gateway reads the height to query at from this header (absent: the latest).
export const HEIGHT_HEADER = 'x-cosmos-block-height';

/** The first problem zod found, worded for a client; zod's own wording gets the field's name in front. */
function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = issue.path.join('.');
  const named = issue.code === 'custom' || field === '' || issue.message.startsWith(field) || issue.message.startsWith('invalid ');
  return named ? issue.message : `invalid ${field}: ${issue.message}`;
}

function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0', unrepresentable: 'any' }) as Record<string, unknown>;
  return json;
}

function parseHeight(header: string | string[] | undefined): bigint {
  if (header === undefined) return 0n;
  const value = Array.isArray(header) ? header[0]! : header;
  if (!/^[0-9]{1,19}$/.test(value)) throw invalidArgument(`invalid height: ${HEIGHT_HEADER} must be a non-negative integer, got "${value}"`);
  return BigInt(value);
}

export function fastifyRoutes(server: FastifyInstance, base: Pick<RestRoutes, 'addressCodec' | 'query' | 'types'>, tag: string): RestRoutes {
  const add = (method: 'GET' | 'POST', path: string, spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>, handler: RouteHandler<z.ZodType, z.ZodType, z.ZodType>) => {
    const parts = { params: spec.params, querystring: spec.query, body: spec.body };
    const schema: FastifySchema & Record<string, unknown> = { summary: spec.summary, tags: [tag] };
    for (const [part, zod] of Object.entries(parts)) if (zod) schema[part] = toJsonSchema(zod);
    server.route({
      method,
      url: path,
      schema,
      // zod, not fastify's ajv, checks every part: one set of rules and one error wording.
      validatorCompiler: ({ httpPart }) => {
        const zod = parts[httpPart as keyof typeof parts];
        return (data: unknown) => {
          if (zod === undefined) return { value: data };
          const result = zod.safeParse(data ?? {});
          return result.success ? { value: result.data } : { error: invalidArgument(describeIssues(result.error)) };
        };
      },
      handler: async (request, reply) => {
        const height = parseHeight(request.headers[HEIGHT_HEADER]);
        const body = await handler({ params: request.params, query: request.query, body: request.body, height });
        return reply.send(body);
      },
    });
  };
  return {
    ...base,
    get: (path, spec, handler) => add('GET', path, spec, handler as RouteHandler<z.ZodType, z.ZodType, z.ZodType>),
    post: (path, spec, handler) => add('POST', path, spec, handler as RouteHandler<z.ZodType, z.ZodType, z.ZodType>),
    gateway(path, spec) {
      add('GET', path, spec, async (input) => {
        const { value } = await base.query(spec.method, spec.request(input as RouteInput<any, any, undefined>), input.height);
        return base.types.toJson(spec.response, spec.response.decode(value));
      });
    },
  };
}
