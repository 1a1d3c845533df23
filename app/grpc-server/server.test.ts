// A status whose message holds a lone UTF-16 surrogate (a client string of random bytes, quoted
// in an error) made grpc-js's encodeURI throw outside any handler and killed the node; found by
// the fuzz campaign. The node must answer the status, with U+FFFD in place, and keep serving.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createFileRegistry } from '@bufbuild/protobuf';
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { AppDefinition } from '../app.js';
import { invalidArgument } from '../rest/status.js';
import { createGrpcServer, wellFormed } from './server.js';

const PATH = '/zonekit.test.v1.Query/Echo';

describe('gRPC server and error details that are not well-formed UTF-16', () => {
  const server = createGrpcServer({
    app: { queryRoutes: new Map([[PATH, () => new Uint8Array()]]), msgRoutes: new Map() } as unknown as AppDefinition,
    query: async (_path, data) => {
      if (data.length > 0) throw invalidArgument(`no such denom "ok\ud800bad"`);
      return { value: new Uint8Array(), height: 1n };
    },
    cometRpcUrl: 'http://127.0.0.1:1',
    latestHeight: () => 1n,
    descriptors: createFileRegistry(),
  });
  let client: Client | undefined;
  after(async () => {
    client?.close();
    await server.close();
  });

  const call = (body: Uint8Array): Promise<ServiceError | null> =>
    new Promise((resolve) => client!.makeUnaryRequest(PATH, (b: Buffer) => b, (b: Buffer) => b, Buffer.from(body), new Metadata(), { deadline: Date.now() + 10_000 }, (err) => resolve(err)));

  it('answers the status with U+FFFD for the lone surrogate, then serves the next call', async () => {
    const address = await server.listen('127.0.0.1:0');
    client = new Client(address, credentials.createInsecure());
    const err = await call(new Uint8Array([1]));
    assert.equal(err?.code, status.INVALID_ARGUMENT);
    assert.equal(err?.details, 'no such denom "ok\ufffdbad"');
    assert.equal(await call(new Uint8Array()), null);
  });

  it('wellFormed keeps surrogate pairs and replaces lone halves', () => {
    assert.equal(wellFormed('a\ud83d\ude00b'), 'a\ud83d\ude00b');
    assert.equal(wellFormed('\udc00x\ud800'), '\ufffdx\ufffd');
  });
});
