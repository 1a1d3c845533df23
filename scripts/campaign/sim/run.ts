// One simulation run, as the SDK's simulation does it: from a seed, random accounts send
// random messages of every module in blocks of random size and time, while validators join,
// leave, go down and double sign. Two nodes (separate LMDB stores, one of them restarting
// now and then) execute every block and must agree on the app hash and on every tx result;
// every invariant must hold after every block; at the end the state is exported as genesis,
// imported into a fresh node, and must come back identical. Any difference throws SimFailure.
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import type { ConsensusParams } from 'cosmjs-types/tendermint/types/params';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { ResponseProcessProposal_ProposalStatus, type ExecTxResult, type RequestFinalizeBlock } from 'cosmjs-types/tendermint/abci/types';
import { exportState } from '../../../app/export.js';
import { MsgPlaceLimitOrderResponse } from '../../../modules/dex/codec.js';
import { zoneGenesis } from '../../../zone/zone.js';
import { simAccounts, signTx, type SimAccount } from './accounts.js';
import { diffExports, diffStores, sortedElements, type CompareRules } from './compare.js';
import { EmulatedConsensus } from './consensus.js';
import { SimNode } from './node.js';
import { DENOMS, OPERATIONS, type SimMemory } from './operations.js';
import { Rand } from './random.js';

export class SimFailure extends Error {
  override name = 'SimFailure';
}

export interface SimOptions {
  seed: number;
  blocks: number;
  /** How many funded accounts send txs (default 30). */
  accounts?: number;
  /** The most txs in one block (default 30). */
  maxTxs?: number;
  /** Run only node A (a rerun that checks hashes against an earlier run's). */
  single?: boolean;
  /** App hashes of an earlier run of the same seed, which this run must reproduce block by block. */
  expectHashes?: readonly string[];
  /** Called after every committed block. */
  progress?: (height: number, appHash: string) => void;
}

export interface OperationCount {
  name: string;
  ok: number;
  failed: number;
}

export interface SimReport {
  seed: number;
  blocks: number;
  txs: number;
  operations: OperationCount[];
  /** Failed txs by operation and error, most frequent first. */
  failures: Array<{ reason: string; count: number }>;
  /** App hash (hex) after each block, in order. */
  appHashes: string[];
  msPerBlock: number;
  restarts: number;
  missedVotes: number;
  doubleSigns: number;
  validators: number;
  jailed: number;
}

export const CHAIN_ID = 'zonekit-sim';
const GENESIS_SECONDS = 1_700_000_000n;
const FEE_DENOM = 'uatom';
const GAS = 3_000_000n;
const INITIAL_VALIDATORS = 4;

const CONSENSUS_PARAMS: ConsensusParams = {
  block: { maxBytes: 22020096n, maxGas: -1n },
  evidence: { maxAgeNumBlocks: 100000n, maxAgeDuration: { seconds: 172800n, nanos: 0 }, maxBytes: 1048576n },
  validator: { pubKeyTypes: ['ed25519'] },
  version: { app: 0n },
  abci: { voteExtensionsEnableHeight: 0n },
};

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

/** Genesis with short unbonding, jail and downtime windows, so a short run sees them all. */
function simGenesis(node: SimNode, accounts: readonly SimAccount[]): Record<string, unknown> {
  const defaults = (name: string) => node.zone.app.modules.find((m) => m.name === name)!.genesis!.defaults() as Record<string, any>;
  const staking = defaults('staking');
  const court = defaults('court');
  return {
    ...zoneGenesis(accounts.map((a) => ({ address: a.address, coins: DENOMS.map((denom) => ({ denom, amount: '1000000000000' })) }))),
    staking: { ...staking, params: { ...staking.params, unbonding_time: '300s', max_validators: 6 } },
    court: { ...court, params: { ...court.params, signed_blocks_window: '20', min_signed_per_window: '0.500000000000000000', downtime_jail_duration: '60s' } },
  };
}

/** CometBFT's LastResultsHash covers these fields of each tx result: nodes must agree on them. */
const resultDigest = (r: ExecTxResult): string => `${r.code}/${hex(r.data)}/${r.gasWanted}/${r.gasUsed}`;

