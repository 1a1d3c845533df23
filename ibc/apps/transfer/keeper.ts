// The transfer keeper: ICS-20 state (port, params, denom traces, total escrow) and the relay
// logic of ibc-go v8's keeper/relay.go. Sending escrows native coins (or burns vouchers going
// home); receiving mints vouchers (or releases escrow for coins coming home); a failed or
// timed-out packet is refunded.
import type { Metadata } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import { Params } from 'cosmjs-types/ibc/applications/transfer/v1/transfer';
import { DenomTrace } from 'cosmjs-types/ibc/applications/transfer/v1/denomtrace';
import type { Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { normalizeCoins, validateDenom, type Coin, type Coins } from '../../../app/coins.js';
import type { Context } from '../../../app/context.js';
import { CodedError, ErrPanic } from '../../../app/errors.js';
import { prefixIterator, type KVStore } from '../../../app/store/index.js';
import {
  ErrChannelCapabilityNotFound,
  ErrChannelNotFound,
  ErrIbcUnauthorized,
  ErrInvalidAmount,
  ErrInvalidDenomForTransfer,
  ErrReceiveDisabled,
  ErrTraceNotFound,
  goError,
  goText,
} from './errors.js';
import { ATTRIBUTE_KEY_DENOM, ATTRIBUTE_KEY_TRACE_HASH, EVENT_TYPE_DENOM_TRACE } from './events.js';
import type { TransferAccountKeeper, TransferBankKeeper, TransferChannelKeeper } from './expects.js';
import {
  DENOM_PREFIX,
  DENOM_TRACE_PREFIX,
  MODULE_ACCOUNT,
  PARAMS_KEY,
  PORT_KEY,
  STORE_KEY,
  TOTAL_ESCROW_PREFIX,
  denomTraceKey,
  escrowAddress,
  totalEscrowKey,
} from './keys.js';
import { packetDataBytes, parseGoInt, validatePacketData, type Ack, type FungibleTokenPacketData } from './packet.js';
import {
  denomPrefix,
  fullDenomPath,
  hexHash,
  ibcDenom,
  isBlank,
  parseDenomTrace,
  parseHexHash,
  receiverChainIsSource,
  senderChainIsSource,
  traceHash,
} from './trace.js';

/** MsgTransfer's "send everything": a spend limit of 2^256 - 1 sends the sender's whole balance. */
export const UNBOUNDED_SPEND_LIMIT = (1n << 256n) - 1n;

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** sdk.IntProto { string int = 1 }: how total escrow amounts are stored. */
function encodeIntProto(amount: bigint): Uint8Array {
  return new BinaryWriter().uint32(10).string(amount.toString()).finish();
}

function decodeIntProto(bytes: Uint8Array): bigint | undefined {
  const r = new BinaryReader(bytes);
  let value = '';
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) value = r.string();
    else r.skipType(tag & 7);
  }
  return /^-?[0-9]+$/.test(value) ? BigInt(value) : value === '' ? 0n : undefined;
}

/** sdk.NewCoin: panics (here: ErrPanic, failing the tx) on a denom the SDK would not accept. */
function newCoin(denom: string, amount: bigint): Coin {
  try {
    validateDenom(denom);
  } catch (err) {
    throw ErrPanic.wrap(goText(err));
  }
  if (amount < 0n) throw ErrPanic.wrap(`negative coin amount: ${amount}`);
  return { denom, amount };
}

/**
 * Upper case as Go's strings.ToUpper, for the code points whose case mapping every Node.js
 * version agrees on (Latin, Greek, Cyrillic, Armenian); others are kept. A mapping only a
 * newer Unicode knows would make nodes on different Node.js versions write different state.
 */
function upperCase(s: string): string {
  let out = '';
  for (const ch of s) {
    const upper = ch.codePointAt(0)! < 0x530 ? ch.toUpperCase() : ch;
    out += [...upper].length === 1 ? upper : ch;
  }
  return out;
}

export class TransferKeeper {
  constructor(
    readonly bank: TransferBankKeeper,
    readonly accounts: TransferAccountKeeper,
    readonly channels: TransferChannelKeeper,
  ) {
    if (accounts.getModuleAddress(MODULE_ACCOUNT) === undefined) throw new Error('the IBC transfer module account has not been set');
  }

