// Server reflection as grpcurl speaks it, over real gRPC with @grpc/grpc-js: the requests and
// responses are read and written with the reflection protos' own descriptors (from the embedded
// set), not with the hand encoding under test.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { create, fromBinary, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { Client, credentials, Server, ServerCredentials, status, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';
import { descriptorSetBase64 } from '../../gen/descriptor-set.js';
import { ProtoSchema } from '../proto/schema.js';
import { REFLECTION_PATHS, REFLECTION_SERVICES, registerReflection, ServerReflection, undescribedPaths } from './reflection.js';

const registry = ProtoSchema.fromBase64(descriptorSetBase64).registry;
const SERVED = ['cosmos.bank.v1beta1.Query', 'zonekit.counter.v1.Query', ...REFLECTION_SERVICES];

type Question = { case: 'fileByFilename' | 'fileContainingSymbol' | 'allExtensionNumbersOfType' | 'listServices'; value: string } | { case: 'fileContainingExtension'; value: { containingType: string; extensionNumber: number } };

/** One reflection stream: each question waits for its answer, as grpcurl's client does. */
class Session {
  readonly #stream: ClientDuplexStream<Uint8Array, Uint8Array>;
  readonly #waiting: Array<{ resolve(answer: any): void; reject(err: Error): void }> = [];
  readonly #request: DescMessage;
  readonly #response: DescMessage;

  constructor(client: Client, version: 'v1' | 'v1alpha') {
    this.#request = registry.getMessage(`grpc.reflection.${version}.ServerReflectionRequest`)!;
    this.#response = registry.getMessage(`grpc.reflection.${version}.ServerReflectionResponse`)!;
    this.#stream = client.makeBidiStreamRequest(`/grpc.reflection.${version}.ServerReflection/ServerReflectionInfo`, (b: Uint8Array) => Buffer.from(b), (b: Buffer) => new Uint8Array(b));
    this.#stream.on('data', (bytes: Uint8Array) => this.#waiting.shift()?.resolve(fromBinary(this.#response, bytes)));
    this.#stream.on('error', (err: Error) => this.#waiting.splice(0).forEach((w) => w.reject(err)));
  }

  ask(question: Question, host = ''): Promise<any> {
    return this.askRaw(toBinary(this.#request, create(this.#request, { host, messageRequest: question })));
  }

  askRaw(bytes: Uint8Array): Promise<any> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#stream.write(bytes);
    });
  }

  close(): void {
    this.#stream.end();
  }
}

/** The file names of a file_descriptor_response, in the order sent. */
function fileNames(answer: any): string[] {
  assert.equal(answer.messageResponse.case, 'fileDescriptorResponse', JSON.stringify(answer.messageResponse.value?.errorMessage));
  return answer.messageResponse.value.fileDescriptorProto.map((bytes: Uint8Array) => fromBinary(FileDescriptorProtoSchema, bytes).name);
}

function notFound(answer: any): string {
  assert.equal(answer.messageResponse.case, 'errorResponse');
  assert.equal(answer.messageResponse.value.errorCode, status.NOT_FOUND);
  return answer.messageResponse.value.errorMessage;
}

