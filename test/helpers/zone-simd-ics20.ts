// One ICS-20 flow between a zonekit zone and ibc-go's simd, run unchanged with each stock
// relayer (one test table, two relayers): link from nothing, zonekit → simd from cosmjs,
// simd → zonekit from simd's CLI, a voucher unwound to its source, a timeout and an error ack
// refunded, then the relayer running on its own; balances and escrow checked to the unit.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { GasPrice, SigningStargateClient } from '@cosmjs/stargate';
import { toBech32Address } from '../../app/tx/address.js';
import { escrowAddress } from '../../ibc/apps/transfer/keys.js';
import { voucherDenom } from '../../ibc/apps/transfer/trace.js';
import { Hermes, hermesBinary } from '../../scripts/lib/hermes.js';
import { Relayer, rlyBinary, type LinkedPath, type Unrelayed } from '../../scripts/lib/relayer.js';
import { simdBinary, simdTransfer, startSimdChain, type SimdChain } from '../../scripts/lib/simd.js';
import { startDevnet, type RunningDevnet } from '../../scripts/devnet/start.js';
import { freePorts, waitFor, ProcessGroup } from './processes.js';

/** A relayer linked between the zone and simd, as the flow drives it. */
export interface LinkedRelayer {
  /** src: the zone, dst: simd. */
  path: LinkedPath;
  /** Relays everything pending on the channel, on demand. */
  relayAll(): Promise<void>;
  unrelayed(): Promise<Unrelayed>;
  /** Relays by itself in the background until stop(). */
  start(): void;
  stop(): Promise<void>;
}

export interface RelayerRow {
  name: string;
  /** Throws with the install hint when the binary is missing. */
  binary(): string;
  /** Sets the relayer up for both chains (one key, funded on each) and links a transfer channel from nothing. */
  link(home: string, group: ProcessGroup, zone: RunningDevnet, simd: SimdChain, mnemonic: string): Promise<LinkedRelayer>;
}

export const rlyRow: RelayerRow = {
  name: 'rly',
  binary: rlyBinary,
  async link(home, group, zone, simd, mnemonic) {
    const relayer = await Relayer.init(home, { group });
    await relayer.addChain({ chainId: zone.chainId, rpcUrl: zone.rpcUrl, mnemonic, gasPrices: zone.minGasPrices });
    await relayer.addChain({ chainId: simd.chainId, rpcUrl: simd.rpcUrl, mnemonic, gasPrices: simd.minGasPrices });
    await relayer.newPath('zs', zone.chainId, simd.chainId);
    const path = await relayer.link('zs');
    return {
      path,
      relayAll: () => relayer.relayAll('zs', path.src.channelId),
      unrelayed: () => relayer.unrelayed('zs', path.src.channelId),
      start: () => void relayer.start('zs'),
      stop: () => relayer.stop(),
    };
  },
};

export const hermesRow: RelayerRow = {
  name: 'hermes',
  binary: hermesBinary,
  async link(home, group, zone, simd, mnemonic) {
    const hermes = await Hermes.init(home, { group });
    await hermes.addChain({ chainId: zone.chainId, rpcUrl: zone.rpcUrl, grpcUrl: `http://127.0.0.1:${zone.ports.grpc}`, mnemonic, gasPrice: zone.minGasPrices });
    await hermes.addChain({ chainId: simd.chainId, rpcUrl: simd.rpcUrl, grpcUrl: `http://${simd.grpcAddress}`, mnemonic, gasPrice: simd.minGasPrices });
    // The zone's ordinary chain entry passes all of Hermes's checks (versions, gas price, tx
    // index, params) without a warning. ibc-go's own simd gets one: it is built as the ibc-go
    // module itself, so its build_deps cannot list ibc-go, and Hermes relays it regardless.
    const health = await hermes.healthCheck();
    const log = `(log: ${hermes.logDir}/health-check.log)`;
    assert.equal(health.healthy[zone.chainId], true, `hermes finds ${zone.chainId} unhealthy: ${JSON.stringify(health.warnings)} ${log}`);
    assert.deepEqual(health.warnings[zone.chainId] ?? [], [], log);
    assert.deepEqual(health.warnings['-'] ?? [], [], log);
    assert.notEqual(health.healthy[simd.chainId], undefined, log);
    await hermes.newPath('zs', zone.chainId, simd.chainId);
    const path = await hermes.link('zs');
    return {
      path,
      relayAll: () => hermes.relayAll('zs', path.src.channelId),
      unrelayed: () => hermes.unrelayed('zs', path.src.channelId),
      start: () => void hermes.start(),
      stop: () => hermes.stop(),
    };
  },
};

