// A zonekit zone and ibc-go's simd v8.8.0, linked by the stock Go relayer (rly v2.6.0) from
// ordinary chain JSON: clients, a connection and a transfer channel; ICS-20 both ways (the
// zonekit side sent by a stock cosmjs SigningStargateClient), a voucher unwound to its
// source, a timeout refunded and an invalid receiver's error ack refunded, with balances and
// escrow checked to the unit after every step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { GasPrice, SigningStargateClient } from '@cosmjs/stargate';
import { toBech32Address } from '../app/tx/address.js';
import { escrowAddress } from '../ibc/apps/transfer/keys.js';
import { voucherDenom } from '../ibc/apps/transfer/trace.js';
import { Relayer, rlyBinary } from '../scripts/lib/relayer.js';
import { simdBinary, simdTransfer, startSimdChain } from '../scripts/lib/simd.js';
import { startDevnet } from '../scripts/devnet/start.js';
import { freePorts, ProcessGroup } from './helpers/processes.js';

test('zonekit ↔ simd through rly: ICS-20 both ways, unwind, timeout and error-ack refunds', { timeout: 300_000 }, async () => {
  simdBinary();
  rlyBinary();
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-ibc-zone-simd-'));
  const group = new ProcessGroup();
  const stops: Array<() => Promise<void>> = [];
  let passed = false;
  try {
    const [rpc, p2p, abci, api, grpc] = (await freePorts(5)) as [number, number, number, number, number];
    const zone = await startDevnet({ home: join(dir, 'zonekit'), ports: { rpc, p2p, abci, api, grpc }, reset: true, timeoutCommit: '500ms' });
    stops.push(zone.stop);
    const [alice, bob, , , erin] = zone.accounts;
    const simd = await startSimdChain({
      home: join(dir, 'simd'),
      chainId: 'simd-test-1',
      accounts: zone.accounts.map((a) => ({ name: a.name, mnemonic: a.mnemonic, coins: '100000000000stake' })),
      group,
    });
    const relayer = await Relayer.init(join(dir, 'rly'), { group });
    await relayer.addChain({ chainId: zone.chainId, rpcUrl: zone.rpcUrl, mnemonic: erin!.mnemonic, gasPrices: zone.minGasPrices });
    await relayer.addChain({ chainId: simd.chainId, rpcUrl: simd.rpcUrl, mnemonic: erin!.mnemonic, gasPrices: simd.minGasPrices });
    await relayer.newPath('zs', zone.chainId, simd.chainId);
    const path = await relayer.link('zs');
    const zoneChannel = path.src.channelId;
    const simdChannel = path.dst.channelId;
    const relay = () => relayer.relayAll('zs', zoneChannel);

    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(alice!.mnemonic);
    const client = await SigningStargateClient.connectWithSigner(zone.rpcUrl, wallet, { gasPrice: GasPrice.fromString('0.025uatom') });
    const zoneBalance = async (address: string, denom: string) => BigInt((await client.getBalance(address, denom)).amount);
    const zoneEscrow = toBech32Address('cosmos', escrowAddress('transfer', zoneChannel));
    const simdEscrow = toBech32Address('cosmos', escrowAddress('transfer', simdChannel));
    const atomOnSimd = voucherDenom(`transfer/${simdChannel}/uatom`);
    const stakeOnZone = voucherDenom(`transfer/${zoneChannel}/stake`);

    // 1. zonekit → simd from cosmjs (the wallet path): uatom escrowed, a voucher minted on simd.
    const sent = await client.sendIbcTokens(alice!.address, bob!.address, { denom: 'uatom', amount: '1000000' }, 'transfer', zoneChannel, undefined, Math.floor(Date.now() / 1000) + 600, 'auto');
    assert.equal(sent.code, 0, sent.rawLog ?? '');
    await relay();
    assert.equal(await zoneBalance(zoneEscrow, 'uatom'), 1_000_000n);
    assert.equal(await simd.balance(bob!.address, atomOnSimd), 1_000_000n);

    // 2. simd → zonekit: stake escrowed on simd, a voucher on the zone.
    await simdTransfer(simd, { from: 'bob', channel: simdChannel, receiver: alice!.address, amount: '1000stake' });
    await relay();
    assert.equal(await simd.balance(simdEscrow, 'stake'), 1000n);
    assert.equal(await zoneBalance(alice!.address, stakeOnZone), 1000n);

    // 3. The uatom voucher goes home: burned on simd, released from the zone's escrow.
    const aliceAtom = await zoneBalance(alice!.address, 'uatom');
    await simdTransfer(simd, { from: 'bob', channel: simdChannel, receiver: alice!.address, amount: `400000${atomOnSimd}` });
    await relay();
    assert.equal(await simd.balance(bob!.address, atomOnSimd), 600_000n);
    assert.equal(await zoneBalance(zoneEscrow, 'uatom'), 600_000n);
    assert.equal(await zoneBalance(alice!.address, 'uatom'), aliceAtom + 400_000n);

    // 4. A transfer whose timeout passes before it is relayed comes back to its sender.
    const beforeTimeout = await zoneBalance(alice!.address, 'uatom');
    const late = await client.sendIbcTokens(alice!.address, bob!.address, { denom: 'uatom', amount: '5000' }, 'transfer', zoneChannel, undefined, Math.floor(Date.now() / 1000) + 3, 'auto');
    assert.equal(late.code, 0, late.rawLog ?? '');
    const feePaid = beforeTimeout - (await zoneBalance(alice!.address, 'uatom')) - 5000n;
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await relay();
    assert.equal(await zoneBalance(zoneEscrow, 'uatom'), 600_000n, 'escrow released by the timeout');
    assert.equal(await zoneBalance(alice!.address, 'uatom'), beforeTimeout - feePaid, 'the 5000uatom came back; only the fee was spent');
    assert.equal(await simd.balance(bob!.address, atomOnSimd), 600_000n, 'nothing arrived on simd');

    // 5. An invalid receiver on the zone gets an error acknowledgement: simd refunds its sender.
    await simdTransfer(simd, { from: 'bob', channel: simdChannel, receiver: 'not-an-address', amount: '500stake' });
    await relay();
    assert.equal(await simd.balance(simdEscrow, 'stake'), 1000n, 'the 500stake came out of escrow again');
    assert.equal(await zoneBalance(alice!.address, stakeOnZone), 1000n);
    assert.deepEqual(await relayer.unrelayed('zs', zoneChannel), { packets: { src: [], dst: [] }, acks: { src: [], dst: [] } });
    passed = true;
  } finally {
    await group.stopAll();
    for (const stop of stops.reverse()) await stop();
    if (passed) rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir} (zonekit, simd and rly logs)`);
  }
});
