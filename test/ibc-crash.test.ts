// SIGKILL the receiving zone's app while the Go relayer (`rly start`) moves a burst of 100
// ICS-20 transfers between two zonekit zones, then the sending zone's app while the acks of a
// second burst of 100 come back; each restarts on its home. Afterwards every packet has been received exactly once (one
// successful write_acknowledgement per sequence in the receiver's blocks) and acknowledged
// exactly once (one acknowledge_packet per sequence in the sender's), no packet commitment is
// left on the sender, and the
// sums reconcile to the unit: the voucher supply on the receiver, the escrow on the sender and
// what each sender lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { GasPrice, QueryClient, setupBankExtension, setupIbcExtension, SigningStargateClient, StargateClient, type MsgTransferEncodeObject } from '@cosmjs/stargate';
import { connectComet } from '@cosmjs/tendermint-rpc';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { toBech32Address } from '../app/tx/address.js';
import { escrowAddress } from '../ibc/apps/transfer/keys.js';
import { voucherDenom } from '../ibc/apps/transfer/trace.js';
import { Relayer, rlyBinary } from '../scripts/lib/relayer.js';
import { startDevnet, type DevnetStartOptions, type RunningDevnet } from '../scripts/devnet/start.js';
import { latestHeight, rpc } from './helpers/cometbft.js';
import { freePorts, ProcessGroup, waitFor } from './helpers/processes.js';

const SENDERS = 4;
const TXS_PER_BURST = 5;
const TRANSFERS_PER_TX = 5;
const PER_BURST = SENDERS * TXS_PER_BURST * TRANSFERS_PER_TX;
const TOTAL = 2 * PER_BURST;
const FEE_UATOM = 25_000n;
const AMOUNT = 1000n;

interface BlockResults {
  txs_results: Array<{ code: number; events: Array<{ type: string; attributes: Array<{ key: string; value: string }> }> }> | null;
}

/**
 * The packet sequences of every `eventType` event (on `channelKey` = `channel`) in the successful
 * txs of blocks 1..latest: CometBFT's saved block results, not its tx index, which a crash may cut short.
 */
