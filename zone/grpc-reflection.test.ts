// The zone's gRPC server describes everything it serves: every method path has a descriptor in
// the embedded set (a query added without its .proto fails here, by name), reflection lists
// exactly the served services, and a client that knows nothing but reflection can encode a
// request and read the answer, as grpcurl does.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { create, fromBinary, toBinary, toJson, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { Client, credentials } from '@grpc/grpc-js';
import { descriptorSetBase64 } from '../gen/descriptor-set.js';
import { serviceOf, undescribedPaths } from '../app/grpc-server/reflection.js';
import { ProtoSchema } from '../app/proto/schema.js';
import { startGrpc, type RunningGrpc } from './grpc.js';
import { TestChain } from './testing.js';

const ALICE = 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du';
const registry = ProtoSchema.fromBase64(descriptorSetBase64).registry;
const message = (name: string): DescMessage => registry.getMessage(name)!;

describe("the zone's gRPC server reflection", () => {
  let chain: TestChain;
  let grpc: RunningGrpc;
  let client: Client;

  /** One reflection round trip on a new stream, read with the reflection protos' own descriptors. */
  const reflect = (messageRequest: { case: string; value: string }): Promise<any> =>
    new Promise((resolve, reject) => {
      const stream = client.makeBidiStreamRequest('/grpc.reflection.v1.ServerReflection/ServerReflectionInfo', (b: Uint8Array) => Buffer.from(b), (b: Buffer) => new Uint8Array(b));
      stream.on('data', (bytes: Uint8Array) => {
        resolve((fromBinary(message('grpc.reflection.v1.ServerReflectionResponse'), bytes) as any).messageResponse);
        stream.end();
      });
      stream.on('error', reject);
      const request = message('grpc.reflection.v1.ServerReflectionRequest');
      stream.write(toBinary(request, create(request, { messageRequest })));
    });

  before(async () => {
    chain = await TestChain.start({ accounts: [{ address: ALICE, coins: [{ denom: 'uatom', amount: '1000' }, { denom: 'ustake', amount: '7' }] }] });
    await chain.deliver([]);
    grpc = await startGrpc(chain.zone.app, chain.app, { enable: true, address: '127.0.0.1:0', cometRpc: 'http://127.0.0.1:1', minGasPrices: '' });
    client = new Client(grpc.address, credentials.createInsecure());
  });

  after(async () => {
    client?.close();
    await grpc?.server.close();
    await chain?.close();
  });

  it('has a descriptor for every method it serves', () => {
    const missing = undescribedPaths(registry, grpc.server.paths);
    assert.deepEqual(missing, [], `served without a descriptor in gen/descriptor-set.ts (vendor or write its .proto under proto/, then npm run proto): ${missing.join(', ')}`);
  });

  it('lists exactly the services it serves, and resolves each to its file', async () => {
    const served = [...new Set(grpc.server.paths.map(serviceOf))].sort();
    const listed = await reflect({ case: 'listServices', value: '' });
    assert.deepEqual(listed.value.service.map((s: { name: string }) => s.name), served);
    for (const name of ['cosmos.bank.v1beta1.Query', 'cosmos.tx.v1beta1.Service', 'ibc.core.channel.v1.Query', 'zonekit.counter.v1.Query', 'zonekit.dex.v1.Query', 'grpc.reflection.v1alpha.ServerReflection']) {
      assert.ok(served.includes(name), `${name} is served`);
    }
    for (const name of served) {
      const answer = await reflect({ case: 'fileContainingSymbol', value: name });
      assert.equal(answer.case, 'fileDescriptorResponse', `${name}: ${answer.value.errorMessage}`);
      const first = fromBinary(FileDescriptorProtoSchema, answer.value.fileDescriptorProto[0]);
      assert.ok(first.service.some((s) => `${first.package}.${s.name}` === name), `${name} is in ${first.name}`);
    }
  });

  it('answers a query that a client encodes from the reflected descriptors alone', async () => {
    const method = registry.getService('cosmos.bank.v1beta1.Query')!.methods.find((m) => m.name === 'AllBalances')!;
    const request = toBinary(method.input, create(method.input, { address: ALICE }));
    const bytes = await new Promise<Uint8Array>((resolve, reject) =>
      client.makeUnaryRequest('/cosmos.bank.v1beta1.Query/AllBalances', (b: Uint8Array) => Buffer.from(b), (b: Buffer) => new Uint8Array(b), request, (err, value) => (err ? reject(err) : resolve(value!))),
    );
    const json = toJson(method.output, fromBinary(method.output, bytes), { registry }) as { balances: unknown };
    assert.deepEqual(json.balances, [{ denom: 'uatom', amount: '1000' }, { denom: 'ustake', amount: '7' }]);
  });
});
