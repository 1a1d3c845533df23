// Target (c), gRPC: every method of the services the app serves (from its embedded
// descriptors), plus unknown ones, called with random bytes, random protobuf and bad
// metadata. Every call must end in a status; INTERNAL, or a handler that threw, is a violation.
import { Client, credentials, Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { descriptorSetBase64 } from '../../../gen/descriptor-set.js';
import { ProtoSchema } from '../../../app/proto/schema.js';
import type { FuzzDevnet } from './devnet.js';
import { randomMessage } from './random-proto.js';
import { Rng } from './rng.js';
import { rssMiB, Tally, type TargetReport } from './tally.js';

const CONCURRENCY = 8;
const BATCH = 200;

export interface GrpcOptions {
  inputs: number;
  seed: number;
  devnet: FuzzDevnet;
  log: (line: string) => void;
}

function methodPaths(): string[] {
  const schema = ProtoSchema.fromBase64(descriptorSetBase64);
  const paths: string[] = [];
  for (const desc of schema.registry) {
    if (desc.kind !== 'service') continue;
    for (const method of desc.methods) if (method.methodKind === 'unary') paths.push(`/${desc.typeName}/${method.name}`);
  }
  return paths.sort();
}

export async function runGrpc(options: GrpcOptions): Promise<{ report: TargetReport; tally: Tally }> {
  const { devnet } = options;
  const tally = new Tally('grpc', { beforeMiB: rssMiB(devnet.appPid), process: 'app of the devnet' });
  const methods = methodPaths();
  tally.report.notes.push(`methods: ${methods.length} unary methods from the embedded descriptors, and unknown ones`);
  const client = new Client(devnet.node.grpcAddress, credentials.createInsecure(), { 'grpc.max_send_message_length': -1, 'grpc.max_receive_message_length': -1 });
  const rng = new Rng(options.seed);
  const kinds = ['random-bytes', 'random-proto', 'unknown-method', 'bad-metadata', 'oversized'] as const;
  const pool = { addresses: [devnet.sender.address, devnet.node.validatorAddress, devnet.node.address], denoms: [devnet.denom, 'uatom', ''] };

  const call = (path: string, body: Buffer, metadata: Metadata): Promise<{ code: number; details: string }> =>
    new Promise((resolve) => {
      client.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, body, metadata, { deadline: Date.now() + 30_000 }, (err: ServiceError | null) =>
        resolve(err ? { code: err.code, details: err.details } : { code: GrpcStatus.OK, details: '' }),
      );
    });

  let made = 0;
  while (made < options.inputs) {
    const jobs: Array<() => Promise<void>> = [];
    const batchEnd = Math.min(options.inputs, made + BATCH);
    for (; made < batchEnd; made++) {
      const kind = kinds[made % kinds.length]!;
      const r = rng.fork(made);
      let path = r.pick(methods);
      let body = Buffer.from(randomMessage(r, pool));
      const metadata = new Metadata();
      if (kind === 'random-bytes') body = Buffer.from(r.bytes(r.length(2048)));
      else if (kind === 'unknown-method') path = r.pick([`${path}x`, '/cosmos.bank.v1beta1.Query/', '/x/y', `/${path.split('/')[1]}/Nope`, '/grpc.health.v1.Health/Check']);
      else if (kind === 'bad-metadata') metadata.set('x-cosmos-block-height', r.pick(['-1', 'abc', '18446744073709551616', '99999999', '', '1.5']));
      else if (kind === 'oversized') body = Buffer.from(r.bytes(r.chance(0.05) ? 5 * 1024 * 1024 : r.range(10_000, 200_000)));
      jobs.push(async () => {
        const answer = await call(path, body, metadata);
        const n = tally.count(kind, GrpcStatus[answer.code] ?? String(answer.code));
        if (answer.code === GrpcStatus.INTERNAL || answer.code === GrpcStatus.DEADLINE_EXCEEDED || answer.code === GrpcStatus.UNAVAILABLE || /handler threw/i.test(answer.details)) {
          tally.violation(kind, n, `${path}: ${GrpcStatus[answer.code]} ${answer.details.slice(0, 200)}`);
        }
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
  client.close();
  return { report: tally.finish(rssMiB(devnet.appPid)), tally };
}