export async function runSimulation(options: SimOptions): Promise<SimReport> {
  const rng = new Rand(options.seed);
  const accounts = simAccounts(options.seed, options.accounts ?? 30);
  const maxTxs = options.maxTxs ?? 30;
  const fail = (height: bigint | number, what: string): never => {
    throw new SimFailure(`seed ${options.seed}, block ${height}: ${what} (replay: npm run campaign:sim -- --seed ${options.seed} --blocks ${options.blocks})`);
  };
  const a = new SimNode(CHAIN_ID);
  const b = options.single ? undefined : new SimNode(CHAIN_ID);
  const nodes = b ? [a, b] : [a];
  const counts = new Map(OPERATIONS.map((op) => [op.name, { name: op.name, ok: 0, failed: 0 }]));
  const failures = new Map<string, number>();
  const memory: SimMemory = { orders: new Map() };
  const appHashes: string[] = [];
  let txCount = 0;
  let restarts = 0;
  let time: Timestamp = { seconds: GENESIS_SECONDS, nanos: 0 };
  const consensus = new EmulatedConsensus(rng, 1n);
  try {
    const appStateBytes = Buffer.from(JSON.stringify(simGenesis(a, accounts)));
    for (const node of nodes) {
      await node.app.initChain({ chainId: CHAIN_ID, time, consensusParams: CONSENSUS_PARAMS, validators: [], appStateBytes, initialHeight: 1n });
    }
    const started = performance.now();
    for (let height = 1n; height <= BigInt(options.blocks); height++) {
      time = { seconds: time.seconds + BigInt(rng.chance(0.02) ? rng.int(60, 900) : rng.int(1, 10)), nanos: rng.int(0, 999_999_999) };
      const ctx = a.app.committedContext();
      const senders = new Set<SimAccount>();
      const txs: Uint8Array[] = [];
      const txOps: string[] = [];
      const txSenders: SimAccount[] = [];
      const size = height === 1n ? INITIAL_VALIDATORS : rng.chance(0.1) ? 0 : rng.int(1, maxTxs);
      // Orders that filled, expired or were cancelled are no longer worth a cancel.
      for (const id of memory.orders.keys()) if (!a.zone.dex.keeper.getOrder(ctx, id)) memory.orders.delete(id);
      for (let attempt = 0; txs.length < size && attempt < size * 3; attempt++) {
        const op = height === 1n ? OPERATIONS.find((o) => o.name.endsWith('MsgCreateValidator'))! : rng.weighted(OPERATIONS);
        const env = { rng, ctx, zone: a.zone, accounts, memory };
        const sender = height === 1n ? accounts[txs.length]! : rng.pick(op.senders ? op.senders(env) : accounts);
        if (sender === undefined || senders.has(sender)) continue;
        const msgs = op.build({ ...env, sender });
        if (!msgs) continue;
        const account = a.zone.auth.keeper.getAccount(ctx, sender.bytes);
        if (!account) fail(height, `account ${sender.address} has vanished`);
        senders.add(sender);
        txs.push(signTx(sender, msgs, { chainId: CHAIN_ID, accountNumber: account!.accountNumber, sequence: account!.sequence, fee: { denom: FEE_DENOM, amount: rng.upTo(5000n) }, gas: GAS }));
        txOps.push(op.name);
        txSenders.push(sender);
      }

      const { votes, misbehavior, proposerAddress } = consensus.inputsFor(height);
      const proposal = a.app.prepareProposal({ txs, maxTxBytes: CONSENSUS_PARAMS.block!.maxBytes, localLastCommit: { round: 0, votes: [] }, misbehavior, height, time, nextValidatorsHash: new Uint8Array(32), proposerAddress });
      if (proposal.txs.length !== txs.length) fail(height, `PrepareProposal kept ${proposal.txs.length} of ${txs.length} txs`);
      const request: RequestFinalizeBlock = { txs, decidedLastCommit: { round: 0, votes }, misbehavior, hash: new Uint8Array(32).fill(Number(height % 251n)), height, time, nextValidatorsHash: new Uint8Array(32), proposerAddress };
      for (const node of nodes.slice(1)) {
        const { status } = node.app.processProposal({ ...request, proposedLastCommit: request.decidedLastCommit });
        if (status !== ResponseProcessProposal_ProposalStatus.ACCEPT) fail(height, 'ProcessProposal rejected the proposal');
      }
      const responses = nodes.map((node) => node.app.finalizeBlock(request));
      const [ra, rb] = responses;
      if (rb) {
        if (hex(ra!.appHash) !== hex(rb.appHash)) fail(height, `app hashes differ: node A ${hex(ra!.appHash)}, node B ${hex(rb.appHash)}`);
        ra!.txResults.forEach((r, i) => {
          if (resultDigest(r) !== resultDigest(rb.txResults[i]!)) fail(height, `tx ${i} (${txOps[i]}) results differ: node A ${resultDigest(r)} (${r.log}), node B ${resultDigest(rb.txResults[i]!)} (${rb.txResults[i]!.log})`);
        });
        if (JSON.stringify(ra!.validatorUpdates.map((u) => [hex(u.pubKey?.ed25519 ?? new Uint8Array()), u.power.toString()])) !== JSON.stringify(rb.validatorUpdates.map((u) => [hex(u.pubKey?.ed25519 ?? new Uint8Array()), u.power.toString()]))) {
          fail(height, 'validator updates differ');
        }
      }
      const appHash = hex(ra!.appHash);
      const expected = options.expectHashes?.[appHashes.length];
      if (expected !== undefined && expected !== appHash) fail(height, `app hash ${appHash} differs from the earlier run's ${expected} (the same seed must give the same chain)`);
      for (const node of nodes) await node.app.commit();
      appHashes.push(appHash);

      ra!.txResults.forEach((r, i) => {
        const name = txOps[i]!;
        const count = counts.get(name)!;
        txCount++;
        if (r.code === 0) {
          count.ok++;
          for (const reply of TxMsgData.decode(r.data).msgResponses) {
            if (reply.typeUrl === MsgPlaceLimitOrderResponse.typeUrl) memory.orders.set(MsgPlaceLimitOrderResponse.decode(reply.value).orderId, txSenders[i]!.address);
          }
        } else {
          count.failed++;
          const reason = `${name.split('.').pop()}: ${r.codespace}/${r.code} ${r.log.replace(/[0-9]+/g, 'N').slice(0, 80)}`;
          failures.set(reason, (failures.get(reason) ?? 0) + 1);
        }
      });
      consensus.finalized(height, time, ra!.validatorUpdates);

      const broken = a.app.brokenInvariants();
      if (broken.length > 0) fail(height, `invariants broken:\n  ${broken.join('\n  ')}`);
      options.progress?.(Number(height), appHash);
      // Drawn whether or not node B exists, so a single-node rerun sees the same stream.
      const restart = rng.chance(0.02);
      if (b && restart) {
        await b.restart();
        restarts++;
      }
    }
    const msPerBlock = (performance.now() - started) / Math.max(1, options.blocks);

    await checkExportImport(a, time, fail);
    const finalCtx = a.app.committedContext();
    const validators = a.zone.staking.keeper.store.allValidators(finalCtx);
    return {
      seed: options.seed,
      blocks: options.blocks,
      txs: txCount,
      operations: [...counts.values()],
      failures: [...failures].map(([reason, count]) => ({ reason, count })).sort((x, y) => y.count - x.count),
      appHashes,
      msPerBlock,
      restarts,
      missedVotes: consensus.misses,
      doubleSigns: consensus.doubleSigns,
      validators: validators.length,
      jailed: validators.filter((v) => v.jailed).length,
    };
  } finally {
    for (const node of nodes) await node.close();
  }
}

