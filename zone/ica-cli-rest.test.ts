// ICS-27 from the outside, between two zones in-process: the gRPC-gateway paths ibc-go serves
// for both submodules (and the interchain account through auth's), and the CLI commands of
// `zonekit tx|query interchain-accounts`, from `host generate-packet-data` through
// `controller send-tx` to the host executing the packet.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MsgRegisterInterchainAccount, MsgSendTx } from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/tx';
import { Order } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { CliCommand, CliContext, EncodedMsg } from '../app/cli-types.js';
import { appJsonTypes } from '../app/rest/json-types.js';
import { createRestServer, localQuerier, type RestServer } from '../app/rest/index.js';
import { parsePacketData } from '../ibc/apps/27-interchain-accounts/index.js';
import { IcaPair, ackOf } from './ibc-testing/ica.js';
import type { IbcTestChain } from './ibc-testing/chain.js';
import { expectOk, packetsSent, type IbcPath } from './ibc-testing/path.js';

const ALICE = 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du';

describe('interchain accounts over REST and the CLI (two zones in-process)', () => {
  let zones: IcaPair;
  let path: IbcPath;
  let ica: string;
  const servers: RestServer[] = [];
  let dir: string;

  const restOf = async (chain: IbcTestChain) => {
    const server = await createRestServer({ app: chain.chain.zone.app, query: localQuerier(chain.chain.app), cometRpcUrl: 'http://127.0.0.1:1' });
    servers.push(server);
    return async (url: string) => {
      const response = await server.fastify.inject({ method: 'GET', url });
      return { status: response.statusCode, body: response.json() as unknown };
    };
  };

  /** A CLI context over `chain` in this process: queries answered by its app, submitted messages collected. */
  const cliContext = (chain: IbcTestChain, submitted: EncodedMsg[], printed: string[]): CliContext => ({
    home: '/tmp',
    address: async (nameOrAddress) => nameOrAddress,
    coins: () => [],
    query: async (path, request) => chain.query(path, request),
    async submit(_from, msgs) {
      submitted.push(...msgs);
    },
    print: (_value, text) => printed.push(text()),
    msgFromJson: (json) => appJsonTypes(chain.chain.zone.app).anyFromJson(json),
  });
  const command = (kind: 'tx' | 'query', usage: string): CliCommand => {
    const cli = zones.a.chain.zone.ica.module.cli;
    return (kind === 'tx' ? cli.tx : cli.query)!.find((c) => c.usage.startsWith(usage))!;
  };

  before(async () => {
    zones = await IcaPair.start();
    path = await zones.connect();
    dir = mkdtempSync(join(tmpdir(), 'zonekit-ica-cli-'));
  });
  after(async () => {
    for (const server of servers) await server.close();
    await zones?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers through `tx interchain-accounts controller register` and answers `query ... controller interchain-account`', async () => {
    const submitted: EncodedMsg[] = [];
    await command('tx', 'controller register').run(cliContext(zones.a, submitted, []), [path.a.connectionId], { from: zones.owner, version: '', ordering: 'order_ordered' });
    const msg = MsgRegisterInterchainAccount.decode(submitted[0]!.value);
    assert.deepEqual(msg, { owner: zones.owner, connectionId: path.a.connectionId, version: '', ordering: Order.ORDER_ORDERED });
    await assert.rejects(command('tx', 'controller register').run(cliContext(zones.a, [], []), [path.a.connectionId], { from: zones.owner, ordering: 'sideways' }), /invalid channel ordering: sideways/);

    await zones.registerAndOpen(path, Order.ORDER_ORDERED);
    ica = zones.interchainAccount(path.a.connectionId);
    const printed: string[] = [];
    await command('query', 'controller interchain-account').run(cliContext(zones.a, [], printed), [zones.owner, path.a.connectionId], {});
    await command('query', 'controller params').run(cliContext(zones.a, [], printed), [], {});
    await command('query', 'host params').run(cliContext(zones.b, [], printed), [], {});
    assert.deepEqual(printed, [ica, 'controller_enabled: true', 'host_enabled: true\nallow_messages:\n- *']);
  });

  it('serves the gateway paths of both submodules, and the interchain account through auth', async () => {
    const getA = await restOf(zones.a);
    const getB = await restOf(zones.b);
    assert.deepEqual(await getA(`/ibc/apps/interchain_accounts/controller/v1/owners/${zones.owner}/connections/${path.a.connectionId}`), { status: 200, body: { address: ica } });
    assert.equal((await getA(`/ibc/apps/interchain_accounts/controller/v1/owners/${zones.owner}/connections/connection-9`)).status, 404);
    assert.deepEqual(await getA('/ibc/apps/interchain_accounts/controller/v1/params'), { status: 200, body: { params: { controller_enabled: true } } });
    assert.deepEqual(await getB('/ibc/apps/interchain_accounts/host/v1/params'), { status: 200, body: { params: { host_enabled: true, allow_messages: ['*'] } } });
    const { status, body } = await getB(`/cosmos/auth/v1beta1/accounts/${ica}`);
    assert.equal(status, 200);
    assert.deepEqual(body, {
      account: {
        '@type': '/ibc.applications.interchain_accounts.v1.InterchainAccount',
        base_account: { address: ica, pub_key: null, account_number: (body as any).account.base_account.account_number, sequence: '0' },
        account_owner: path.a.portId,
      },
    });
  });

  it('builds packet data with `host generate-packet-data`, sends it with `controller send-tx` from a file, and B executes it', async () => {
    await zones.b.send({ typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: { fromAddress: zones.b.relayer, toAddress: ica, amount: [{ denom: 'stake', amount: '100' }] } });
    const message = JSON.stringify({ '@type': '/cosmos.bank.v1beta1.MsgSend', from_address: ica, to_address: ALICE, amount: [{ denom: 'stake', amount: '40' }] });
    const printed: string[] = [];
    await command('tx', 'host generate-packet-data').run(cliContext(zones.a, [], printed), [message], { memo: 'cli', encoding: 'proto3' });
    const json = printed[0]!;
    assert.match(json, /^\{"type":"TYPE_EXECUTE_TX","data":"[A-Za-z0-9+/=]+","memo":"cli"\}$/);
    await assert.rejects(command('tx', 'host generate-packet-data').run(cliContext(zones.a, [], []), [message], { encoding: 'proto3json' }), /proto3json is not supported/);

    const file = join(dir, 'packet.json');
    writeFileSync(file, json);
    const submitted: EncodedMsg[] = [];
    await command('tx', 'controller send-tx').run(cliContext(zones.a, submitted, []), [path.a.connectionId, file], { from: zones.owner, relativePacketTimeout: '600000000000' });
    const msg = MsgSendTx.decode(submitted[0]!.value);
    assert.deepEqual(msg.packetData, parsePacketData(new TextEncoder().encode(json)));
    assert.equal(msg.relativeTimeout, 600_000_000_000n);
    // The JSON itself works as the argument too.
    const inline: EncodedMsg[] = [];
    await command('tx', 'controller send-tx').run(cliContext(zones.a, inline, []), [path.a.connectionId, json], { from: zones.owner });
    assert.deepEqual(inline, submitted);

    const res = expectOk(await zones.a.send({ typeUrl: MsgSendTx.typeUrl, value: msg }), 'send-tx');
    const recv = await zones.relay(path, packetsSent(res)[0]!);
    assert.ok(ackOf(recv).result !== undefined, JSON.stringify(ackOf(recv)));
    assert.equal(zones.balance(zones.b, ALICE), 40n);
    assert.equal(zones.balance(zones.b, ica), 60n);
  });
});
