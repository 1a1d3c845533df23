// The module contract. A module is a plain value, built by a factory that takes the narrow
// interfaces the module expects of others (e.g. `bankModule({ accounts })`); the app
// composes modules by listing them once, in order (see defineApp).
import type { RequestExtendVote, ValidatorUpdate } from 'cosmjs-types/tendermint/abci/types';
import type { ModuleCli } from './cli-types.js';
import type { AminoConverter } from './tx/amino.js';
import type { Context } from './context.js';
import type { RestRoutes } from './rest/routes.js';

/** A message's reply, packed as the SDK packs it into TxMsgData.msg_responses. */
export interface MsgResponse {
  typeUrl: string;
  value: Uint8Array;
}

/** How the app runs one message type (the SDK's Msg service method plus its codec). */
export interface MsgHandler<M = any> {
  decode(value: Uint8Array): M;
  /** Bech32 addresses that must sign the message, in order; the first is the `sender`. */
  signers(msg: M): readonly string[];
  /** Checks that need no state (the SDK's ValidateBasic); throws a CodedError. */
  validate?(msg: M): void;
  /** Runs the message in its own store branch; throws a CodedError to fail the tx. */
  handle(ctx: Context, msg: M): MsgResponse;
}

/** A gRPC query method: protobuf request bytes in, protobuf response bytes out. */
export type QueryHandler = (ctx: Context, request: Uint8Array) => Uint8Array;

/**
 * A module's part of genesis `app_state`, in the SDK's JSON shape. JSON at the edges
 * (genesis files), a typed state `G` in between.
 */
export interface ModuleGenesis<G> {
  /** The JSON of a fresh chain (`zonekit init`). */
  defaults(): unknown;
  /** Parses and checks the module's `app_state` entry; throws with what is wrong. */
  validate(json: unknown): G;
  /**
   * Writes the state. A module that sets the validator set returns it (InitChain's
   * validators); at most one module may return a non-empty list.
   */
  init(ctx: Context, state: G, env?: GenesisEnv): readonly ValidatorUpdate[] | void;
  /** The current state as JSON that `validate` accepts (genesis export). */
  export(ctx: Context): unknown;
  /**
   * The validator set CometBFT has at this state, for an exported genesis's `validators`
   * (the SDK's staking.WriteValidators); only the module that sets the set implements it.
   */
  exportValidators?(ctx: Context): GenesisValidator[];
}

/** One entry of an exported genesis's validator set. */
export interface GenesisValidator {
  /** The ed25519 consensus key. */
  pubKey: Uint8Array;
  power: bigint;
  /** The validator's moniker. */
  name: string;
}

/** What InitChain offers a module's genesis beyond its context. */
export interface GenesisEnv {
  /**
   * Runs a signed transaction through the whole pipeline in genesis mode (account number 0
   * in sign docs, no fees required), as the SDK's genutil delivers gentxs. Returns the ABCI
   * code and log; a non-zero code means the tx changed nothing.
   */
  deliverTx(txBytes: Uint8Array): { code: number; log: string };
}

/** Returns a description of what is broken, or undefined when the invariant holds. */
export type Invariant = (ctx: Context) => string | undefined;

export interface Module<G = any> {
  /** Unique; also the `app_state` key of its genesis and the `message.module` event attribute. */
  readonly name: string;
  /** The store the module owns; nobody else reads or writes it. */
  readonly storeKey?: string;
  /** Message handlers by type URL (`/cosmos.bank.v1beta1.MsgSend`). */
  readonly msgs?: Readonly<Record<string, MsgHandler>>;
  /** Query handlers by gRPC method path (`/cosmos.bank.v1beta1.Query/Balance`). */
  readonly queries?: Readonly<Record<string, QueryHandler>>;
  readonly genesis?: ModuleGenesis<G>;
  beginBlock?(ctx: Context): void;
  /** May return validator set changes for CometBFT. */
  endBlock?(ctx: Context): readonly ValidatorUpdate[] | void;
  readonly invariants?: Readonly<Record<string, Invariant>>;
  /** Messages the module accepts in SIGN_MODE_LEGACY_AMINO_JSON (hardware wallets). */
  readonly aminoConverters?: Readonly<Record<string, AminoConverter>>;
  /** Adds the module's REST paths (the SDK's gRPC-gateway routes for its queries). */
  readonly rest?: (routes: RestRoutes) => void;
  /** Its `zonekit tx <name>` and `zonekit query <name>` subcommands. */
  readonly cli?: ModuleCli;
  /** ABCI 2.0 vote extensions: what the module adds to precommits and does with them a block later. */
  readonly voteExtensions?: VoteExtensionHooks;
  /**
   * The Go module whose behaviour this module reproduces on the wire (IBC core: ibc-go v8.8.0).
   * GetNodeInfo lists it in `build_deps`, where relayers look before they trust a chain.
   */
  readonly goModule?: GoModule;
}

