// Malformed request bytes are the client's fault: the node services answer InvalidArgument,
// never Internal (the fuzz campaign sent random bytes to every method and got "internal error").
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GrpcCode, GrpcStatusError } from '../rest/status.js';
import type { TendermintService } from '../services/tendermint.js';
import type { TxService } from '../services/tx.js';
import { serviceMethods } from './services.js';

// Never reached: each request fails while being decoded, before any service call.
const unreachable = new Proxy({}, { get: () => () => assert.fail('a malformed request reached the service') });

describe('node gRPC services and malformed requests', () => {
  const methods = serviceMethods(unreachable as TxService, unreachable as TendermintService, { msgRoutes: new Map() }, '');
  // A length-delimited field whose length runs past the end, and an invalid wire type (7).
  const malformed = [new Uint8Array([0x0a, 0x7f, 0x01]), new Uint8Array([0x0f])];

  for (const path of ['/cosmos.tx.v1beta1.Service/TxDecode', '/cosmos.tx.v1beta1.Service/GetTx', '/cosmos.tx.v1beta1.Service/BroadcastTx', '/cosmos.base.tendermint.v1beta1.Service/GetBlockByHeight']) {
    it(`${path} answers InvalidArgument`, async () => {
      for (const bytes of malformed) {
        await assert.rejects(
          (async () => methods.get(path)!(bytes))(),
          (err: unknown) => err instanceof GrpcStatusError && err.grpcCode === GrpcCode.InvalidArgument && /^malformed \w+: /.test(err.message),
        );
      }
    });
  }

  it('TxDecode of a TxRaw whose body is malformed answers InvalidArgument', async () => {
    // TxDecodeRequest{ tx_bytes: TxRaw{ body_bytes: 0x0f } }
    const request = new Uint8Array([0x0a, 0x03, 0x0a, 0x01, 0x0f]);
    await assert.rejects((async () => methods.get('/cosmos.tx.v1beta1.Service/TxDecode')!(request))(), (err: unknown) => err instanceof GrpcStatusError && err.grpcCode === GrpcCode.InvalidArgument);
  });
});
