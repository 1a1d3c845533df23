// One transaction through the state machine, in nested branches as the SDK's runTx:
// decode and stateless checks; the ante pipeline in a branch (fee, sequence); then all
// messages in a second branch, written only if every message succeeds. A failure after
// the ante keeps the fee and sequence, so a tx that reached a block always pays.
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { Event } from 'cosmjs-types/tendermint/abci/types';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import type { AnteEnv, AnteTx, TxSigner } from './ante/types.js';
import type { AppDefinition, MsgRoute } from './app.js';
import { Context, type BlockHeader, type ExecMode } from './context.js';
import {
  CodedError,
  ErrInvalidAddress,
  ErrInvalidGasLimit,
  ErrInvalidRequest,
  ErrOutOfGas,
  ErrTxDecode,
  toAbciError,
} from './errors.js';
import { EventManager, hasAttribute, withAttribute } from './events.js';
import { GasMeter, OutOfGasError, type MultiStore } from './store/index.js';
import { fromBech32Address } from './tx/address.js';
import { decodeTx, type DecodedTx } from './tx/decode.js';
import { DecodedTxCache, deepFreeze } from './tx/decoded-cache.js';

export interface TxOutcome {
  code: number;
  codespace: string;
  log: string;
  gasWanted: bigint;
  gasUsed: bigint;
  events: Event[];
  /** TxMsgData with one response per message (empty on failure). */
  data: Uint8Array;
  msgResponses: Any[];
}

export interface TxEnv extends AnteEnv {
  readonly app: AppDefinition;
  readonly maxTxBytes: number;
  /** The block gas limit, if any: no tx may ask for more. */
  readonly maxBlockGas: bigint | undefined;
  /** Txs already decoded (node-local, like the signature cache). */
  readonly decodedTxs?: DecodedTxCache<DecodedMessages>;
}

export interface DecodedMsg {
  route: MsgRoute;
  typeUrl: string;
  msg: unknown;
  signers: readonly string[];
}

export interface DecodedMessages {
  readonly msgs: readonly DecodedMsg[];
  readonly signers: readonly TxSigner[];
}

function decodeMessages(env: TxEnv, tx: DecodedTx): DecodedMessages {
  if (tx.body.messages.length === 0) throw ErrInvalidRequest.wrap('must contain at least one message');
  const signers = new Map<string, TxSigner>();
  const msgs = tx.body.messages.map(({ typeUrl, value }) => {
    const route = env.app.msgRoutes.get(typeUrl);
    if (route === undefined) throw ErrTxDecode.wrap(`unable to resolve type URL ${typeUrl}`);
    let msg: unknown;
    try {
      msg = route.handler.decode(value);
    } catch (err) {
      throw ErrTxDecode.wrap(`malformed ${typeUrl}: ${err instanceof Error ? err.message : String(err)}`);
    }
    route.handler.validate?.(msg);
    const msgSigners = route.handler.signers(msg);
    if (msgSigners.length === 0) throw ErrInvalidRequest.wrap(`message ${typeUrl} has no signer`);
    for (const address of msgSigners) {
      if (signers.has(address)) continue;
      const { prefix, data } = fromBech32Address(address);
      if (prefix !== env.app.bech32Prefix) throw ErrInvalidAddress.wrap(`invalid Bech32 prefix; expected ${env.app.bech32Prefix}, got ${prefix}`);
      signers.set(address, { address, bytes: data });
    }
    return { route, typeUrl, msg, signers: msgSigners };
  });
  return { msgs, signers: [...signers.values()] };
}

/**
 * `txBytes` decoded (decodeTx: throws ErrTxDecode and friends), from the cache when the same
 * bytes were decoded before. The cached copy owns its bytes: `txBytes` may be a view into a
 * much larger network buffer, which the cache must not keep alive.
 */
export function decodeTxCached(env: Pick<TxEnv, 'maxTxBytes' | 'decodedTxs'>, txBytes: Uint8Array): { tx: DecodedTx; key?: string } {
  const cache = env.decodedTxs;
  if (cache === undefined || txBytes.length === 0 || txBytes.length > env.maxTxBytes) {
    return { tx: decodeTx(txBytes, { maxTxBytes: env.maxTxBytes }) };
  }
  const key = DecodedTxCache.keyOf(txBytes);
  const entry = cache.get(key) ?? cache.add(key, decodeTx(txBytes.slice(), { maxTxBytes: env.maxTxBytes }));
  return { tx: entry.tx, key };
}

/**
 * The tx and its messages, decoded and validated statelessly; cached like the tx itself.
 * FinalizeBlock takes the entry out: a tx in a block never runs again (its sequence has
 * moved on), so its room goes to the txs still waiting.
 */
function decodeTxAndMessages(env: TxEnv, txBytes: Uint8Array, mode: ExecMode): { tx: DecodedTx } & DecodedMessages {
  const { tx, key } = decodeTxCached(env, txBytes);
  const entry = key === undefined ? undefined : env.decodedTxs!.get(key);
  if (mode === 'finalize' && key !== undefined) env.decodedTxs!.delete(key);
  if (entry?.messages !== undefined) return { tx, ...entry.messages };
  const decoded = decodeMessages(env, tx);
  if (entry === undefined) return { tx, ...decoded };
  const frozen: DecodedMessages = Object.freeze({
    msgs: Object.freeze(decoded.msgs.map((m) => Object.freeze({ ...m, msg: deepFreeze(m.msg), signers: Object.freeze([...m.signers]) }))),
    signers: Object.freeze(decoded.signers.map((s) => Object.freeze({ ...s }))),
  });
  return { tx, ...env.decodedTxs!.setMessages(entry, frozen) };
}