  private store(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  /** The port the module is bound to (set by genesis). */
  getPort(ctx: Context): string {
    const bytes = this.store(ctx).get(PORT_KEY);
    return bytes === undefined ? '' : text.decode(bytes);
  }

  setPort(ctx: Context, portId: string): void {
    this.store(ctx).set(PORT_KEY, utf8.encode(portId));
  }

  getParams(ctx: Context): Params {
    const bytes = this.store(ctx).get(PARAMS_KEY);
    if (bytes === undefined) throw new Error('transfer params are not set in store');
    return Params.decode(bytes);
  }

  setParams(ctx: Context, params: Params): void {
    this.store(ctx).set(PARAMS_KEY, Params.encode(params).finish());
  }

  getDenomTrace(ctx: Context, hash: Uint8Array): DenomTrace | undefined {
    const bytes = this.store(ctx).get(denomTraceKey(hash));
    return bytes === undefined || bytes.length === 0 ? undefined : DenomTrace.decode(bytes);
  }

  hasDenomTrace(ctx: Context, hash: Uint8Array): boolean {
    return this.store(ctx).has(denomTraceKey(hash));
  }

  setDenomTrace(ctx: Context, trace: DenomTrace): void {
    this.store(ctx).set(denomTraceKey(traceHash(trace)), DenomTrace.encode(trace).finish());
  }

  /** Every trace, sorted by full denom path (ibc-go's Traces.Sort). */
  getAllDenomTraces(ctx: Context): DenomTrace[] {
    const traces: DenomTrace[] = [];
    for (const [, value] of prefixIterator(this.store(ctx), DENOM_TRACE_PREFIX)) traces.push(DenomTrace.decode(value));
    return sortTraces(traces);
  }

  /** The amount of a native (to this channel end) denom held in all escrow accounts; 0 when none. */
  getTotalEscrowForDenom(ctx: Context, denom: string): bigint {
    const bytes = this.store(ctx).get(totalEscrowKey(denom));
    return bytes === undefined || bytes.length === 0 ? 0n : (decodeIntProto(bytes) ?? 0n);
  }

  /** Stored only when not zero; a negative total is a bug (ibc-go panics). */
  setTotalEscrowForDenom(ctx: Context, denom: string, amount: bigint): void {
    if (amount < 0n) throw ErrPanic.wrap(`amount cannot be negative: ${amount}`);
    if (amount === 0n) this.store(ctx).delete(totalEscrowKey(denom));
    else this.store(ctx).set(totalEscrowKey(denom), encodeIntProto(amount));
  }

  /** Every denom in escrow with its total, sorted by denom. */
  getAllTotalEscrowed(ctx: Context): Coins {
    const escrows: Coin[] = [];
    const keyPrefix = `${text.decode(TOTAL_ESCROW_PREFIX)}/`;
    for (const [key, value] of prefixIterator(this.store(ctx), TOTAL_ESCROW_PREFIX)) {
      const raw = text.decode(key);
      const denom = raw.startsWith(keyPrefix) ? raw.slice(keyPrefix.length) : raw;
      if (isBlank(denom)) continue;
      const amount = decodeIntProto(value);
      if (amount === undefined) continue;
      escrows.push({ denom, amount });
    }
    return normalizeCoins(escrows);
  }

  /** The full denom path behind `ibc/{hash}`. */
  denomPathFromHash(ctx: Context, denom: string): string {
    const hex = denom.slice(DENOM_PREFIX.length + 1);
    let hash: Uint8Array;
    try {
      hash = parseHexHash(hex);
    } catch (err) {
      throw ErrInvalidDenomForTransfer.wrap(goText(err));
    }
    const trace = this.getDenomTrace(ctx, hash);
    if (trace === undefined) throw ErrTraceNotFound.wrap(hex);
    return fullDenomPath(trace);
  }

  /** Display metadata for a voucher, as ibc-go v8 writes it on first receive. */
  setDenomMetadata(ctx: Context, trace: DenomTrace): void {
    const path = fullDenomPath(trace);
    const metadata: Metadata = {
      description: `IBC token from ${path}`,
      denomUnits: [{ denom: trace.baseDenom, exponent: 0, aliases: [] }],
      base: ibcDenom(trace),
      display: path,
      name: `${path} IBC token`,
      symbol: upperCase(trace.baseDenom),
      uri: '',
      uriHash: '',
    };
    this.bank.setDenomMetadata(ctx, metadata);
  }

  /**
   * Sends `token` from `sender` over (sourcePort, sourceChannel): escrows it when this chain
   * is its source for this channel, else burns the voucher; then sends the packet. Returns
   * the packet's sequence.
   */
  sendTransfer(
    ctx: Context,
    sourcePort: string,
    sourceChannel: string,
    token: Coin,
    sender: Uint8Array,
    receiver: string,
    timeoutHeight: Height,
    timeoutTimestamp: bigint,
    memo: string,
  ): bigint {
    if (this.channels.getChannel(ctx, sourcePort, sourceChannel) === undefined) {
      throw ErrChannelNotFound.wrap(`port ID (${sourcePort}) channel ID (${sourceChannel})`);
    }
    // ibc-go asks the capability keeper; the module owns the channels on the port it is bound to.
    if (sourcePort !== this.getPort(ctx)) throw ErrChannelCapabilityNotFound.wrap('module does not own channel capability');

    const denomPath = token.denom.startsWith(`${DENOM_PREFIX}/`) ? this.denomPathFromHash(ctx, token.denom) : token.denom;
    const amount = token.amount === UNBOUNDED_SPEND_LIMIT ? this.bank.getBalance(ctx, sender, token.denom) : token.amount;
    const coins = normalizeCoins([{ denom: token.denom, amount }]);

    if (senderChainIsSource(sourcePort, sourceChannel, denomPath)) {
      this.escrowToken(ctx, sender, escrowAddress(sourcePort, sourceChannel), { denom: token.denom, amount });
    } else {
      this.bank.sendCoinsFromAccountToModule(ctx, sender, MODULE_ACCOUNT, coins);
      try {
        this.bank.burnCoins(ctx, MODULE_ACCOUNT, coins);
      } catch (err) {
        throw ErrPanic.wrap(`cannot burn coins after a successful send to a module account: ${goText(err)}`);
      }
    }

    const data: FungibleTokenPacketData = {
      denom: denomPath,
      amount: amount.toString(),
      sender: this.accounts.addressCodec.encode(sender),
      receiver,
      memo,
    };
    return this.channels.sendPacket(ctx, sourcePort, sourceChannel, timeoutHeight, timeoutTimestamp, packetDataBytes(data));
  }

  /**
   * Credits a received packet: releases escrow when the coins come home, else mints a
   * voucher for them. Throws a CodedError for the error acknowledgement.
   */
  onRecvPacket(ctx: Context, packet: Packet, data: FungibleTokenPacketData): void {
    let amount: bigint;
    try {
      amount = validatePacketData(data);
    } catch (err) {
      throw (err as CodedError).wrap('error validating ICS-20 transfer packet data');
    }
    if (!this.getParams(ctx).receiveEnabled) throw ErrReceiveDisabled;

    let receiver: Uint8Array;
    try {
      receiver = this.accounts.addressCodec.decode(data.receiver);
    } catch (err) {
      throw goError(`failed to decode receiver address: ${data.receiver}: ${goText(err)}`);
    }

    if (receiverChainIsSource(packet.sourcePort, packet.sourceChannel, data.denom)) {
      // The coins come home: the sender chain prefixed our end of the channel when they left.
      const unprefixed = data.denom.slice(denomPrefix(packet.sourcePort, packet.sourceChannel).length);
      const token = newCoin(ibcDenom(parseDenomTrace(unprefixed)), amount);
      if (this.bank.blockedAddr(receiver)) {
        throw ErrIbcUnauthorized.wrap(`${this.accounts.addressCodec.encode(receiver)} is not allowed to receive funds`);
      }
      this.unescrowToken(ctx, escrowAddress(packet.destinationPort, packet.destinationChannel), receiver, token);
      return;
    }

    // The sender chain is the source: prefix our end of the channel and mint a voucher.
    const trace = parseDenomTrace(denomPrefix(packet.destinationPort, packet.destinationChannel) + data.denom);
    const hash = traceHash(trace);
    if (!this.hasDenomTrace(ctx, hash)) this.setDenomTrace(ctx, trace);
    const denom = ibcDenom(trace);
    if (this.bank.getDenomMetadata(ctx, denom) === undefined) this.setDenomMetadata(ctx, trace);
    ctx.events.emit(EVENT_TYPE_DENOM_TRACE, [ATTRIBUTE_KEY_TRACE_HASH, hexHash(hash)], [ATTRIBUTE_KEY_DENOM, denom]);

    const voucher = normalizeCoins([newCoin(denom, amount)]);
    wrapCoded(() => this.bank.mintCoins(ctx, MODULE_ACCOUNT, voucher), 'failed to mint IBC tokens');
    wrapCoded(
      () => this.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, receiver, voucher),
      `failed to send coins to receiver ${this.accounts.addressCodec.encode(receiver)}`,
    );
  }