/** A zonekit devnet and a simd chain (the same dev accounts on both), linked by `row`'s relayer with erin's key. */
export interface ZoneSimdPair {
  dir: string;
  zone: RunningDevnet;
  simd: SimdChain;
  relayer: LinkedRelayer;
}

/**
 * Starts the pair in a new folder, runs `body`, then stops every process it started; the folder
 * (every chain's and the relayer's logs) is kept when `body` fails.
 */
export async function withZoneAndSimd(row: RelayerRow, name: string, body: (pair: ZoneSimdPair) => Promise<void>): Promise<void> {
  simdBinary();
  row.binary();
  const dir = mkdtempSync(join(tmpdir(), `zonekit-${name}-${row.name}-`));
  const group = new ProcessGroup();
  const stops: Array<() => Promise<void>> = [];
  let passed = false;
  try {
    const [rpc, p2p, abci, api, grpc] = (await freePorts(5)) as [number, number, number, number, number];
    const zone = await startDevnet({ home: join(dir, 'zonekit'), chainId: 'zonekit-1', ports: { rpc, p2p, abci, api, grpc }, reset: true, timeoutCommit: '500ms' });
    stops.push(zone.stop);
    const simd = await startSimdChain({
      home: join(dir, 'simd'),
      chainId: 'simd-1',
      accounts: zone.accounts.map((a) => ({ name: a.name, mnemonic: a.mnemonic, coins: '100000000000stake' })),
      group,
    });
    const relayer = await row.link(join(dir, row.name), group, zone, simd, zone.accounts[4]!.mnemonic);
    stops.push(relayer.stop);
    assert.equal(relayer.path.src.chainId, zone.chainId);
    await body({ dir, zone, simd, relayer });
    passed = true;
  } finally {
    await group.stopAll();
    for (const stop of stops.reverse()) await stop();
    if (passed) rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir} (zonekit, simd and ${row.name} logs)`);
  }
}

export function zoneSimdIcs20(row: RelayerRow): Promise<void> {
  return withZoneAndSimd(row, 'ibc', async ({ dir, zone, simd, relayer }) => {
    const [alice, bob] = zone.accounts;
    const zoneChannel = relayer.path.src.channelId;
    const simdChannel = relayer.path.dst.channelId;

    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(alice!.mnemonic);
    const client = await SigningStargateClient.connectWithSigner(zone.rpcUrl, wallet, { gasPrice: GasPrice.fromString('0.025uatom') });
    const zoneBalance = async (address: string, denom: string) => BigInt((await client.getBalance(address, denom)).amount);
    const zoneEscrow = toBech32Address('cosmos', escrowAddress('transfer', zoneChannel));
    const simdEscrow = toBech32Address('cosmos', escrowAddress('transfer', simdChannel));
    const atomOnSimd = voucherDenom(`transfer/${simdChannel}/uatom`);
    const stakeOnZone = voucherDenom(`transfer/${zoneChannel}/stake`);
    const sendFromZone = async (amount: string, timeoutSeconds: number) => {
      const sent = await client.sendIbcTokens(alice!.address, bob!.address, { denom: 'uatom', amount }, 'transfer', zoneChannel, undefined, Math.floor(Date.now() / 1000) + timeoutSeconds, 'auto');
      assert.equal(sent.code, 0, sent.rawLog ?? '');
    };

    // 1. zonekit → simd from cosmjs (the wallet path): uatom escrowed, a voucher minted on simd.
    await sendFromZone('1000000', 600);
    await relayer.relayAll();
    assert.equal(await zoneBalance(zoneEscrow, 'uatom'), 1_000_000n);
    assert.equal(await simd.balance(bob!.address, atomOnSimd), 1_000_000n);

    // 2. simd → zonekit: stake escrowed on simd, a voucher on the zone.
    await simdTransfer(simd, { from: 'bob', channel: simdChannel, receiver: alice!.address, amount: '1000stake' });
    await relayer.relayAll();
    assert.equal(await simd.balance(simdEscrow, 'stake'), 1000n);
    assert.equal(await zoneBalance(alice!.address, stakeOnZone), 1000n);

    // 3. The uatom voucher goes home: burned on simd, released from the zone's escrow.
    const aliceAtom = await zoneBalance(alice!.address, 'uatom');
    await simdTransfer(simd, { from: 'bob', channel: simdChannel, receiver: alice!.address, amount: `400000${atomOnSimd}` });
    await relayer.relayAll();
    assert.equal(await simd.balance(bob!.address, atomOnSimd), 600_000n);
    assert.equal(await zoneBalance(zoneEscrow, 'uatom'), 600_000n);
    assert.equal(await zoneBalance(alice!.address, 'uatom'), aliceAtom + 400_000n);

    // 4. A transfer whose timeout passes before it is relayed comes back to its sender.
    const beforeTimeout = await zoneBalance(alice!.address, 'uatom');
    await sendFromZone('5000', 3);
    const feePaid = beforeTimeout - (await zoneBalance(alice!.address, 'uatom')) - 5000n;
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await relayer.relayAll();
    assert.equal(await zoneBalance(zoneEscrow, 'uatom'), 600_000n, 'escrow released by the timeout');
    assert.equal(await zoneBalance(alice!.address, 'uatom'), beforeTimeout - feePaid, 'the 5000uatom came back; only the fee was spent');
    assert.equal(await simd.balance(bob!.address, atomOnSimd), 600_000n, 'nothing arrived on simd');

    // 5. An invalid receiver on the zone gets an error acknowledgement: simd refunds its sender.
    await simdTransfer(simd, { from: 'bob', channel: simdChannel, receiver: 'not-an-address', amount: '500stake' });
    await relayer.relayAll();
    assert.equal(await simd.balance(simdEscrow, 'stake'), 1000n, 'the 500stake came out of escrow again');
    assert.equal(await zoneBalance(alice!.address, stakeOnZone), 1000n);
    assert.deepEqual(await relayer.unrelayed(), { packets: { src: [], dst: [] }, acks: { src: [], dst: [] } });

    // 6. Left to itself (events from CometBFT, as operators run it) the relayer delivers both ways.
    relayer.start();
    await sendFromZone('7000', 600);
    await simdTransfer(simd, { from: 'bob', channel: simdChannel, receiver: alice!.address, amount: '300stake' });
    await waitFor(async () => (await simd.balance(bob!.address, atomOnSimd)) === 607_000n && (await zoneBalance(alice!.address, stakeOnZone)) === 1300n, {
      what: `${row.name} start to relay both transfers (logs in ${join(dir, row.name)})`,
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    await waitFor(async () => {
      const left = await relayer.unrelayed();
      return [left.packets.src, left.packets.dst, left.acks.src, left.acks.dst].every((seqs) => seqs.length === 0);
    }, { what: `${row.name} start to relay the acknowledgements`, timeoutMs: 60_000, intervalMs: 500 });
    assert.equal(await zoneBalance(zoneEscrow, 'uatom'), 607_000n);
    assert.equal(await simd.balance(simdEscrow, 'stake'), 1300n);
  });
}
