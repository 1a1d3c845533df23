// REST routes from `google.api.http` options, as the SDK's grpc-gateway serves a module's
// queries: a GET path template (`/zonekit/counter/v1/count/{address}`) whose `{field}`s are
// path parameters, every other scalar field of the request a query-string parameter, and
// `pagination.*` as grpc-gateway flattens it. The response is the method's response message in
// the SDK's JSON (app/proto/json.ts). A module lists its query service; nothing else to write.
import type { DescField, DescMessage } from '@bufbuild/protobuf';
import { z } from 'zod';
import { addressParam, pageRequest, paginationQuery, uint64Param } from '../rest/params.js';
import type { RestRoutes } from '../rest/routes.js';
import { invalidArgument } from '../rest/status.js';
import { generatedJsonCodec, messageFromJson } from './json.js';
import { localName, type GeneratedCodec, type ProtoSchema } from './schema.js';

const PAGE_REQUEST = 'cosmos.base.query.v1beta1.PageRequest';

/** The generated codec of a message the service uses; a missing one is a wiring mistake, said at start-up. */
export function codecFor(codecs: readonly GeneratedCodec[], desc: DescMessage): GeneratedCodec {
  const codec = codecs.find((c) => c.$type === desc.typeName);
  if (codec === undefined) throw new Error(`no generated codec given for ${desc.typeName}: pass the exports of its gen/ file`);
  return codec;
}

/** `{address}` names in a path template, in order. */
export function templateParams(template: string): string[] {
  return [...template.matchAll(/\{([^}=]+)(?:=[^}]*)?\}/g)].map((m) => m[1]!);
}

function paramSchema(schema: ProtoSchema, routes: Pick<RestRoutes, 'addressCodec'>, field: DescField): z.ZodType {
  if (schema.scalar(field) === 'cosmos.AddressString') return addressParam(routes.addressCodec);
  if (field.fieldKind === 'scalar' && (field.scalar === 4 || field.scalar === 6)) return uint64Param(field.name).transform(String);
  return z.string();
}

/** The rest routes of one query service: `rest: gatewayRoutes(schema, 'zonekit.counter.v1.Query', codecsOf(query))`. */
export function gatewayRoutes(schema: ProtoSchema, service: string, codecs: readonly GeneratedCodec[]): (routes: RestRoutes) => void {
  const desc = schema.service(service);
  return (routes) => {
    for (const method of desc.methods) {
      const rule = schema.httpRule(method);
      if (rule === undefined || rule.method !== 'GET') continue;
      const request = codecFor(codecs, method.input);
      const response = generatedJsonCodec(schema, codecFor(codecs, method.output));
      const names = templateParams(rule.path);
      const field = (name: string) => {
        const found = method.input.fields.find((f) => f.name === name);
        if (found === undefined) throw new Error(`${service}/${method.name}: path parameter {${name}} is not a field of ${method.input.typeName}`);
        return found;
      };
      const params = z.object(Object.fromEntries(names.map((name) => [name, paramSchema(schema, routes, field(name))])));
      const paged = method.input.fields.find((f) => f.fieldKind === 'message' && f.message.typeName === PAGE_REQUEST);
      const scalars = method.input.fields.filter((f) => !names.includes(f.name) && (f.fieldKind === 'scalar' || f.fieldKind === 'enum'));
      const query = z.object({ ...(paged ? paginationQuery.shape : {}), ...Object.fromEntries(scalars.map((f) => [f.name, z.string().optional()])) });
      routes.gateway(rule.path.replace(/\{([^}=]+)(?:=[^}]*)?\}/g, ':$1'), {
        summary: `${method.name} (${service}/${method.name})`,
        params,
        query,
        method: `/${service}/${method.name}`,
        request: ({ params: p, query: q }) => {
          const values = q as Record<string, unknown>;
          const json: Record<string, unknown> = { ...(p as Record<string, string>) };
          for (const f of scalars) if (values[f.name] !== undefined) json[f.name] = values[f.name];
          let message: Record<string, unknown>;
          try {
            message = messageFromJson(schema, method.input, json, routes.types);
          } catch (err) {
            throw invalidArgument(err instanceof Error ? err.message : String(err));
          }
          if (paged) message[localName(paged)] = pageRequest(values as z.output<typeof paginationQuery>);
          return request.encode(request.fromPartial(message)).finish();
        },
        response,
      });
    }
  };
}
