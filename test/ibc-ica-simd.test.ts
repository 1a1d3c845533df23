// Interchain accounts between a zonekit zone and ibc-go's simd v8.8.0 through each stock relayer
// (the Go relayer and Hermes: one test table, two relayers), both ways, driven from each chain's
// own CLI: zonekit's controller makes its account on simd delegate and send (simd's state shows
// both; the ack carries both responses); simd's controller makes its account on zonekit place a
// dex order that fills in the next auction (the ack carries the order id), and a message signed
// for another account gets an error ack and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { GasPrice, SigningStargateClient } from '@cosmjs/stargate';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { packetDataJson } from '../ibc/apps/27-interchain-accounts/types/packet.js';
import { serializeCosmosTx } from '../ibc/apps/27-interchain-accounts/types/cosmos-tx.js';
import { MsgPlaceLimitOrder, MsgPlaceLimitOrderResponse, Side, TimeInForce } from '../modules/dex/index.js';
import { parseDec } from '../app/dec.js';
import { waitForTx, type SimdChain } from '../scripts/lib/simd.js';
import { rpc } from './helpers/cometbft.js';
import { waitFor } from './helpers/processes.js';
import { zonekitOk } from './helpers/zonekit-cli.js';
import { hermesRow, rlyRow, withZoneAndSimd } from './helpers/zone-simd-ics20.js';

interface TxSearch {
  txs: Array<{ tx_result: { code: number; events: Array<{ type: string; attributes: Array<{ key: string; value: string }> }> } }>;
}

/** The acknowledgements written on `rpcUrl` for packets to `port`, newest last, as ibc-go's JSON. */
async function writtenAcks(rpcUrl: string, port: string): Promise<Array<{ result?: string; error?: string }>> {
  const found = await rpc<TxSearch>(rpcUrl, '/tx_search', { query: `"write_acknowledgement.packet_dst_port='${port}'"`, per_page: '100' });
  return found.txs.flatMap((tx) =>
    tx.tx_result.events
      .filter((e) => e.type === 'write_acknowledgement' && e.attributes.some((a) => a.key === 'packet_dst_port' && a.value === port))
      .map((e) => JSON.parse(Buffer.from(e.attributes.find((a) => a.key === 'packet_ack_hex')!.value, 'hex').toString('utf8')) as { result?: string; error?: string }),
  );
}

/** A simd tx from the CLI, signed by `from`; resolves once committed. */
async function simdTx(simd: SimdChain, args: readonly string[], from: string): Promise<void> {
  const out = JSON.parse(
    await simd.cli([...args, '--from', from, '--chain-id', simd.chainId, '--node', simd.rpcUrl, '--keyring-backend', 'test', '--gas', '400000', '--gas-prices', simd.minGasPrices, '--yes', '--output', 'json']),
  ) as { code: number; txhash: string; raw_log?: string };
  assert.equal(out.code, 0, out.raw_log ?? '');
  await waitForTx(simd.rpcUrl, out.txhash);
}

