// `zonekit query <module> <method>` from a query service's descriptor (the SDK's AutoCLI idea):
// one command per method, named in kebab-case (`Count` → `count`); the fields of the method's
// HTTP path template are positional arguments in order, every other scalar field an option
// (`--base-denom`), and a `pagination` field gives `--limit --offset --page-key --count-total
// --reverse`. An address field takes a key name too. The answer prints as the REST API's JSON.
import type { DescField, DescMethod } from '@bufbuild/protobuf';
import { PAGINATION_OPTIONS } from '../cli-pagination.js';
import type { CliCommand, CliOption } from '../cli-types.js';
import { codecFor, templateParams } from './gateway.js';
import { generatedJsonCodec, messageFromJson, type AnyJson } from './json.js';
import type { GeneratedCodec, ProtoSchema } from './schema.js';

const PAGE_REQUEST = 'cosmos.base.query.v1beta1.PageRequest';

export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

// Without the app's JSON types an Any is printed as its raw bytes.
const rawAnys: AnyJson = {
  anyToJson: (typeUrl, value) => ({ '@type': typeUrl, value: Buffer.from(value).toString('base64') }),
  anyFromJson: () => {
    throw new Error('an Any cannot be given on the command line');
  },
};

function positionalFields(schema: ProtoSchema, method: DescMethod): DescField[] {
  const rule = schema.httpRule(method);
  const names = rule === undefined ? [] : templateParams(rule.path);
  return names.map((name) => method.input.fields.find((f) => f.name === name)!).filter((f) => f !== undefined);
}

function command(schema: ProtoSchema, service: string, method: DescMethod, codecs: readonly GeneratedCodec[]): CliCommand {
  const request = codecFor(codecs, method.input);
  const response = generatedJsonCodec(schema, codecFor(codecs, method.output));
  const positional = positionalFields(schema, method);
  const paged = method.input.fields.find((f) => f.fieldKind === 'message' && f.message.typeName === PAGE_REQUEST);
  const flagged = method.input.fields.filter((f) => !positional.includes(f) && (f.fieldKind === 'scalar' || f.fieldKind === 'enum'));
  const options: CliOption[] = flagged.map((f) => ({
    flags: `--${kebabCase(f.name)} <${f.fieldKind === 'enum' ? f.enum.values.map((v) => v.name).join('|') : f.name}>`,
    description: `${f.name} of the request${schema.scalar(f) ? ` (${schema.scalar(f)})` : ''}`,
  }));
  if (paged) {
    options.push(...PAGINATION_OPTIONS);
  }
  const path = `/${service}/${method.name}`;
  return {
    usage: [kebabCase(method.name), ...positional.map((f) => `<${f.name}>`)].join(' '),
    description: `${method.name}: ${path}`,
    options,
    async run(ctx, args, opts) {
      const json: Record<string, unknown> = {};
      for (const [i, field] of positional.entries()) {
        const arg = args[i]!;
        json[field.name] = schema.scalar(field) === 'cosmos.AddressString' ? await ctx.address(arg) : arg;
      }
      for (const field of flagged) {
        const value = opts[camel(kebabCase(field.name))];
        if (typeof value === 'string') json[field.name] = schema.scalar(field) === 'cosmos.AddressString' ? await ctx.address(value) : value;
      }
      if (paged) {
        const page: Record<string, unknown> = {};
        if (typeof opts.limit === 'string') page.limit = opts.limit;
        if (typeof opts.offset === 'string') page.offset = opts.offset;
        if (typeof opts.pageKey === 'string') page.key = opts.pageKey;
        if (opts.countTotal === true) page.count_total = true;
        if (opts.reverse === true) page.reverse = true;
        json[paged.name] = page;
      }
      const anys = ctx.jsonTypes ?? rawAnys;
      const message = request.fromPartial(messageFromJson(schema, method.input, json, anys));
      const answer = response.writeJson(response.decode(await ctx.query(path, request.encode(message).finish())), anys);
      ctx.print(answer, () => JSON.stringify(answer, null, 2));
    },
  };
}

/**
 * One command per method of a query service: `cli: { query: queryCommands(schema, 'zonekit.counter.v1.Query', codecsOf(query)) }`.
 * `except` leaves out methods a module answers with a friendlier hand-written command.
 */
export function queryCommands(schema: ProtoSchema, service: string, codecs: readonly GeneratedCodec[], except: readonly string[] = []): CliCommand[] {
  return schema
    .service(service)
    .methods.filter((m) => !except.includes(m.name) && m.methodKind === 'unary')
    .map((m) => command(schema, service, m, codecs));
}
