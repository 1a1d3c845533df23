// Two zonekit zones linked by the stock Go relayer (rly v2.6.0) from ordinary chain JSON: a
// 4-validator localnet and a one-validator devnet. ICS-20 both ways (the localnet side from a
// stock cosmjs SigningStargateClient.sendIbcTokens, the devnet side from `zonekit tx
// ibc-transfer transfer`), a voucher unwound, a timeout and an error ack refunded, balances and
// escrow checked to the unit after every step. Then the localnet's validator set changes by more
// than 1/3 of its power (a delegation) and the devnet's client of it is updated across the change
// in one non-adjacent step: zonekit's light client verifies real headers of a changed set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { GasPrice, SigningStargateClient, StargateClient } from '@cosmjs/stargate';
import { toBech32Address } from '../app/tx/address.js';
import { escrowAddress } from '../ibc/apps/transfer/keys.js';
import { voucherDenom } from '../ibc/apps/transfer/trace.js';
import { Relayer, rlyBinary } from '../scripts/lib/relayer.js';
import { startDevnet } from '../scripts/devnet/start.js';
import { rpc } from './helpers/cometbft.js';
import { startLocalnet } from './helpers/localnet.js';
import { freePorts, ProcessGroup, waitFor } from './helpers/processes.js';
import { zonekitOk } from './helpers/zonekit-cli.js';

interface RpcValidator {
  address: string;
  voting_power: string;
}

/** The validator set CometBFT reports at `height`, as address → power. */
async function validatorPowers(rpcUrl: string, height: number): Promise<Map<string, bigint>> {
  const result = await rpc<{ validators: RpcValidator[] }>(rpcUrl, '/validators', { height: String(height), per_page: '100' });
  return new Map(result.validators.map((v) => [v.address, BigInt(v.voting_power)]));
}

