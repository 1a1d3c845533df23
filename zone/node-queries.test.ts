// The node's services on abci_query: answered beside the app's queries, errors reported as
// the SDK's query router reports gRPC statuses, every other ABCI method left to the app.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigResponse } from 'cosmjs-types/cosmos/base/node/v1beta1/query';
import { RequestQuery, ResponseInfo, ResponseQuery } from 'cosmjs-types/tendermint/abci/types';
import type { Application } from '../abci/index.js';
import { invalidArgument } from '../app/rest/status.js';
import { nodeServiceMethods, withNodeQueries } from './node-queries.js';
import { buildZone } from './zone.js';

class FakeApp implements Application {
  height = 7n;
  info() {
    return ResponseInfo.fromPartial({ lastBlockHeight: this.height });
  }
  query(req: RequestQuery) {
    return ResponseQuery.fromPartial({ log: `app answered ${req.path}` });
  }
}

const query = async (app: Application, path: string) => app.query!(RequestQuery.fromPartial({ path }));

describe('node services on abci_query', () => {
  const methods = new Map([
    ['/svc/Ok', async () => new Uint8Array([1, 2])],
    ['/svc/Bad', async () => Promise.reject(invalidArgument('height must be positive'))],
    ['/svc/Down', async () => Promise.reject(new Error('CometBFT RPC status: connection refused'))],
  ]);
  const fake = new FakeApp();
  const app = withNodeQueries(fake, methods, () => 42n);

  it('answers its paths at the latest height and leaves the rest to the app', async () => {
    assert.deepEqual(await query(app, '/svc/Ok'), ResponseQuery.fromPartial({ value: new Uint8Array([1, 2]), height: 42n }));
    assert.equal((await query(app, '/cosmos.bank.v1beta1.Query/Balance')).log, 'app answered /cosmos.bank.v1beta1.Query/Balance');
    assert.equal((await app.info!({ version: '', blockVersion: 0n, p2pVersion: 0n, abciVersion: '' })).lastBlockHeight, 7n, 'methods keep the app as this');
  });

  it('reports a failure with a code and the reason', async () => {
    const bad = await query(app, '/svc/Bad');
    assert.deepEqual([bad.codespace, bad.code], ['sdk', 18]);
    assert.match(bad.log, /rpc error: code = InvalidArgument desc = height must be positive/);
    const down = await query(app, '/svc/Down');
    assert.deepEqual([down.codespace, down.code], ['undefined', 1]);
    assert.match(down.log, /connection refused/);
  });

  it("serves the node's minimum gas price at /cosmos.base.node.v1beta1.Service/Config, as Hermes reads it", async () => {
    const zone = withNodeQueries(fake, nodeServiceMethods(buildZone().app, 'http://127.0.0.1:9', '0.01uatom'), () => 1n);
    const answer = await query(zone, '/cosmos.base.node.v1beta1.Service/Config');
    assert.equal(answer.code, 0, answer.log);
    assert.equal(ConfigResponse.decode(answer.value).minimumGasPrice, '0.010000000000000000uatom');
  });
});