function gasLimitOf(env: TxEnv, tx: DecodedTx): number {
  const limit = tx.authInfo.fee?.gasLimit ?? 0n;
  if (limit > BigInt(Number.MAX_SAFE_INTEGER)) throw ErrInvalidGasLimit.wrap(`gas limit ${limit} is larger than ${Number.MAX_SAFE_INTEGER}`);
  if (env.maxBlockGas !== undefined && limit > env.maxBlockGas) {
    throw ErrInvalidGasLimit.wrap(`gas limit ${limit} is larger than the block gas limit ${env.maxBlockGas}`);
  }
  return Number(limit);
}

/** Runs the messages in `ctx`'s branch; returns their responses and events (each tagged with msg_index). */
function runMsgs(ctx: Context, msgs: readonly DecodedMsg[]): { responses: Any[]; events: Event[] } {
  const responses: Any[] = [];
  const events: Event[] = [];
  msgs.forEach(({ route, typeUrl, msg, signers }, index) => {
    const msgEvents = new EventManager();
    responses.push(route.handler.handle(ctx.with(ctx.store, msgEvents), msg));
    const message: Array<[string, string]> = [['action', typeUrl], ['sender', signers[0]!]];
    // A module that names itself in its events (IBC's `ibc_client`...) keeps that name.
    if (!hasAttribute(msgEvents.events, 'module')) message.push(['module', route.module.name]);
    const all: Event[] = [
      { type: 'message', attributes: message.map(([key, value]) => ({ key, value, index: true })) },
      ...msgEvents.events,
    ];
    for (const event of all) events.push(withAttribute(event, 'msg_index', String(index)));
  });
  return { responses, events };
}

function failure(err: unknown, gasWanted: number, meter: GasMeter | undefined, events: Event[]): TxOutcome {
  const coded = err instanceof OutOfGasError ? ErrOutOfGas.wrap(err.message) : err;
  const { codespace, code, log } = toAbciError(coded);
  if (!(coded instanceof CodedError)) console.error('zonekit: unexpected error in a tx (reported as internal):', err);
  return {
    code,
    codespace,
    log,
    gasWanted: BigInt(gasWanted),
    gasUsed: BigInt(meter?.consumedToLimit ?? 0),
    events,
    data: new Uint8Array(),
    msgResponses: [],
  };
}

/** An event manager that keeps nothing: for scopes whose events nobody will read. */
class DiscardingEventManager extends EventManager {
  override emit(): void {}
  override emitEvents(): void {}
}

const DISCARDED_EVENTS: EventManager = new DiscardingEventManager();

/**
 * Runs `txBytes` over `parent` (the check state, the block branch, or a throwaway branch for
 * simulate) and writes to `parent` what the tx is entitled to keep. Never throws: every
 * failure becomes an ABCI code, so bad input can never halt the chain.
 */
export function runTx(env: TxEnv, mode: ExecMode, txBytes: Uint8Array, parent: MultiStore, header: BlockHeader): TxOutcome {
  let gasWanted = 0;
  let meter: GasMeter | undefined;
  let anteEvents: Event[] = [];
  try {
    const { tx, msgs, signers } = decodeTxAndMessages(env, txBytes, mode);
    gasWanted = mode === 'simulate' ? Number(tx.authInfo.fee?.gasLimit ?? 0n) : gasLimitOf(env, tx);
    // Simulate measures gas, so it cannot be limited by the gas it is measuring.
    meter = mode === 'simulate' ? new GasMeter() : new GasMeter(gasWanted);

    const anteStore = parent.branch();
    // CheckTx answers without events (below), so in its modes the ante's events are not even built.
    const anteEventManager = mode === 'check' || mode === 'recheck' ? DISCARDED_EVENTS : new EventManager();
    const ctx = new Context(anteStore, header, meter, anteEventManager, mode);
    const anteTx: AnteTx = { tx, signers };
    for (const decorator of env.app.ante) decorator(ctx, anteTx, env);
    anteStore.write();
    anteEvents = anteEventManager.events;

    // CheckTx runs the ante alone, as the SDK's: messages depend on state that may change
    // before the block, and the mempool only needs to know the tx can pay and is in order.
    // Like the SDK's, it answers without events: they belong to the block that runs the tx
    // (the SDK adds ante events to a result only in FinalizeBlock and simulate).
    if (mode === 'check' || mode === 'recheck') {
      return { code: 0, codespace: '', log: '', gasWanted: BigInt(gasWanted), gasUsed: BigInt(meter.consumed), events: [], data: new Uint8Array(), msgResponses: [] };
    }

    const msgStore = parent.branch();
    const { responses, events } = runMsgs(ctx.with(msgStore), msgs);
    msgStore.write();
    return {
      code: 0,
      codespace: '',
      log: '',
      gasWanted: BigInt(gasWanted),
      gasUsed: BigInt(meter.consumed),
      events: [...anteEvents, ...events],
      data: TxMsgData.encode({ data: [], msgResponses: responses }).finish(),
      msgResponses: responses,
    };
  } catch (err) {
    return failure(err, gasWanted, meter, anteEvents);
  }
}