test('zonekit ↔ zonekit through rly: ICS-20 both ways, unwind, refunds, and a client update across a validator-set change', { timeout: 420_000 }, async (t) => {
  rlyBinary();
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-ibc-zone-zone-'));
  const group = new ProcessGroup();
  const stops: Array<() => Promise<void>> = [];
  let passed = false;
  try {
    const local = await startLocalnet({ chainId: 'zonekit-local-1', timeoutCommit: '500ms', dir: join(dir, 'localnet') });
    stops.push(() => local.close());
    const [rpcPort, p2p, abci, api, grpc] = (await freePorts(5)) as [number, number, number, number, number];
    const devnet = await startDevnet({ home: join(dir, 'devnet'), chainId: 'zonekit-dev-1', ports: { rpc: rpcPort, p2p, abci, api, grpc }, reset: true, timeoutCommit: '500ms' });
    stops.push(devnet.stop);
    const localRpc = local.nodes[0]!.rpcUrl;
    const [v0, v1, v2, v3] = local.nodes as [typeof local.nodes[0], typeof local.nodes[0], typeof local.nodes[0], typeof local.nodes[0]];
    const [, bob, , , erin] = devnet.accounts;

    // Ordinary chain JSON: the relayer knows nothing about zonekit.
    const relayer = await Relayer.init(join(dir, 'rly'), { group });
    await relayer.addChain({ chainId: local.chainId, rpcUrl: localRpc, mnemonic: v3.mnemonic, gasPrices: '0.01uatom' });
    await relayer.addChain({ chainId: devnet.chainId, rpcUrl: devnet.rpcUrl, mnemonic: erin!.mnemonic, gasPrices: devnet.minGasPrices });
    await relayer.newPath('zz', local.chainId, devnet.chainId);
    const path = await relayer.link('zz');
    const localChannel = path.src.channelId;
    const devChannel = path.dst.channelId;
    const relay = () => relayer.relayAll('zz', localChannel);

    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(v0.mnemonic);
    const localClient = await SigningStargateClient.connectWithSigner(localRpc, wallet, { gasPrice: GasPrice.fromString('0.025uatom') });
    const devClient = await StargateClient.connect(devnet.rpcUrl);
    t.after(() => {
      localClient.disconnect();
      devClient.disconnect();
    });
    const localBalance = async (address: string, denom: string) => BigInt((await localClient.getBalance(address, denom)).amount);
    const devBalance = async (address: string, denom: string) => BigInt((await devClient.getBalance(address, denom)).amount);
    const localEscrow = toBech32Address('cosmos', escrowAddress('transfer', localChannel));
    const devEscrow = toBech32Address('cosmos', escrowAddress('transfer', devChannel));
    const atomOnDev = voucherDenom(`transfer/${devChannel}/uatom`);
    const atomOnLocal = voucherDenom(`transfer/${localChannel}/uatom`);
    const devCli = ['--home', devnet.home, '--keyring-backend', 'test', '--node', devnet.rpcUrl, '--chain-id', devnet.chainId];
    /** `zonekit tx ibc-transfer transfer` on the devnet, from bob; resolves once its block is committed. */
    const devTransfer = async (receiver: string, amount: string): Promise<void> => {
      const out = JSON.parse(
        await zonekitOk(['tx', 'ibc-transfer', 'transfer', 'transfer', devChannel, receiver, amount, '--from', 'bob', '--gas', '300000', '--fees', '3000uatom', '-y', '-o', 'json', ...devCli]),
      ) as { code: number; txhash: string; raw_log: string };
      assert.equal(out.code, 0, out.raw_log);
      const included = await waitFor(() => devClient.getTx(out.txhash), { what: `tx ${out.txhash} in a devnet block`, timeoutMs: 30_000 });
      assert.equal(included.code, 0, included.rawLog);
    };

    // 1. localnet → devnet from cosmjs (the wallet path): uatom escrowed, a voucher with its trace.
    const sent = await localClient.sendIbcTokens(v0.address, bob!.address, { denom: 'uatom', amount: '1000000' }, 'transfer', localChannel, undefined, Math.floor(Date.now() / 1000) + 600, 'auto');
    assert.equal(sent.code, 0, sent.rawLog ?? '');
    await relay();
    assert.equal(await localBalance(localEscrow, 'uatom'), 1_000_000n);
    assert.equal(await devBalance(bob!.address, atomOnDev), 1_000_000n);
    const trace = JSON.parse(await zonekitOk(['query', 'ibc-transfer', 'denom-trace', atomOnDev, '--node', devnet.rpcUrl, '-o', 'json'])) as { denom_trace: { path: string; base_denom: string } };
    assert.deepEqual(trace.denom_trace, { path: `transfer/${devChannel}`, base_denom: 'uatom' });

    // 2. devnet → localnet from the CLI: the devnet's uatom escrowed there, a voucher here.
    await devTransfer(v1.address, '2500uatom');
    await relay();
    assert.equal(await devBalance(devEscrow, 'uatom'), 2500n);
    assert.equal(await localBalance(v1.address, atomOnLocal), 2500n);

    // 3. Part of the localnet's uatom goes home: burned on the devnet, released from escrow here.
    const v2Atom = await localBalance(v2.address, 'uatom');
    await devTransfer(v2.address, `400000${atomOnDev}`);
    await relay();
    assert.equal(await devBalance(bob!.address, atomOnDev), 600_000n);
    assert.equal(await localBalance(localEscrow, 'uatom'), 600_000n);
    assert.equal(await localBalance(v2.address, 'uatom'), v2Atom + 400_000n);

    // 4. A transfer whose timeout passes before it is relayed comes back to its sender.
    const beforeTimeout = await localBalance(v0.address, 'uatom');
    const late = await localClient.sendIbcTokens(v0.address, bob!.address, { denom: 'uatom', amount: '5000' }, 'transfer', localChannel, undefined, Math.floor(Date.now() / 1000) + 3, 'auto');
    assert.equal(late.code, 0, late.rawLog ?? '');
    const feePaid = beforeTimeout - (await localBalance(v0.address, 'uatom')) - 5000n;
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await relay();
    assert.equal(await localBalance(localEscrow, 'uatom'), 600_000n, 'escrow released by the timeout');
    assert.equal(await localBalance(v0.address, 'uatom'), beforeTimeout - feePaid, 'the 5000uatom came back; only the fee was spent');
    assert.equal(await devBalance(bob!.address, atomOnDev), 600_000n, 'nothing arrived on the devnet');

    // 5. An invalid receiver on the localnet gets an error acknowledgement: the devnet refunds bob.
    const bobAtom = await devBalance(bob!.address, 'uatom');
    await devTransfer('not-an-address', '700uatom');
    await relay();
    assert.equal(await devBalance(devEscrow, 'uatom'), 2500n, 'the 700uatom came out of escrow again');
    assert.equal(await devBalance(bob!.address, 'uatom'), bobAtom - 3000n, 'bob paid the fee only');

    // 6. The localnet's validator set changes by more than 1/3 of its power: v1 delegates three
    //    self-bonds' worth to v2. The devnet's client, last updated at H0, then learns a header
    //    past the change in one non-adjacent update.
    const clientState = async () =>
      JSON.parse(await zonekitOk(['query', 'ibc', 'client', 'state', path.dst.clientId, '--node', devnet.rpcUrl, '-o', 'json'])) as {
        client_state: { latest_height: { revision_height: string } };
      };
    const h0 = Number((await clientState()).client_state.latest_height.revision_height);
    const delegator = await SigningStargateClient.connectWithSigner(localRpc, await DirectSecp256k1HdWallet.fromMnemonic(v1.mnemonic), { gasPrice: GasPrice.fromString('0.025uatom') });
    const delegated = await delegator.delegateTokens(v1.address, v2.validatorAddress, { denom: 'stake', amount: '300000000' }, 'auto');
    delegator.disconnect();
    assert.equal(delegated.code, 0, delegated.rawLog ?? '');
    const before = await validatorPowers(localRpc, h0);
    const changedAt = await waitFor(
      async () => {
        const height = await local.height(0);
        const powers = await validatorPowers(localRpc, height);
        return [...powers].some(([address, power]) => before.get(address) !== power) ? height : undefined;
      },
      { what: 'the localnet validator set to change', timeoutMs: 30_000 },
    );
    await local.waitForHeight(changedAt + 2);
    const after = await validatorPowers(localRpc, changedAt);
    const total = [...after.values()].reduce((a, b) => a + b, 0n);
    const moved = [...after].reduce((sum, [address, power]) => sum + (power > (before.get(address) ?? 0n) ? power - (before.get(address) ?? 0n) : 0n), 0n);
    assert.ok(3n * moved > total, `the set changed by ${moved} of ${total} power, more than 1/3`);

    await relayer.rly(['tx', 'update-clients', 'zz'], join(relayer.logDir, 'update-zz.log'));
    const h1 = Number((await clientState()).client_state.latest_height.revision_height);
    assert.ok(h1 > changedAt, `the client now trusts height ${h1}, past the change at ${changedAt}`);
    assert.ok(h1 - h0 > 1, `non-adjacent: trusted ${h0}, verified ${h1}`);
    const consensus = async (height: number) =>
      JSON.parse(await zonekitOk(['query', 'ibc', 'client', 'consensus-state', path.dst.clientId, `1-${height}`, '--node', devnet.rpcUrl, '-o', 'json'])) as {
        consensus_state: { next_validators_hash: string };
      };
    const header = await rpc<{ header: { next_validators_hash: string } }>(localRpc, '/header', { height: String(h1) });
    const stored = (await consensus(h1)).consensus_state.next_validators_hash;
    // HexBytes: hex in the SDK's JSON, as simd prints it.
    assert.equal(stored.toUpperCase(), header.header.next_validators_hash, 'the consensus state holds the new set');
    assert.notEqual(stored, (await consensus(h0)).consensus_state.next_validators_hash, 'the set at H0 was another');
    t.diagnostic(`client updated from ${h0} to ${h1} across a change at ${changedAt}: ${moved} of ${total} power moved`);

    // 7. Packets still flow over the updated client.
    await localClient.sendIbcTokens(v0.address, bob!.address, { denom: 'uatom', amount: '1234' }, 'transfer', localChannel, undefined, Math.floor(Date.now() / 1000) + 600, 'auto');
    await relay();
    assert.equal(await devBalance(bob!.address, atomOnDev), 601_234n);
    assert.equal(await localBalance(localEscrow, 'uatom'), 601_234n);
    assert.deepEqual(await relayer.unrelayed('zz', localChannel), { packets: { src: [], dst: [] }, acks: { src: [], dst: [] } });
    passed = true;
  } finally {
    await group.stopAll();
    for (const stop of stops.reverse()) await stop();
    if (passed) rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir} (localnet, devnet and rly logs)`);
  }
});
