/**
 * IBC benchmark: ICS-20 packets relayed end to end per second. A source chain sends a burst of
 * N pre-signed MsgTransfer txs to an ibc-go simd chain; the Go relayer (`rly start`) relays the
 * packets and their acks; a round ends when the destination has received every packet and the
 * source has cleared every packet commitment (the ack is back). Prints per-round and median
 * figures for simd -> simd and zonekit -> simd and the ratio of the two, then the light client's
 * costs (an update with 4 and 100 validators, a membership proof; ibc-light-client.ts).
 * Run: npm run bench:ibc -- [--transfers 200] [--rounds 3] [--timeout-commit 500ms]
 *      [--min-loop 100] [--simd-only] [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { calculateFee, GasPrice, QueryClient, setupIbcExtension, SigningStargateClient, type IbcExtension, type MsgTransferEncodeObject } from '@cosmjs/stargate';
import { connectComet } from '@cosmjs/tendermint-rpc';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { freePorts } from '../lib/processes.js';
import { Relayer, type LinkedPath } from '../lib/relayer.js';
import { startSimdChain, type SimdChain } from '../lib/simd.js';
import { benchLightClient } from './ibc-light-client.js';
import { fmt, median, nowMs } from './stats.js';

const { values: flags } = parseArgs({
  options: {
    transfers: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    'timeout-commit': { type: 'string', default: '500ms' },
    'min-loop': { type: 'string', default: '100' },
    'simd-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const transfers = Number(flags.transfers);
const rounds = Number(flags.rounds);
const minLoopDurationMs = Number(flags['min-loop']);
const GAS = 200_000;

const dir = mkdtempSync(join(tmpdir(), 'zonekit-bench-ibc-'));
const stops: Array<() => Promise<void>> = [];
const log = (line: string) => console.log(line);

/** The sending side of a pair: any chain that speaks the SDK's wire formats. */
interface Source {
  chainId: string;
  rpcUrl: string;
  senderMnemonic: string;
  relayerMnemonic: string;
  denom: string;
  gasPrice: string;
}

interface Round {
  /** From the first broadcast: the last tx accepted into the mempool, every packet received, every ack back. */
  sentMs: number;
  receivedMs: number;
  ackedMs: number;
  packetsPerSecond: number;
}

const newMnemonic = async (): Promise<string> => (await DirectSecp256k1HdWallet.generate(24)).mnemonic;

async function startSimd(name: string, accounts: Array<{ name: string; mnemonic: string }>): Promise<SimdChain> {
  const chain = await startSimdChain({
    home: join(dir, name),
    chainId: name,
    accounts: accounts.map((a) => ({ ...a, coins: '100000000000000stake' })),
    timeoutCommit: flags['timeout-commit'],
  });
  stops.push(chain.stop);
  return chain;
}

async function simdSource(relayerMnemonic: string): Promise<Source> {
  const senderMnemonic = await newMnemonic();
  const chain = await startSimd('simd-src-1', [
    { name: 'validator', mnemonic: await newMnemonic() },
    { name: 'sender', mnemonic: senderMnemonic },
    { name: 'relayer', mnemonic: relayerMnemonic },
  ]);
  return { chainId: chain.chainId, rpcUrl: chain.rpcUrl, senderMnemonic, relayerMnemonic, denom: 'stake', gasPrice: chain.minGasPrices };
}

/** The zone's devnet (one validator, dev accounts): alice sends, erin relays. */
async function zonekitSource(): Promise<Source> {
  // Loaded only here, so the simd pair runs without building the zone.
  const { startDevnet } = await import('../devnet/start.js');
  const [rpc, p2p, abci, api, grpc] = (await freePorts(5)) as [number, number, number, number, number];
  const devnet = await startDevnet({ home: join(dir, 'zonekit'), ports: { rpc, p2p, abci, api, grpc }, reset: true, timeoutCommit: flags['timeout-commit'] });
  stops.push(devnet.stop);
  const account = (name: string) => devnet.accounts.find((a) => a.name === name)!.mnemonic;
  return { chainId: devnet.chainId, rpcUrl: devnet.rpcUrl, senderMnemonic: account('alice'), relayerMnemonic: account('erin'), denom: 'uatom', gasPrice: devnet.minGasPrices };
}

/** Signs `count` transfers from the sender with consecutive sequences, before any timing starts. */
async function signTransfers(source: Source, path: LinkedPath, receiver: string, count: number): Promise<Uint8Array[]> {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(source.senderMnemonic);
  const [account] = await wallet.getAccounts();
  const address = account!.address;
  const client = await SigningStargateClient.connectWithSigner(source.rpcUrl, wallet);
  const { accountNumber, sequence } = await client.getSequence(address);
  const fee = calculateFee(GAS, GasPrice.fromString(source.gasPrice));
  const timeoutTimestamp = BigInt(Date.now() + 30 * 60_000) * 1_000_000n;
  const txs: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const msg: MsgTransferEncodeObject = {
      typeUrl: '/ibc.applications.transfer.v1.MsgTransfer',
      value: {
        sourcePort: path.src.portId,
        sourceChannel: path.src.channelId,
        token: { denom: source.denom, amount: '1' },
        sender: address,
        receiver,
        timeoutTimestamp,
        memo: '',
      },
    };
    const signed = await client.sign(address, [msg], fee, '', { accountNumber, sequence: sequence + i, chainId: source.chainId });
    txs.push(TxRaw.encode(signed).finish());
  }
  client.disconnect();
  return txs;
}

async function ibcQueries(rpcUrl: string): Promise<{ ibc: IbcExtension['ibc']; close: () => void }> {
  const comet = await connectComet(rpcUrl);
  return { ibc: QueryClient.withExtensions(comet, setupIbcExtension).ibc, close: () => comet.disconnect() };
}