async function packetEvents(rpcUrl: string, eventType: string, channelKey: string, channel: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  const latest = await latestHeight(rpcUrl);
  for (let height = 1; height <= latest; height++) {
    const results = await rpc<BlockResults>(rpcUrl, '/block_results', { height: String(height) });
    for (const tx of results.txs_results ?? []) {
      if (tx.code !== 0) continue;
      for (const event of tx.events) {
        if (event.type !== eventType) continue;
        const attr = (key: string) => event.attributes.find((a) => a.key === key)?.value;
        if (attr(channelKey) !== channel) continue;
        const sequence = Number(attr('packet_sequence'));
        counts.set(sequence, (counts.get(sequence) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Each of 1..total exactly once. */
function assertOncePerSequence(counts: Map<number, number>, total: number, what: string): void {
  assert.equal(counts.size, total, `${what} for ${counts.size} distinct sequences`);
  for (let seq = 1; seq <= total; seq++) assert.equal(counts.get(seq), 1, `sequence ${seq}: ${what} ${counts.get(seq) ?? 0} times`);
}

/** SIGKILL the zone's app, let its CometBFT go, start both again on the same home. */
async function killAndRestart(devnet: RunningDevnet, options: DevnetStartOptions): Promise<RunningDevnet> {
  process.kill(devnet.app.pid, 'SIGKILL');
  await devnet.app.exited;
  // CometBFT stops itself when its app connection drops; stop() makes sure and frees the home.
  await devnet.stop();
  return startDevnet({ ...options, reset: false });
}

test(`kill -9 of the receiving, then the sending zone's app while ${TOTAL} transfers are relayed: each packet received and acknowledged exactly once`, { timeout: 420_000 }, async (t) => {
  rlyBinary();
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-ibc-crash-'));
  const group = new ProcessGroup();
  const relayerGroup = new ProcessGroup();
  let source: RunningDevnet | undefined;
  let dest: RunningDevnet | undefined;
  let passed = false;
  try {
    const ports = async () => {
      const [rpcPort, p2p, abci, api, grpc] = (await freePorts(5)) as [number, number, number, number, number];
      return { rpc: rpcPort, p2p, abci, api, grpc };
    };
    const sourceOptions: DevnetStartOptions = { home: join(dir, 'source'), chainId: 'zonekit-src-1', ports: await ports(), reset: true, timeoutCommit: '500ms' };
    source = await startDevnet(sourceOptions);
    const destOptions: DevnetStartOptions = { home: join(dir, 'dest'), chainId: 'zonekit-dst-1', ports: await ports(), reset: true, timeoutCommit: '500ms' };
    dest = await startDevnet(destOptions);
    // Each devnet makes its own dev accounts; erin relays on both.
    const relayer = await Relayer.init(join(dir, 'rly'), { group: relayerGroup });
    await relayer.addChain({ chainId: source.chainId, rpcUrl: source.rpcUrl, mnemonic: source.accounts[4]!.mnemonic, gasPrices: source.minGasPrices });
    await relayer.addChain({ chainId: dest.chainId, rpcUrl: dest.rpcUrl, mnemonic: dest.accounts[4]!.mnemonic, gasPrices: dest.minGasPrices });
    await relayer.newPath('ab', source.chainId, dest.chainId);
    const path = await relayer.link('ab');
    let rly = relayer.start('ab');

    const receiver = dest.accounts[1]!.address;
    const voucher = voucherDenom(`transfer/${path.dst.channelId}/uatom`);
    const destQuery = await StargateClient.connect(dest.rpcUrl);
    const senders = await Promise.all(
      source.accounts.slice(0, SENDERS).map(async (account) => ({
        address: account.address,
        client: await SigningStargateClient.connectWithSigner(source!.rpcUrl, await DirectSecp256k1HdWallet.fromMnemonic(account.mnemonic), { gasPrice: GasPrice.fromString('0.025uatom') }),
      })),
    );
    t.after(() => {
      destQuery.disconnect();
      for (const s of senders) s.client.disconnect();
    });
    const uatomBefore = await Promise.all(senders.map(async (s) => BigInt((await s.client.getBalance(s.address, 'uatom')).amount)));

    // A burst: every sender's txs signed ahead (consecutive sequences, a fixed fee) and broadcast
    // at once, so all its packets are committed within a block or two; resolves once they are.
    const timeoutTimestamp = BigInt(Date.now() + 600_000) * 1_000_000n;
    const fee = { amount: [{ denom: 'uatom', amount: String(FEE_UATOM) }], gas: '1000000' };
    const burst = async (): Promise<void> => {
      const signed = await Promise.all(
        senders.map(async (sender) => {
          const { accountNumber, sequence } = await sender.client.getSequence(sender.address);
          return Promise.all(
            Array.from({ length: TXS_PER_BURST }, async (_, n) => {
              const msgs: MsgTransferEncodeObject[] = Array.from({ length: TRANSFERS_PER_TX }, () => ({
                typeUrl: '/ibc.applications.transfer.v1.MsgTransfer',
                value: { sourcePort: 'transfer', sourceChannel: path.src.channelId, token: { denom: 'uatom', amount: AMOUNT.toString() }, sender: sender.address, receiver, timeoutTimestamp, memo: '' },
              }));
              const raw = await sender.client.sign(sender.address, msgs, fee, '', { accountNumber, sequence: sequence + n, chainId: source!.chainId });
              return { client: sender.client, bytes: TxRaw.encode(raw).finish() };
            }),
          );
        }),
      );
      // Each sender's txs in sequence order; the senders side by side.
      const broadcast = async (txs: Array<{ client: SigningStargateClient; bytes: Uint8Array }>): Promise<string[]> => {
        const hashes: string[] = [];
        for (const tx of txs) hashes.push(await tx.client.broadcastTxSync(tx.bytes));
        return hashes;
      };
      const hashes = (await Promise.all(signed.map(broadcast))).flat();
      await Promise.all(
        hashes.map(async (hash) => {
          const tx = await waitFor(() => senders[0]!.client.getTx(hash), { what: `tx ${hash} in a block`, timeoutMs: 60_000, intervalMs: 100 });
          assert.equal(tx.code, 0, tx.rawLog);
        }),
      );
    };

    // Burst 1: the receiver's app dies the moment the relayer has delivered its first packets.
    const first = burst();
    const receivedBeforeKill = await waitFor(async () => (BigInt((await destQuery.getBalance(receiver, voucher)).amount) / AMOUNT) || undefined, {
      what: 'the first packets on the receiving zone',
      timeoutMs: 120_000,
      intervalMs: 50,
    });
    dest = await killAndRestart(dest, destOptions);
    await first;
    t.diagnostic(`burst 1: killed the receiver's app after ${receivedBeforeKill} of ${PER_BURST} packets had arrived; restarted at height ${dest.height}`);

    // Burst 2: the sender's app dies as soon as its packets are committed, before their acks are back.
    await burst();
    const ibcQuery = QueryClient.withExtensions(await connectComet(source.rpcUrl), setupIbcExtension);
    const awaitingAcks = (await ibcQuery.ibc.channel.packetCommitments('transfer', path.src.channelId)).commitments.length;
    source = await killAndRestart(source, sourceOptions);
    t.diagnostic(`burst 2: killed the sender's app with ${awaitingAcks} of ${TOTAL} packets awaiting their acks; restarted at height ${source.height}`);

    // The relayer keeps going against the restarted nodes. Should `rly start` stall (it keeps
    // in-flight msgs in memory, and the killed node's mempool is gone), an operator's flush finishes.
    let lastPending = '';
    let stalledSince = Date.now();
    await waitFor(
      async () => {
        if (!rly.running) {
          t.diagnostic(`rly start exited; starting it again (log: ${rly.logFile})`);
          rly = relayer.start('ab');
        }
        const left = await relayer.unrelayed('ab', path.src.channelId);
        const pending = JSON.stringify(left);
        if (![left.packets.src, left.packets.dst, left.acks.src, left.acks.dst].some((seqs) => seqs.length > 0)) return true;
        if (pending !== lastPending) [lastPending, stalledSince] = [pending, Date.now()];
        else if (Date.now() - stalledSince > 30_000) {
          t.diagnostic(`rly start made no progress for 30 s with ${pending} unrelayed; rly tx flush`);
          await relayer.flush('ab', path.src.channelId);
          stalledSince = Date.now();
        }
        return false;
      },
      { what: `every packet and ack relayed (rly log: ${rly.logFile})`, timeoutMs: 240_000, intervalMs: 1000 },
    );

    assertOncePerSequence(await packetEvents(dest.rpcUrl, 'write_acknowledgement', 'packet_dst_channel', path.dst.channelId), TOTAL, 'received');
    assertOncePerSequence(await packetEvents(source.rpcUrl, 'acknowledge_packet', 'packet_src_channel', path.src.channelId), TOTAL, 'acknowledged');

    assert.equal(BigInt((await destQuery.getBalance(receiver, voucher)).amount), BigInt(TOTAL) * AMOUNT, 'the receiver holds one voucher per packet');
    const destBank = QueryClient.withExtensions(await connectComet(dest.rpcUrl), setupBankExtension);
    assert.equal(BigInt((await destBank.bank.supplyOf(voucher)).amount), BigInt(TOTAL) * AMOUNT, 'and no voucher exists beyond those');
    const escrow = toBech32Address('cosmos', escrowAddress('transfer', path.src.channelId));
    assert.equal(BigInt((await senders[0]!.client.getBalance(escrow, 'uatom')).amount), BigInt(TOTAL) * AMOUNT, 'the sender zone escrows exactly what was sent');
    for (const [i, s] of senders.entries()) {
      const now = BigInt((await s.client.getBalance(s.address, 'uatom')).amount);
      assert.equal(now, uatomBefore[i]! - BigInt(2 * TXS_PER_BURST) * FEE_UATOM - BigInt(2 * TXS_PER_BURST * TRANSFERS_PER_TX) * AMOUNT, `sender ${i} lost its transfers and fees, nothing more`);
    }
    assert.deepEqual((await ibcQuery.ibc.channel.packetCommitments('transfer', path.src.channelId)).commitments, [], 'every ack came back');
    passed = true;
  } finally {
    await relayerGroup.stopAll();
    await group.stopAll();
    await dest?.stop();
    await source?.stop();
    if (passed) rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir} (both zones' and rly's logs)`);
  }
});
