// A zone in-process (TestChain) that a counterparty can follow: it remembers the app hash
// of every committed block and signs the next header over it, and it signs and delivers
// txs from a funded relayer account with stock cosmjs.
import { DirectSecp256k1HdWallet, Registry, type EncodeObject, type GeneratedType } from '@cosmjs/proto-signing';
import { defaultRegistryTypes, SigningStargateClient } from '@cosmjs/stargate';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { CommitmentProof } from 'cosmjs-types/cosmos/ics23/v1/proofs';
import { MerkleProof } from 'cosmjs-types/ibc/core/commitment/v1/commitment';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { ClientState, ConsensusState, Header as TmHeader } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { sdkProofSpecs } from '../../ibc/core/23-commitment/proof-specs.js';
import type { Event, ExecTxResult, Misbehavior } from 'cosmjs-types/tendermint/abci/types';
import * as clientTx from 'cosmjs-types/ibc/core/client/v1/tx';
import * as connectionTx from 'cosmjs-types/ibc/core/connection/v1/tx';
import * as channelTx from 'cosmjs-types/ibc/core/channel/v1/tx';
import * as transferTx from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { TestChain } from '../testing.js';
import type { ZoneOptions } from '../zone.js';
import { parseChainId } from '../../ibc/core/02-client/height.js';
import { signHeader, testValidators, validatorSetOf, type TestValidator } from '../../ibc/light-clients/07-tendermint/testing.js';

export const RELAYER_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const FEE = { amount: [{ denom: 'uatom', amount: '5000' }], gas: '2000000' };

const DAY = 24n * 3600n;

export interface IbcTestChainOptions {
  /** How the zone is built, e.g. with a test IBC application (ordered-app.ts). */
  zone?: ZoneOptions;
  /** Message types beyond the SDK's and IBC's that the relayer signs (a test app's). */
  msgTypes?: ReadonlyArray<[string, GeneratedType]>;
  /** Genesis `app_state` entries that replace the defaults (a module's params, say). */
  appState?: Record<string, unknown>;
  /** How many validators sign this chain's headers (default 1), with equal power. */
  validators?: number;
}

function registry(extra: ReadonlyArray<[string, GeneratedType]>): Registry {
  const types: Array<[string, any]> = [...defaultRegistryTypes, ...extra];
  for (const module of [clientTx, connectionTx, channelTx, transferTx]) {
    for (const [name, codec] of Object.entries(module)) {
      const typeUrl = (codec as { typeUrl?: unknown }).typeUrl;
      if (name.startsWith('Msg') && !name.endsWith('Response') && typeof typeUrl === 'string') types.push([typeUrl, codec]);
    }
  }
  return new Registry(types);
}

export class IbcTestChain {
  /** The validators that sign this chain's headers (one unless the options ask for more). */
  readonly validators: readonly TestValidator[];
  /** App hash after each committed height. */
  private readonly appHashes = new Map<bigint, Uint8Array>();
  relayer = '';
  private client!: SigningStargateClient;

  private constructor(readonly chain: TestChain, seed: number, validators = 1) {
    this.validators = testValidators(validators, `zonekit-ibc-testing-${seed}`);
  }

  static async start(
    chainId: string,
    seed: number,
    accounts: ReadonlyArray<{ address: string; coins: Array<{ denom: string; amount: string }> }> = [],
    options: IbcTestChainOptions = {},
  ): Promise<IbcTestChain> {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(RELAYER_MNEMONIC);
    const [relayer] = await wallet.getAccounts();
    const chain = await TestChain.start({
      chainId,
      accounts: [{ address: relayer!.address, coins: [{ denom: 'uatom', amount: '1000000000' }, { denom: 'stake', amount: '1000000000' }] }, ...accounts],
      ...(options.zone ? { zone: options.zone } : {}),
      ...(options.appState ? { appState: options.appState } : {}),
    });
    const ibcChain = new IbcTestChain(chain, seed, options.validators);
    ibcChain.relayer = relayer!.address;
    ibcChain.client = await SigningStargateClient.offline(wallet, { registry: registry(options.msgTypes ?? []) });
    await ibcChain.nextBlock();
    return ibcChain;
  }

  get chainId(): string {
    return this.chain.chainId;
  }

  get height(): bigint {
    return this.chain.height;
  }

  revisionHeight(h: bigint): Height {
    return { revisionNumber: parseChainId(this.chainId), revisionHeight: h };
  }

  /** The events of the last block's own (Begin/EndBlock) phases: packets a court verdict sent, say. */
  lastBlockEvents: Event[] = [];

