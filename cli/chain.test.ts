// What the CLI says when --node is wrong: a bad URL, a port that is not CometBFT's RPC, and
// JSON-RPC errors, each one sentence instead of cosmjs's or CometBFT's raw words.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { atNode, cometJson, nodeUrl, rpcErrorText } from './chain.js';
import { CliError } from './output.js';

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; node: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, node: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const rejectsWith = (promise: Promise<unknown>, pattern: RegExp) => assert.rejects(promise, (err: unknown) => err instanceof CliError && pattern.test(err.message));

describe('node errors', () => {
  let rest: { server: Server; node: string };
  let rpc: { server: Server; node: string };

  before(async () => {
    // An SDK REST API: 404 JSON for RPC paths, node_info for its own.
    rest = await listen((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/cosmos/base/tendermint/v1beta1/node_info') return void res.end(JSON.stringify({ default_node_info: {} }));
      res.statusCode = 404;
      res.end(JSON.stringify({ code: 5, message: 'Not Found', details: [] }));
    });
    rpc = await listen((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ jsonrpc: '2.0', id: -1, error: { code: -32603, message: 'Internal error', data: 'height 99999999 must be less than or equal to the current blockchain height 42' } }));
    });
  });

  after(() => {
    rest.server.close();
    rpc.server.close();
  });

  it('refuses a --node that is not a tcp/http(s) URL', () => {
    assert.throws(() => nodeUrl('notaurl'), /invalid --node "notaurl": expected the URL of a CometBFT RPC, like tcp:\/\/localhost:26657/);
    assert.throws(() => nodeUrl('ws://localhost:26657'), /invalid --node/);
    assert.equal(nodeUrl('tcp://localhost:26657'), 'http://localhost:26657');
  });

  it('names the REST API when --node points at it', async () => {
    await rejectsWith(cometJson(rest.node, 'status'), new RegExp(`^nothing answers CometBFT RPC at ${rest.node}: that is the REST port; the RPC port is usually 26657$`));
  });

  it('turns a JSON-RPC error into the sentence the caller gives, else what CometBFT said', async () => {
    await rejectsWith(cometJson(rpc.node, 'block'), /^the node at tcp:\/\/127\.0\.0\.1:\d+ refused the request: height 99999999 must be less than/);
    await rejectsWith(
      // What cosmjs throws for a JSON-RPC error: the error object as text.
      atNode(rpc.node, () => Promise.reject(new Error('{"code":-32603,"message":"Internal error","data":"height 99999999 is too high"}')), (text) => new CliError(`no block: ${text.slice(0, 15)}`)),
      /^no block: height 99999999/,
    );
    assert.equal(rpcErrorText(new Error('{"code":-32603,"message":"Internal error","data":"offset 19: got tag"}')), 'offset 19: got tag');
    assert.equal(rpcErrorText(new Error('plain failure')), undefined);
  });

  it('says the node cannot be reached when nothing listens', async () => {
    await rejectsWith(cometJson('tcp://127.0.0.1:1', 'status'), /^cannot reach the node at tcp:\/\/127\.0\.0\.1:1/);
  });
});