/**
 * A module's part in ABCI 2.0 vote extensions (on from consensus params'
 * `abci.vote_extensions_enable_height`). At height H every validator's precommit carries one
 * envelope with each module's `extendVote` bytes, signed with its consensus key; at H+1 the
 * proposer verifies the signed extensions of H (more than 2/3 of the power), asks each module
 * for `prepareProposal`'s agreed data, and places it with the signed extensions as the block's
 * first entry; every validator's ProcessProposal verifies the signatures again and checks each
 * module's data (`processProposal`, or by recomputing `prepareProposal`); FinalizeBlock hands
 * it to `preBlock` before any BeginBlock. Every hook reads state; only `preBlock` writes it.
 */
export interface VoteExtensionHooks {
  /**
   * This validator's extension for the block it precommits at `req.height` (state: the last
   * commit, H-1). May differ between validators and need not be deterministic (it is the node's
   * own observation); undefined or empty bytes say nothing.
   */
  extendVote?(ctx: Context, req: ExtendVoteRequest): Uint8Array | undefined;
  /**
   * Another validator's part for this module (empty when it said nothing). 'reject' makes
   * CometBFT drop the whole precommit, so reject only what an honest validator never sends.
   */
  verifyVoteExtension?(ctx: Context, req: VoteExtensionToVerify): 'accept' | 'reject';
  /**
   * At H+1: the data the module derives from the verified extensions of H, placed in the block
   * (undefined: none). Must be deterministic: other validators recompute it unless the module
   * has `processProposal`.
   */
  prepareProposal?(ctx: Context, extensions: VerifiedExtensions): Uint8Array | undefined;
  /** At H+1: whether `agreed` (undefined: the proposer placed none) follows from the extensions. Default: equal to `prepareProposal`'s. */
  processProposal?(ctx: Context, agreed: Uint8Array | undefined, extensions: VerifiedExtensions): 'accept' | 'reject';
  /**
   * FinalizeBlock of a block that carries extensions, before every module's beginBlock: the
   * agreed data (undefined: none) and the extensions it came from. Writes state; events are
   * marked `mode=PreBlock`.
   */
  preBlock?(ctx: Context, agreed: Uint8Array | undefined, extensions: VerifiedExtensions): void;
}

/** RequestExtendVote with the node's own consensus address (empty when the node has no validator key). */
export interface ExtendVoteRequest extends RequestExtendVote {
  validatorAddress: Uint8Array;
}

/** One module's part of another validator's vote extension (RequestVerifyVoteExtension). */
export interface VoteExtensionToVerify {
  /** The block the precommit is for, its height, and the validator's consensus address. */
  hash: Uint8Array;
  height: bigint;
  validatorAddress: Uint8Array;
  /** The module's bytes; empty when the validator said nothing for the module. */
  data: Uint8Array;
}

/**
 * The extensions of height `height` that validators signed for a block (their signatures
 * verified against their consensus keys, together more than 2/3 of `totalPower`), each
 * cut to one module's part.
 */
export interface VerifiedExtensions {
  height: bigint;
  round: number;
  /** The power of the whole validator set that voted at `height`. */
  totalPower: bigint;
  /** Validators whose precommit committed the block with a signed extension, in CometBFT's order (power, then address). */
  votes: readonly ExtensionVote[];
}

export interface ExtensionVote {
  /** Consensus address (20 bytes). */
  validatorAddress: Uint8Array;
  power: bigint;
  /** The module's part; empty when the validator said nothing for it. */
  data: Uint8Array;
}

/** A Go module path and version, as a Go binary's build info names it. */
export interface GoModule {
  path: string;
  version: string;
}

/** Identity, for type inference: `export const counter = defineModule({...})`. */
export function defineModule<M extends Module>(module: M): M {
  return module;
}