  /** Commits a block with `txs` (and CometBFT's `misbehavior`); returns their results. */
  async nextBlock(txs: Uint8Array[] = [], misbehavior: Misbehavior[] = []): Promise<ExecTxResult[]> {
    const { results, events, appHash } = await this.chain.deliver(txs, misbehavior);
    this.appHashes.set(this.chain.height, appHash);
    this.lastBlockEvents = events;
    return results;
  }

  /** Signs `msgs` as the relayer, at its committed account sequence; returns the tx bytes. */
  async sign(...msgs: EncodeObject[]): Promise<Uint8Array> {
    return this.signAhead(0, ...msgs);
  }

  /** Like sign, `ahead` sequences past the committed one: a tx queued behind others in the mempool. */
  async signAhead(ahead: number, ...msgs: EncodeObject[]): Promise<Uint8Array> {
    const any = QueryAccountResponse.decode(this.query('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address: this.relayer }).finish())).account!;
    const { accountNumber, sequence } = BaseAccount.decode(any.value);
    const raw = await this.client.sign(this.relayer, msgs, FEE, '', { accountNumber, sequence: Number(sequence) + ahead, chainId: this.chainId });
    return TxRaw.encode(raw).finish();
  }

  /** Signs `msgs` as the relayer and delivers them in the next block; returns the tx result. */
  async send(...msgs: EncodeObject[]): Promise<ExecTxResult> {
    const [result] = await this.nextBlock([await this.sign(...msgs)]);
    return result!;
  }

  /** The time CometBFT would give block `h` (TestChain's clock: 5 s per block). */
  private timeOf(h: bigint) {
    return { seconds: 1_700_000_000n + 5n * h, nanos: 0 };
  }

  /**
   * The header of height `latest + 1`: it commits to the state of the last committed block,
   * which is what proofs queried at `latest` prove (a relayer's "proof height").
   */
  header(trustedHeight: Height | undefined): TmHeader {
    const h = this.height + 1n;
    const signedHeader = signHeader(this.validators, { chainId: this.chainId, height: h, time: this.timeOf(h), appHash: this.appHashes.get(this.height)! });
    const valset = validatorSetOf(this.validators);
    return TmHeader.fromPartial({
      signedHeader,
      validatorSet: valset,
      trustedHeight: trustedHeight ?? { revisionNumber: 0n, revisionHeight: 0n },
      trustedValidators: valset,
    });
  }

  /** What a counterparty creates a client of this chain from. */
  clientAndConsensusState(): { clientState: Any; consensusState: Any; height: Height } {
    const header = this.header(undefined);
    const height = this.revisionHeight(header.signedHeader!.header!.height);
    const clientState = ClientState.fromPartial({
      chainId: this.chainId,
      trustLevel: { numerator: 1n, denominator: 3n },
      trustingPeriod: { seconds: 14n * DAY, nanos: 0 },
      unbondingPeriod: { seconds: 21n * DAY, nanos: 0 },
      maxClockDrift: { seconds: 600n, nanos: 0 },
      latestHeight: height,
      proofSpecs: sdkProofSpecs(),
      upgradePath: ['upgrade', 'upgradedIBCState'],
    });
    const h = header.signedHeader!.header!;
    const consensusState = ConsensusState.fromPartial({ timestamp: h.time, root: { hash: h.appHash }, nextValidatorsHash: h.nextValidatorsHash });
    return {
      clientState: { typeUrl: '/ibc.lightclients.tendermint.v1.ClientState', value: ClientState.encode(clientState).finish() },
      consensusState: { typeUrl: '/ibc.lightclients.tendermint.v1.ConsensusState', value: ConsensusState.encode(consensusState).finish() },
      height,
    };
  }

  /** `path` of the ibc store at the last committed height, with its proof (as a relayer's MerkleProof) and the proof height. */
  proveIbc(path: string): { value: Uint8Array; proof: Uint8Array; proofHeight: Height } {
    const res = this.chain.query('store/ibc/key', new TextEncoder().encode(path), this.height, true);
    if (res.code !== 0) throw new Error(`store/ibc/key ${path}: ${res.log}`);
    const proofs = (res.proofOps?.ops ?? []).map((op) => CommitmentProof.decode(op.data));
    return { value: res.value, proof: MerkleProof.encode({ proofs }).finish(), proofHeight: this.revisionHeight(res.height + 1n) };
  }

  query(path: string, data: Uint8Array): Uint8Array {
    const res = this.chain.query(path, data);
    if (res.code !== 0) throw new Error(`${path}: ${res.log}`);
    return res.value;
  }

  async close(): Promise<void> {
    await this.chain.close();
  }
}