describe('gRPC server reflection', () => {
  const server = new Server();
  let client: Client;

  before(async () => {
    registerReflection(server, new ServerReflection(registry, SERVED));
    const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
    client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  });

  after(() => {
    client.close();
    server.forceShutdown();
  });

  it('lists the services served, sorted, on v1 and v1alpha alike', async () => {
    for (const version of ['v1', 'v1alpha'] as const) {
      const session = new Session(client, version);
      const answer = await session.ask({ case: 'listServices', value: '' }, 'localhost:9090');
      assert.equal(answer.validHost, 'localhost:9090');
      assert.equal(answer.originalRequest.messageRequest.case, 'listServices');
      assert.deepEqual(
        answer.messageResponse.value.service.map((s: { name: string }) => s.name),
        [...SERVED].sort(),
      );
      session.close();
    }
  });

  it('answers a symbol with its file and every import, each import once per stream', async () => {
    const session = new Session(client, 'v1alpha');
    const first = fileNames(await session.ask({ case: 'fileContainingSymbol', value: 'cosmos.bank.v1beta1.Query' }));
    assert.equal(first[0], 'cosmos/bank/v1beta1/query.proto');
    for (const dep of ['cosmos/bank/v1beta1/bank.proto', 'cosmos/base/v1beta1/coin.proto', 'gogoproto/gogo.proto', 'google/protobuf/descriptor.proto', 'google/api/http.proto']) {
      assert.ok(first.includes(dep), `${dep} is sent with cosmos/bank/v1beta1/query.proto`);
    }
    assert.equal(new Set(first).size, first.length, 'no file twice');
    // Its own file again (grpcurl asks for it by name too), but not the imports already sent.
    assert.deepEqual(fileNames(await session.ask({ case: 'fileByFilename', value: 'cosmos/bank/v1beta1/bank.proto' })), ['cosmos/bank/v1beta1/bank.proto']);
    assert.deepEqual(fileNames(await session.ask({ case: 'fileContainingSymbol', value: 'zonekit.counter.v1.Query.Count' })), ['zonekit/counter/v1/query.proto']);
    session.close();

    // A new stream starts over.
    const fresh = new Session(client, 'v1');
    assert.ok((await fresh.ask({ case: 'fileByFilename', value: 'cosmos/bank/v1beta1/bank.proto' }).then(fileNames)).includes('cosmos/base/v1beta1/coin.proto'));
    fresh.close();
  });

  it('finds methods, messages, nested types, fields, enums and enum values by their full names', async () => {
    const session = new Session(client, 'v1');
    const fileOf = async (symbol: string) => (await session.ask({ case: 'fileContainingSymbol', value: symbol }).then(fileNames))[0];
    assert.equal(await fileOf('cosmos.bank.v1beta1.Query.AllBalances'), 'cosmos/bank/v1beta1/query.proto');
    assert.equal(await fileOf('cosmos.bank.v1beta1.QueryAllBalancesRequest'), 'cosmos/bank/v1beta1/query.proto');
    assert.equal(await fileOf('cosmos.bank.v1beta1.QueryAllBalancesRequest.address'), 'cosmos/bank/v1beta1/query.proto');
    assert.equal(await fileOf('cosmos.ics23.v1.HashOp'), 'cosmos/ics23/v1/proofs.proto');
    assert.equal(await fileOf('cosmos.ics23.v1.SHA256'), 'cosmos/ics23/v1/proofs.proto');
    assert.equal(await fileOf('google.protobuf.FieldDescriptorProto.Type'), 'google/protobuf/descriptor.proto');
    assert.equal(await fileOf('google.protobuf.FieldDescriptorProto.TYPE_STRING'), 'google/protobuf/descriptor.proto');
    assert.equal(await fileOf('ibc.core.channel.v1.Query'), 'ibc/core/channel/v1/query.proto');
    assert.match(notFound(await session.ask({ case: 'fileContainingSymbol', value: 'cosmos.nope.v1.Query' })), /symbol cosmos\.nope\.v1\.Query not found/);
    assert.match(notFound(await session.ask({ case: 'fileByFilename', value: 'nope.proto' })), /file nope\.proto not found/);
    session.close();
  });

  it('answers extensions of the descriptor options, and NOT_FOUND for unknown ones', async () => {
    const session = new Session(client, 'v1alpha');
    const signer = registry.getExtension('cosmos.msg.v1.signer')!;
    const found = await session.ask({ case: 'fileContainingExtension', value: { containingType: 'google.protobuf.MessageOptions', extensionNumber: signer.number } });
    assert.equal(fileNames(found)[0], 'cosmos/msg/v1/msg.proto');
    notFound(await session.ask({ case: 'fileContainingExtension', value: { containingType: 'google.protobuf.MessageOptions', extensionNumber: 1 } }));

    const numbers = await session.ask({ case: 'allExtensionNumbersOfType', value: 'google.protobuf.MessageOptions' });
    assert.equal(numbers.messageResponse.case, 'allExtensionNumbersResponse');
    assert.equal(numbers.messageResponse.value.baseTypeName, 'google.protobuf.MessageOptions');
    const got: number[] = numbers.messageResponse.value.extensionNumber;
    assert.ok(got.includes(signer.number) && got.includes(registry.getExtension('amino.name')!.number));
    assert.deepEqual(got, [...got].sort((a, b) => a - b));
    const none = await session.ask({ case: 'allExtensionNumbersOfType', value: 'cosmos.bank.v1beta1.QueryAllBalancesRequest' });
    assert.deepEqual(none.messageResponse.value.extensionNumber, []);
    notFound(await session.ask({ case: 'allExtensionNumbersOfType', value: 'cosmos.nope.Type' }));
    session.close();
  });

  it('ends the stream with INVALID_ARGUMENT on a request that asks nothing or is not protobuf', async () => {
    for (const bytes of [new Uint8Array(), Uint8Array.of(0x0a, 0x05, 0x61)]) {
      const session = new Session(client, 'v1');
      await assert.rejects(session.askRaw(bytes), (err: ServiceError) => err.code === status.INVALID_ARGUMENT);
    }
  });

  it('finds the served paths that have no descriptor', () => {
    assert.deepEqual(undescribedPaths(registry, ['/cosmos.bank.v1beta1.Query/AllBalances', ...REFLECTION_PATHS]), []);
    assert.deepEqual(undescribedPaths(registry, ['/cosmos.bank.v1beta1.Query/Nope', '/cosmos.nope.v1.Query/Params']), ['/cosmos.bank.v1beta1.Query/Nope', '/cosmos.nope.v1.Query/Params']);
  });
});
