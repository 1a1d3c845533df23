// The ante pipeline's contract: small decorators run in order over one tx before its
// messages, each with one job, and the narrow keepers they expect (declared here, so
// app/ never imports a module).
import type { Coins, DecCoin } from '../coins.js';
import type { Context } from '../context.js';
import type { AminoConverters } from '../tx/amino.js';
import type { DecodedTx } from '../tx/decode.js';
import type { AccountPubKey } from '../tx/multisig.js';
import type { SignatureCache } from '../tx/sig-cache.js';
import type { VerifiedSigners } from '../tx/signatures.js';

export interface TxSigner {
  /** Bech32, as the messages name it. */
  readonly address: string;
  readonly bytes: Uint8Array;
}

export interface AnteTx {
  readonly tx: DecodedTx;
  /** The messages' signers, unique, in order of appearance; the first pays the fee. */
  readonly signers: readonly TxSigner[];
}

/** Node-local settings and caches: they may differ between validators, so no decorator may let them change state. */
export interface AnteEnv {
  /** From the node's config; enforced in CheckTx only, as in the SDK. */
  readonly minGasPrices: readonly DecCoin[];
  readonly sigCache: SignatureCache<VerifiedSigners>;
  readonly aminoConverters: AminoConverters;
}

/** One step of the pipeline; throws a CodedError to reject the tx. */
export type AnteDecorator = (ctx: Context, tx: AnteTx, env: AnteEnv) => void;

/** The auth params the pipeline reads (x/auth Params). */
export interface AnteAuthParams {
  readonly maxMemoCharacters: bigint;
  readonly txSigLimit: bigint;
  readonly txSizeCostPerByte: bigint;
  readonly sigVerifyCostSecp256k1: bigint;
}

export interface SignerState {
  readonly accountNumber: bigint;
  readonly sequence: bigint;
  /** The account's key (secp256k1, or a multisig of them), set by the account's first tx. */
  readonly pubKey?: AccountPubKey;
}

/** What the pipeline needs of the account keeper. */
export interface AnteAccountKeeper {
  params(ctx: Context): AnteAuthParams;
  getSignerState(ctx: Context, address: Uint8Array): SignerState | undefined;
  setPubKey(ctx: Context, address: Uint8Array, pubKey: AccountPubKey): void;
  setSequence(ctx: Context, address: Uint8Array, sequence: bigint): void;
}

/** What the pipeline needs of the bank keeper: moving the fee. */
export interface AnteBankKeeper {
  sendCoinsFromAccountToModule(ctx: Context, sender: Uint8Array, recipientModule: string, amount: Coins): void;
}