for (const row of [rlyRow, hermesRow]) {
  test(`interchain accounts zonekit ↔ simd through ${row.name}: each side controls an account on the other`, { timeout: 420_000 }, (t) =>
    withZoneAndSimd(row, 'ica', async ({ dir, zone, simd, relayer }) => {
      const [alice, bob] = zone.accounts;
      const path = relayer.path;
      // The running relayer finishes the ICA channel handshakes the controllers begin, and relays their packets.
      relayer.start();
      const zoneConnection = path.src.connectionId;
      const simdConnection = path.dst.connectionId;
      const zoneCli = ['--home', zone.home, '--keyring-backend', 'test', '--node', zone.rpcUrl, '--chain-id', zone.chainId];
      const zoneTx = async (args: readonly string[]): Promise<void> => {
        const out = JSON.parse(await zonekitOk([...args, '--from', 'alice', '--gas', '400000', '--fees', '4000uatom', '-y', '-o', 'json', ...zoneCli])) as { code: number; txhash: string; raw_log: string };
        assert.equal(out.code, 0, out.raw_log);
        await waitForTx(zone.rpcUrl, out.txhash);
      };
      const client = await SigningStargateClient.connectWithSigner(zone.rpcUrl, await DirectSecp256k1HdWallet.fromMnemonic(alice!.mnemonic), { gasPrice: GasPrice.fromString('0.025uatom') });
      t.after(() => client.disconnect());
      const zoneBalance = async (address: string, denom: string) => BigInt((await client.getBalance(address, denom)).amount);

      // 1. zonekit controller → simd host. alice registers; the channel opens; her account on simd is funded.
      await zoneTx(['tx', 'interchain-accounts', 'controller', 'register', zoneConnection, '--ordering', 'ORDER_ORDERED']);
      const icaOnSimd = await waitFor(
        async () => (JSON.parse(await zonekitOk(['query', 'interchain-accounts', 'controller', 'interchain-account', alice!.address, zoneConnection, '--node', zone.rpcUrl, '-o', 'json'])) as { address: string }).address,
        { what: `alice's interchain account on simd (the channel handshake through ${row.name})`, timeoutMs: 90_000, intervalMs: 500 },
      );
      await simdTx(simd, ['tx', 'bank', 'send', 'bob', icaOnSimd, '100000stake'], 'bob');
      const validator = (JSON.parse(await simd.cli(['q', 'staking', 'validators', '--node', simd.rpcUrl, '-o', 'json'])) as { validators: Array<{ operator_address: string }> }).validators[0]!.operator_address;

      // The messages as zonekit's CLI encodes them for a host; sent by alice with `controller send-tx`.
      const messages = [
        { '@type': '/cosmos.staking.v1beta1.MsgDelegate', delegator_address: icaOnSimd, validator_address: validator, amount: { denom: 'stake', amount: '60000' } },
        { '@type': '/cosmos.bank.v1beta1.MsgSend', from_address: icaOnSimd, to_address: bob!.address, amount: [{ denom: 'stake', amount: '15000' }] },
      ];
      const packetFile = join(dir, 'delegate-and-send.json');
      writeFileSync(packetFile, await zonekitOk(['tx', 'interchain-accounts', 'host', 'generate-packet-data', JSON.stringify(messages), '-o', 'json', ...zoneCli]));
      const bobStake = await simd.balance(bob!.address, 'stake');
      await zoneTx(['tx', 'interchain-accounts', 'controller', 'send-tx', zoneConnection, packetFile]);
      await waitFor(async () => (await simd.balance(bob!.address, 'stake')) === bobStake + 15_000n, { what: 'the interchain send on simd', timeoutMs: 60_000, intervalMs: 500 });
      const delegation = JSON.parse(await simd.cli(['q', 'staking', 'delegation', icaOnSimd, validator, '--node', simd.rpcUrl, '-o', 'json'])) as { delegation_response: { balance: { amount: string } } };
      assert.equal(delegation.delegation_response.balance.amount, '60000', "simd's state shows the interchain account's delegation");
      assert.equal(await simd.balance(icaOnSimd, 'stake'), 25_000n);
      const [hostAck] = await writtenAcks(simd.rpcUrl, 'icahost');
      const responses = TxMsgData.decode(Buffer.from(hostAck!.result!, 'base64')).msgResponses.map((r) => r.typeUrl);
      assert.deepEqual(responses, ['/cosmos.staking.v1beta1.MsgDelegateResponse', '/cosmos.bank.v1beta1.MsgSendResponse'], "simd's ack carries both responses");

      // 1b. A packet that times out closes the ORDERED channel; registering again opens a new
      //     channel to the same account on simd, its funds intact, and it executes again.
      const controllerChannels = async () =>
        (JSON.parse(await zonekitOk(['query', 'ibc', 'channel', 'channels', '--node', zone.rpcUrl, '-o', 'json'])) as { channels: Array<{ port_id: string; channel_id: string; state: string }> }).channels.filter(
          (c) => c.port_id === `icacontroller-${alice!.address}`,
        );
      const [first] = await controllerChannels();
      await zoneTx(['tx', 'interchain-accounts', 'controller', 'send-tx', zoneConnection, packetFile, '--relative-packet-timeout', '1']);
      await waitFor(async () => (await controllerChannels()).find((c) => c.channel_id === first!.channel_id)?.state === 'STATE_CLOSED', {
        what: `the timeout to close ${first!.channel_id} (through ${row.name})`,
        timeoutMs: 90_000,
        intervalMs: 500,
      });
      await zoneTx(['tx', 'interchain-accounts', 'controller', 'register', zoneConnection, '--ordering', 'ORDER_ORDERED']);
      const reopened = await waitFor(async () => (await controllerChannels()).find((c) => c.channel_id !== first!.channel_id && c.state === 'STATE_OPEN'), {
        what: 'a new open controller channel',
        timeoutMs: 90_000,
        intervalMs: 500,
      });
      const account = JSON.parse(await zonekitOk(['query', 'interchain-accounts', 'controller', 'interchain-account', alice!.address, zoneConnection, '--node', zone.rpcUrl, '-o', 'json'])) as { address: string };
      assert.equal(account.address, icaOnSimd, `${reopened.channel_id} leads to the same account`);
      assert.equal(await simd.balance(icaOnSimd, 'stake'), 25_000n, 'the timed-out packet changed nothing on simd');
      const sendAgain = join(dir, 'send-again.json');
      writeFileSync(sendAgain, await zonekitOk(['tx', 'interchain-accounts', 'host', 'generate-packet-data', JSON.stringify([messages[1]]), '-o', 'json', ...zoneCli]));
      await zoneTx(['tx', 'interchain-accounts', 'controller', 'send-tx', zoneConnection, sendAgain]);
      await waitFor(async () => (await simd.balance(icaOnSimd, 'stake')) === 10_000n, { what: 'a send over the reopened channel', timeoutMs: 60_000, intervalMs: 500 });

      // 2. simd controller → zonekit host. bob (on simd) registers; his account on zonekit is funded.
      // With an empty --version, simd's fee middleware proposes an ICS-29 wrapped version that a host
      // without ICS-29 cannot read; the ICS-27 metadata, given explicitly, opens a plain channel.
      // (An absent --version is no better: simd's flag then reads "0.38.11" from its config.)
      const metadata = { version: 'ics27-1', controller_connection_id: simdConnection, host_connection_id: zoneConnection, address: '', encoding: 'proto3', tx_type: 'sdk_multi_msg' };
      await simdTx(simd, ['tx', 'interchain-accounts', 'controller', 'register', simdConnection, '--version', JSON.stringify(metadata)], 'bob');
      const icaOnZone = await waitFor(
        async () => (JSON.parse(await simd.cli(['q', 'interchain-accounts', 'controller', 'interchain-account', bob!.address, simdConnection, '--node', simd.rpcUrl, '-o', 'json'])) as { address: string }).address,
        { what: "bob's interchain account on zonekit", timeoutMs: 90_000, intervalMs: 500 },
      );
      const funded = await client.sendTokens(alice!.address, icaOnZone, [{ denom: 'uatom', amount: '100000' }], 'auto');
      assert.equal(funded.code, 0, funded.rawLog ?? '');
      await zoneTx(['tx', 'dex', 'create-market', 'stake', 'uatom', '0.01', '100', '1000']);
      await zoneTx(['tx', 'dex', 'place', '1', 'sell', '1.20', '30000']);

      // A buy order from the interchain account, encoded here and sent from simd's CLI.
      const simdSendTx = async (name: string, msgs: Array<{ typeUrl: string; value: Uint8Array }>): Promise<void> => {
        const file = join(dir, `${name}.json`);
        writeFileSync(file, packetDataJson({ type: 1, data: serializeCosmosTx(msgs), memo: '' }));
        await simdTx(simd, ['tx', 'interchain-accounts', 'controller', 'send-tx', simdConnection, file], 'bob');
      };
      const order = MsgPlaceLimitOrder.fromPartial({ sender: icaOnZone, marketId: 1n, side: Side.SIDE_BUY, price: parseDec('1.25').toString(), quantity: '30000', timeInForce: TimeInForce.TIME_IN_FORCE_GTC });
      await simdSendTx('place-order', [{ typeUrl: MsgPlaceLimitOrder.typeUrl, value: MsgPlaceLimitOrder.encode(order).finish() }]);
      await waitFor(async () => (await zoneBalance(icaOnZone, 'stake')) > 0n, { what: "the interchain account's order to fill on zonekit", timeoutMs: 60_000, intervalMs: 500 });
      const [placed] = await writtenAcks(zone.rpcUrl, 'icahost');
      const response = TxMsgData.decode(Buffer.from(placed!.result!, 'base64')).msgResponses[0]!;
      assert.equal(response.typeUrl, MsgPlaceLimitOrderResponse.typeUrl);
      const orderId = MsgPlaceLimitOrderResponse.decode(response.value).orderId;
      t.diagnostic(`order ${orderId} from the interchain account filled: it holds ${await zoneBalance(icaOnZone, 'stake')}stake and ${await zoneBalance(icaOnZone, 'uatom')}uatom`);
      assert.equal(await zoneBalance(icaOnZone, 'stake'), 29_970n, 'the whole order filled: 30,000 less the exchange fee taken from what a buyer receives');

      // 3. A message signed for another account (alice's funds): an error ack, nothing changed.
      const aliceAtom = await zoneBalance(alice!.address, 'uatom');
      const icaAtom = await zoneBalance(icaOnZone, 'uatom');
      const theft = MsgSend.fromPartial({ fromAddress: alice!.address, toAddress: icaOnZone, amount: [{ denom: 'uatom', amount: '1000' }] });
      await simdSendTx('wrong-signer', [{ typeUrl: MsgSend.typeUrl, value: MsgSend.encode(theft).finish() }]);
      const refused = await waitFor(async () => (await writtenAcks(zone.rpcUrl, 'icahost'))[1], { what: 'the second ack on zonekit', timeoutMs: 60_000, intervalMs: 500 });
      assert.match(refused.error ?? '', /^ABCI code: \d+: error handling packet: see events for details$/);
      assert.equal(await zoneBalance(alice!.address, 'uatom'), aliceAtom);
      assert.equal(await zoneBalance(icaOnZone, 'uatom'), icaAtom);
    }),
  );
}