  /** A failed acknowledgement refunds the sender; a successful one needs nothing. */
  onAcknowledgementPacket(ctx: Context, packet: Packet, data: FungibleTokenPacketData, ack: Ack): void {
    if ('error' in ack) this.refundPacketToken(ctx, packet, data);
  }

  onTimeoutPacket(ctx: Context, packet: Packet, data: FungibleTokenPacketData): void {
    this.refundPacketToken(ctx, packet, data);
  }

  /** Undoes the send: releases the escrow back to the sender, or mints the burnt voucher again. */
  private refundPacketToken(ctx: Context, packet: Packet, data: FungibleTokenPacketData): void {
    const trace = parseDenomTrace(data.denom);
    const amount = parseGoInt(data.amount);
    if (amount === undefined) throw ErrInvalidAmount.wrap(`unable to parse transfer amount (${data.amount}) into math.Int`);
    const token = newCoin(ibcDenom(trace), amount);
    let sender: Uint8Array;
    try {
      sender = this.accounts.addressCodec.decode(data.sender);
    } catch (err) {
      throw goError(goText(err));
    }

    if (senderChainIsSource(packet.sourcePort, packet.sourceChannel, data.denom)) {
      this.unescrowToken(ctx, escrowAddress(packet.sourcePort, packet.sourceChannel), sender, token);
      return;
    }
    const coins = normalizeCoins([token]);
    this.bank.mintCoins(ctx, MODULE_ACCOUNT, coins);
    try {
      this.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, sender, coins);
    } catch (err) {
      throw ErrPanic.wrap(`unable to send coins from module to account despite previously minting coins to module account: ${goText(err)}`);
    }
  }

  /** Moves `token` into the channel's escrow and adds it to the denom's total escrow. */
  private escrowToken(ctx: Context, sender: Uint8Array, escrow: Uint8Array, token: Coin): void {
    this.bank.sendCoins(ctx, sender, escrow, normalizeCoins([token]));
    this.setTotalEscrowForDenom(ctx, token.denom, this.getTotalEscrowForDenom(ctx, token.denom) + token.amount);
  }

  /** Releases `token` from a channel's escrow and takes it off the denom's total escrow. */
  private unescrowToken(ctx: Context, escrow: Uint8Array, receiver: Uint8Array, token: Coin): void {
    wrapCoded(
      () => this.bank.sendCoins(ctx, escrow, receiver, normalizeCoins([token])),
      'unable to unescrow tokens, this may be caused by a malicious counterparty module or a bug: please open an issue on counterparty module',
    );
    const total = this.getTotalEscrowForDenom(ctx, token.denom) - token.amount;
    // sdk.Coin.Sub panics below zero: escrow sent to the account by other means is not tracked.
    if (total < 0n) throw ErrPanic.wrap(`negative coin amount: ${total}`);
    this.setTotalEscrowForDenom(ctx, token.denom, total);
  }
}

/** Runs `action`, adding `detail` in front of a CodedError it throws (errorsmod.Wrap). */
function wrapCoded(action: () => void, detail: string): void {
  try {
    action();
  } catch (err) {
    if (err instanceof CodedError && !err.is(ErrPanic)) throw err.wrap(detail);
    throw err;
  }
}

export function sortTraces(traces: DenomTrace[]): DenomTrace[] {
  return traces
    .map((trace) => ({ trace, path: Buffer.from(fullDenomPath(trace), 'utf8') }))
    // Go compares strings by their UTF-8 bytes.
    .sort((a, b) => Buffer.compare(a.path, b.path))
    .map(({ trace }) => trace);
}
