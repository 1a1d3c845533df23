/**
 * 07-tendermint light client costs (part of `npm run bench:ibc`), single thread: one adjacent header verified and stored
 * (what MsgUpdateClient pays: decode, ValidateBasic, +2/3 ed25519 signatures, store writes)
 * for 4 and 100 validators, and one ICS-23 membership proof verified through the client (a
 * proof from zonekit's own store holding ~10k keys). Prints per-round and overall medians.
 * Alone: node dist/scripts/bench/ibc-light-client.js [--headers 40] [--rounds 5] [--keys 10000] [--proofs 2000]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { scratchStores } from '../../app/store/testing.js';
import { applyPrefix } from '../../ibc/core/23-commitment/merkle-path.js';
import { convertProofs } from '../../ibc/core/23-commitment/utils.js';
import { packClientState, packConsensusState, packHeader } from '../../ibc/light-clients/07-tendermint/codec.js';
import { tendermintLightClient as client } from '../../ibc/light-clients/07-tendermint/light-client.js';
import {
  addSeconds,
  clientFixture,
  createClientArgs,
  signHeader,
  testValidators,
  tmClientState,
  updateClient,
  validatorSetOf,
} from '../../ibc/light-clients/07-tendermint/testing.js';
import { fmt, median, nowMs } from './stats.js';

export interface LightClientBenchOptions {
  /** Adjacent headers verified a round. */
  headers: number;
  rounds: number;
  /** Keys in the store the membership proofs come from. */
  keys: number;
  /** Membership proofs verified a round. */
  proofs: number;
}

export const LIGHT_CLIENT_BENCH_DEFAULTS: LightClientBenchOptions = { headers: 40, rounds: 5, keys: 10_000, proofs: 2_000 };

const CHAIN_ID = 'bench-1';
const T0 = { seconds: 1_700_000_000n, nanos: 0 };
const height = (h: bigint) => ({ revisionNumber: 1n, revisionHeight: h });

/** Per-header milliseconds of updating a fresh client through `HEADERS` adjacent headers. */
function updateRound(validators: ReturnType<typeof testValidators>, signed: Any[]): number[] {
  const fx = clientFixture();
  const ctx = fx.ctx(addSeconds(T0, 3_600n));
  const store = fx.store(ctx);
  const args = createClientArgs(tmClientState({ chainId: CHAIN_ID, latestHeight: height(1n) }), signHeader(validators, { chainId: CHAIN_ID, height: 1n, time: T0 }).header!);
  client.initialize(ctx, store, args.clientState, args.consensusState);
  return signed.map((message) => {
    // Each round decodes its own copy: no cached validation from an earlier round.
    const fresh = { typeUrl: message.typeUrl, value: Uint8Array.from(message.value) };
    const start = nowMs();
    const result = updateClient(ctx, store, fresh);
    const elapsed = nowMs() - start;
    if (result === 'frozen' || result.length !== 1) throw new Error('benchmark header was not stored');
    return elapsed;
  });
}

function benchUpdates(validatorCount: number, { headers: HEADERS, rounds: ROUNDS }: LightClientBenchOptions): void {
  const validators = testValidators(validatorCount, `bench-${validatorCount}`);
  const set = validatorSetOf(validators);
  const signed = Array.from({ length: HEADERS }, (_, i) => {
    const h = BigInt(i + 2);
    return packHeader({
      signedHeader: signHeader(validators, { chainId: CHAIN_ID, height: h, time: addSeconds(T0, h) }),
      validatorSet: set,
      trustedHeight: height(h - 1n),
      trustedValidators: set,
    });
  });
  updateRound(validators, signed.slice(0, 5));
  const medians: number[] = [];
  for (let round = 0; round < ROUNDS; round++) medians.push(median(updateRound(validators, signed)));
  console.log(
    `header verify+update, ${String(validatorCount).padStart(3)} validators: median ${fmt(median(medians), 3)} ms` +
      ` (round medians ${medians.map((m) => fmt(m, 3)).join(', ')}; ${HEADERS} adjacent headers a round)`,
  );
}

async function benchMembership({ keys: KEYS, rounds: ROUNDS, proofs: PROOFS }: LightClientBenchOptions): Promise<void> {
  const enc = new TextEncoder();
  const stores = scratchStores(['bank', 'ibc']);
  const ms = stores.open();
  try {
    const branch = ms.branch();
    for (let i = 0; i < KEYS; i++) {
      branch.getStore('ibc').set(enc.encode(`commitments/ports/transfer/channels/channel-0/sequences/${i}`), enc.encode(`commitment ${i}`.padEnd(32, '.')));
    }
    branch.write();
    const appHash = (await ms.commit()).hash;
    const paths = Array.from({ length: 64 }, (_, i) => `commitments/ports/transfer/channels/channel-0/sequences/${(i * 7919) % KEYS}`);
    const proofs = paths.map((path) => ({ path, proof: convertProofs(ms.query('ibc', enc.encode(path), 1, true).proofOps!), value: ms.query('ibc', enc.encode(path), 1).value! }));
    const fx = clientFixture();
    const ctx = fx.ctx(T0);
    const store = fx.store(ctx);
    const cs = tmClientState({ chainId: CHAIN_ID, latestHeight: height(5n) });
    client.initialize(ctx, store, packClientState(cs), packConsensusState({ timestamp: T0, root: { hash: appHash }, nextValidatorsHash: new Uint8Array(32) }));
    const prefix = enc.encode('ibc');
    const medians: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const times: number[] = [];
      for (let i = 0; i < PROOFS; i++) {
        const { path, proof, value } = proofs[i % proofs.length]!;
        const start = nowMs();
        client.verifyMembership(ctx, store, height(5n), 0n, 0n, proof, applyPrefix(prefix, path), value);
        times.push(nowMs() - start);
      }
      medians.push(median(times));
    }
    console.log(
      `membership proof verify (${KEYS} keys, proof ${proofs[0]!.proof.length} bytes): median ${fmt(median(medians) * 1000, 1)} µs` +
        ` (round medians ${medians.map((m) => fmt(m * 1000, 1)).join(', ')} µs; ${PROOFS} proofs a round)`,
    );
  } finally {
    await ms.close();
    stores.removeAll();
  }
}

/** Prints the light client's figures: updates with 4 and 100 validators, then membership proofs. */
export async function benchLightClient(options: LightClientBenchOptions = LIGHT_CLIENT_BENCH_DEFAULTS): Promise<void> {
  benchUpdates(4, options);
  benchUpdates(100, options);
  await benchMembership(options);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const d = LIGHT_CLIENT_BENCH_DEFAULTS;
  const { values: flags } = parseArgs({
    options: {
      headers: { type: 'string', default: String(d.headers) },
      rounds: { type: 'string', default: String(d.rounds) },
      keys: { type: 'string', default: String(d.keys) },
      proofs: { type: 'string', default: String(d.proofs) },
    },
  });
  await benchLightClient({ headers: Number(flags.headers), rounds: Number(flags.rounds), keys: Number(flags.keys), proofs: Number(flags.proofs) });
}