/**
 * What an exported genesis does not carry, by design, as store key prefixes (hex): staking's
 * historical info (the SDK's genesis has none either; the new chain records its own) and the
 * AMM's TWAP history (amm/genesis.ts: it starts afresh from each pool's accumulators).
 */
const REBUILT_BY_DESIGN: Readonly<Record<string, readonly string[]>> = { staking: ['50'], amm: ['05', '06'] };
/**
 * Staking's unbonding, redelegation and validator queues: a time slot lists its entries in the
 * order they were queued, which genesis does not keep (the SDK's InitGenesis re-queues them in
 * genesis order too); the same entries must be there.
 */
const QUEUES: Readonly<Record<string, readonly string[]>> = { staking: ['41', '42', '43'] };
const hasPrefix = (table: Readonly<Record<string, readonly string[]>>, store: string, keyHex: string): boolean => table[store]?.some((prefix) => keyHex.startsWith(prefix)) ?? false;
const EXPORT_RULES: CompareRules = {
  ignore: (store, keyHex) => hasPrefix(REBUILT_BY_DESIGN, store, keyHex),
  normalize: (store, keyHex, value) => (hasPrefix(QUEUES, store, keyHex) ? sortedElements(value) : Buffer.from(value).toString('hex')),
};

/**
 * Exports node A's latest state as genesis, starts a fresh node from it at the next height,
 * and compares: every module's export must be identical, and so must every store byte for
 * byte, except for what a genesis leaves out by design (REBUILT_BY_DESIGN).
 */
async function checkExportImport(a: SimNode, lastTime: Timestamp, fail: (height: number, what: string) => never): Promise<void> {
  const exported = exportState(a.app);
  const c = new SimNode(CHAIN_ID);
  try {
    const response = await c.app.initChain({
      chainId: CHAIN_ID,
      time: lastTime,
      consensusParams: exported.consensusParams,
      validators: exported.validators.map((v) => ({ pubKey: { ed25519: v.pubKey }, power: v.power })),
      appStateBytes: Buffer.from(JSON.stringify(exported.appState)),
      initialHeight: BigInt(exported.height + 1),
    });
    const power = (list: ReadonlyArray<{ power: bigint }>) => list.map((v) => v.power.toString()).join(',');
    if (power(response.validators) !== power(exported.validators)) fail(exported.height, `the imported chain's validators (${power(response.validators)}) are not the exported ones (${power(exported.validators)})`);
    const modules = diffExports(exported.appState, c.app.exportAppState(0));
    if (modules.length > 0) fail(exported.height, `after export and import, the genesis of ${modules.join(', ')} differs`);
    const diffs = diffStores(a.app.committedContext(), c.app.committedContext(0), a.zone.app.storeKeys, EXPORT_RULES);
    if (diffs.length > 0) fail(exported.height, `after export and import, stores differ: ${JSON.stringify(diffs)}`);
  } finally {
    await c.close();
  }
}
