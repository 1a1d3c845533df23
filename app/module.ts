// The module contract. A module is a plain value, built by a factory that takes the narrow
// interfaces the module expects of others (e.g. `bankModule({ accounts })`); the app
// composes modules by listing them once, in order (see defineApp).
import type { ValidatorUpdate } from 'cosmjs-types/tendermint/abci/types';
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
  /**
   * The Go module whose behaviour this module reproduces on the wire (IBC core: ibc-go v8.8.0).
   * GetNodeInfo lists it in `build_deps`, where relayers look before they trust a chain.
   */
  readonly goModule?: GoModule;
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
