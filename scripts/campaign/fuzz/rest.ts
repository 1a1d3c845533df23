// Target (c), REST: the devnet's fastify server, asked every route it documents (its OpenAPI)
// with bad path parameters, query parameters, methods and bodies, and paths it does not have.
// A bad request must get a 4xx; a 5xx whose body says "internal" is an uncaught exception.
import { request as httpRequest, Agent } from 'node:http';
import type { FuzzDevnet } from './devnet.js';
import { Rng } from './rng.js';
import { rssMiB, Tally, type TargetReport } from './tally.js';

const CONCURRENCY = 8;
const BATCH = 200;
const ODD = ['', '0', '-1', '18446744073709551616', 'abc', '..', '%', '%zz', '%00', '%2F', 'cosmos1', 'cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a', '\u00e9', 'x'.repeat(5000), 'true', 'null', '[]', '{}', 'AAAA', '=', 'ibc%2Fabc'];

export interface RestOptions {
  inputs: number;
  seed: number;
  devnet: FuzzDevnet;
  log: (line: string) => void;
}

function oddValue(rng: Rng, devnet: FuzzDevnet): string {
  const v = rng.int(5) === 0 ? rng.pick([devnet.sender.address, devnet.node.validatorAddress, String(rng.u64())]) : rng.pick(ODD);
  return /^[\x21-\x7e]*$/.test(v) ? v : encodeURIComponent(v);
}

/** The REST server's default body limit (app/rest/server.ts). */
const REST_BODY_LIMIT = 1024 * 1024;

export async function runRest(options: RestOptions): Promise<{ report: TargetReport; tally: Tally }> {
  const { devnet } = options;
  const base = new URL(devnet.node.restUrl);
  const tally = new Tally('rest', { beforeMiB: rssMiB(devnet.appPid), process: 'app of the devnet' });
  const openapi = (await (await fetch(`${devnet.node.restUrl}/swagger/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(openapi.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ path, method: m.toUpperCase() })));
  tally.report.notes.push(`routes: ${routes.length} from the server's OpenAPI document`);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const rng = new Rng(options.seed);
  const kinds = ['path-params', 'query-params', 'bad-method', 'bad-body', 'bad-path'] as const;

  const send = (method: string, path: string, body: Buffer | undefined, contentType: string, retried = false): Promise<{ status: number; text: string } | Error> =>
    new Promise((resolve) => {
      const req = httpRequest({ host: base.hostname, port: base.port, method, path, agent, timeout: 30_000, headers: body ? { 'content-type': contentType, 'content-length': body.length } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8').slice(0, 300) }));
        res.on('error', resolve);
      });
      req.on('timeout', () => req.destroy(new Error('no answer in 30 s')));
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed as idle (after its keep-alive timeout) resets
        // the request sent on it before the server saw it: Node's documented race, retried once
        // on a fresh socket. A reset on a fresh socket stays a violation.
        if (req.reusedSocket && err.code === 'ECONNRESET' && !retried) resolve(send(method, path, body, contentType, true));
        else resolve(err);
      });
      req.end(body);
    });

  let made = 0;
  while (made < options.inputs) {
    const jobs: Array<() => Promise<void>> = [];
    const batchEnd = Math.min(options.inputs, made + BATCH);
    for (; made < batchEnd; made++) {
      const kind = kinds[made % kinds.length]!;
      const r = rng.fork(made);
      const route = r.pick(routes);
      const fill = (template: string): string => template.replace(/\{[^}]+\}/g, () => oddValue(r, devnet));
      let method = route.method;
      let path = fill(route.path);
      let body: Buffer | undefined;
      let contentType = 'application/json';
      if (kind === 'query-params') {
        const names = ['pagination.limit', 'pagination.offset', 'pagination.key', 'pagination.count_total', 'pagination.reverse', 'height', 'denom', 'events', 'query', 'order_by', 'page', 'limit', r.pick(ODD)];
        path += `?${Array.from({ length: r.range(1, 5) }, () => `${encodeURIComponent(r.pick(names))}=${oddValue(r, devnet)}`).join('&')}`;
      } else if (kind === 'bad-method') {
        method = r.pick(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
      } else if (kind === 'bad-body') {
        const post = routes.filter((x) => x.method === 'POST');
        const target = post.length > 0 ? r.pick(post) : route;
        method = 'POST';
        path = fill(target.path);
        const shapes = [
          () => Buffer.from(r.bytes(r.length(4096))),
          () => Buffer.from(JSON.stringify({ tx_bytes: Buffer.from(r.bytes(r.length(512))).toString('base64'), mode: r.pick(['BROADCAST_MODE_SYNC', 'BROADCAST_MODE_ASYNC', 'BROADCAST_MODE_BLOCK', 'x', 7]) })),
          () => Buffer.from(JSON.stringify({ tx: { body: { messages: [{ '@type': r.pick(ODD) }] } }, tx_bytes: r.pick(ODD) })),
          () => Buffer.from('{"a":'.repeat(r.range(10, 5000))),
          () => Buffer.from(JSON.stringify(r.pick([null, [], 1, 'x', { tx_bytes: null }, { tx_bytes: 12 }]))),
          () => Buffer.alloc(r.chance(0.1) ? 20 * 1024 * 1024 : r.range(1, 100_000), 0x41),
        ];
        body = r.pick(shapes)();
        contentType = r.pick(['application/json', 'application/json', 'text/plain', 'application/octet-stream', 'multipart/form-data']);
      } else if (kind === 'bad-path') {
        path = `/${Array.from({ length: r.range(0, 8) }, () => oddValue(r, devnet)).join('/')}`;
        if (r.chance(0.3)) path = route.path.replace(/\{[^}]+\}/g, '') + oddValue(r, devnet);
      }
      const input = { kind, method, path, body, contentType };
      jobs.push(async () => {
        const answer = await send(input.method, input.path, input.body, input.contentType);
        if (answer instanceof Error) {
          // Over the body limit the server answers 413 and closes without reading the rest, so the
          // upload can break (EPIPE, ECONNRESET) before the client reads that answer: a refusal,
          // and the liveness probe after the batch shows the server still up.
          const code = (answer as NodeJS.ErrnoException).code;
          if ((input.body?.length ?? 0) > REST_BODY_LIMIT && (code === 'EPIPE' || code === 'ECONNRESET')) {
            tally.count(input.kind, 'closed over the body limit');
            return;
          }
          const n = tally.count(input.kind, 'no answer');
          tally.violation(input.kind, n, `${input.method} ${input.path.slice(0, 120)}: ${answer.message}`);
          return;
        }
        const n = tally.count(input.kind, `http ${answer.status}`);
        if (answer.status >= 500) tally.violation(input.kind, n, `${input.method} ${input.path.slice(0, 120)} answered ${answer.status}: ${answer.text}`);
      });
    }
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }));
    tally.report.probes++;
    try {
      await devnet.probe();
    } catch (err) {
      tally.violation('probe', made, `liveness: ${err instanceof Error ? err.message : String(err)}
${devnet.logTail()}`);
      break;
    }
  }
  agent.destroy();
  return { report: tally.finish(rssMiB(devnet.appPid)), tally };
}