/** One burst: broadcast every tx, then wait for every packet to be received and acknowledged. */
async function runRound(source: Source, dest: SimdChain, path: LinkedPath, txs: Uint8Array[], firstSequence: number): Promise<Round> {
  const sender = await SigningStargateClient.connect(source.rpcUrl);
  const [src, dst] = await Promise.all([ibcQueries(source.rpcUrl), ibcQueries(dest.rpcUrl)]);
  const sequences = txs.map((_, i) => firstSequence + i);
  try {
    const start = nowMs();
    for (const tx of txs) await sender.broadcastTxSync(tx);
    const sentMs = nowMs() - start;
    let receivedMs: number | undefined;
    const deadline = start + 300_000;
    for (;;) {
      if (receivedMs === undefined) {
        const { sequences: unreceived } = await dst.ibc.channel.unreceivedPackets(path.dst.portId, path.dst.channelId, sequences);
        if (unreceived.length === 0) receivedMs = nowMs() - start;
      }
      if (receivedMs !== undefined) {
        const { commitments } = await src.ibc.channel.allPacketCommitments(path.src.portId, path.src.channelId);
        if (commitments.length === 0) {
          const ackedMs = nowMs() - start;
          return { sentMs, receivedMs, ackedMs, packetsPerSecond: txs.length / (ackedMs / 1000) };
        }
      }
      if (nowMs() > deadline) throw new Error(`packets ${sequences[0]}..${sequences.at(-1)} not relayed within 300 s (relayer log: ${join(dir, 'rly', 'logs')})`);
      await sleep(100);
    }
  } finally {
    sender.disconnect();
    src.close();
    dst.close();
  }
}

async function benchPair(label: string, makeSource: (relayerMnemonic: string) => Promise<Source>): Promise<Round[]> {
  log(`\n== ${label} ==`);
  let t = nowMs();
  const relayerMnemonic = await newMnemonic();
  const source = await makeSource(relayerMnemonic);
  const receiverMnemonic = await newMnemonic();
  const dest = await startSimd(`simd-dst-${label.startsWith('zonekit') ? 'z' : 's'}-1`, [
    { name: 'validator', mnemonic: await newMnemonic() },
    { name: 'receiver', mnemonic: receiverMnemonic },
    { name: 'relayer', mnemonic: source.relayerMnemonic },
  ]);
  log(`chains up in ${fmt((nowMs() - t) / 1000)} s: ${source.chainId} ${source.rpcUrl}, ${dest.chainId} ${dest.rpcUrl}`);

  t = nowMs();
  const relayer = await Relayer.init(join(dir, `rly-${source.chainId}`));
  stops.push(() => relayer.stop());
  await relayer.addChain({ chainId: source.chainId, rpcUrl: source.rpcUrl, mnemonic: source.relayerMnemonic, gasPrices: source.gasPrice, minLoopDurationMs });
  await relayer.addChain({ chainId: dest.chainId, rpcUrl: dest.rpcUrl, mnemonic: source.relayerMnemonic, gasPrices: dest.minGasPrices, minLoopDurationMs });
  await relayer.newPath('bench', source.chainId, dest.chainId);
  const path = await relayer.link('bench');
  log(`linked in ${fmt((nowMs() - t) / 1000)} s: ${source.chainId} ${path.src.channelId} <-> ${dest.chainId} ${path.dst.channelId}`);
  const rly = relayer.start('bench');

  const receiver = dest.addresses.receiver!;
  const results: Round[] = [];
  for (let round = 0; round < rounds; round++) {
    const txs = await signTransfers(source, path, receiver, transfers);
    const r = await runRound(source, dest, path, txs, round * transfers + 1);
    if (!rly.running) throw new Error(`rly exited during round ${round + 1}; its log: ${rly.logFile}\n${rly.logTail(20)}`);
    results.push(r);
    log(`  round ${round + 1}: ${transfers} transfers sent in ${fmt(r.sentMs / 1000, 2)} s, all received at ${fmt(r.receivedMs / 1000, 2)} s, all acked at ${fmt(r.ackedMs / 1000, 2)} s: ${fmt(r.packetsPerSecond)} packets/s`);
  }
  // The next pair runs alone on the machine.
  for (const stop of stops.splice(0).reverse()) await stop();
  return results;
}

function summary(label: string, results: Round[]): number {
  const pps = median(results.map((r) => r.packetsPerSecond));
  log(
    `${label.padEnd(16)} median ${fmt(pps)} packets/s end to end (send -> recv -> ack; ${transfers} per burst, ${results.length} rounds); ` +
      `median all-received ${fmt(median(results.map((r) => r.receivedMs)) / 1000, 2)} s, all-acked ${fmt(median(results.map((r) => r.ackedMs)) / 1000, 2)} s`,
  );
  return pps;
}

async function main(): Promise<void> {
  log(`IBC benchmark: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, rly min-loop-duration ${minLoopDurationMs} ms, timeout_commit ${flags['timeout-commit']}, folder ${dir}`);
  const simdResults = await benchPair('simd -> simd', simdSource);
  const zonekitResults = !flags['simd-only'] ? await benchPair('zonekit -> simd', () => zonekitSource()) : undefined;
  log('');
  const simdPps = summary('simd -> simd', simdResults);
  if (zonekitResults) {
    const zonekitPps = summary('zonekit -> simd', zonekitResults);
    log(`ratio            zonekit / simd = ${fmt(zonekitPps / simdPps, 2)}`);
  } else {
    log('(zonekit -> simd: skipped by --simd-only)');
  }
  log('\n== 07-tendermint light client (single thread) ==');
  await benchLightClient();
}

main()
  .catch((err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const stop of stops.reverse()) await stop();
    if (flags.keep || process.exitCode) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
