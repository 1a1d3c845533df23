// Typed access to the `xstaking` store (layout in keys.ts).
import { Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../app/context.js';
import { prefixStore, type KVStore } from '../../app/store/index.js';
import { CurveState, Params, Position, Unbonding } from '../../gen/zonekit/xstaking/v1/xstaking.js';
import {
  channelPositionsPrefix,
  CURVE_KEY,
  decodeU64,
  encodeU64,
  ESCROW_PREFIX,
  escrowKey,
  IN_FLIGHT_PREFIX,
  inFlightKey,
  NEXT_UNBONDING_ID_KEY,
  PARAMS_KEY,
  PENDING_PACKET_PREFIX,
  POSITION_PREFIX,
  positionKey,
  STORE_KEY,
  UNBONDING_PREFIX,
  XSTAKED_BAR_KEY,
} from './keys.js';
import { DEFAULT_PARAMS } from './params.js';

const text = (bytes: Uint8Array | undefined): bigint => (bytes === undefined ? 0n : BigInt(new TextDecoder().decode(bytes)));
const bytesOf = (n: bigint) => new TextEncoder().encode(n.toString());

export class XStakingStore {
  private kv(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  params(ctx: Context): Params {
    const bytes = this.kv(ctx).get(PARAMS_KEY);
    return bytes === undefined ? DEFAULT_PARAMS : Params.decode(bytes);
  }

  setParams(ctx: Context, p: Params): void {
    this.kv(ctx).set(PARAMS_KEY, Params.encode(p).finish());
  }

  position(ctx: Context, channel: string, staker: string, validator: string): Position | undefined {
    const bytes = prefixStore(this.kv(ctx), POSITION_PREFIX).get(positionKey(channel, staker, validator));
    return bytes === undefined ? undefined : Position.decode(bytes);
  }

  /** Writes a position, or deletes it once it holds nothing. */
  setPosition(ctx: Context, p: Position): void {
    const store = prefixStore(this.kv(ctx), POSITION_PREFIX);
    const key = positionKey(p.channel, p.staker, p.validator);
    if (BigInt(p.bar) === 0n && BigInt(p.staked) === 0n) store.delete(key);
    else store.set(key, Position.encode(p).finish());
  }

  *positions(ctx: Context, channel?: string): IterableIterator<Position> {
    const all = prefixStore(this.kv(ctx), POSITION_PREFIX);
    const store = channel === undefined ? all : prefixStore(all, channelPositionsPrefix(channel));
    for (const [, value] of store.iterator()) yield Position.decode(value);
  }

  nextUnbondingId(ctx: Context): bigint {
    const bytes = this.kv(ctx).get(NEXT_UNBONDING_ID_KEY);
    const id = bytes === undefined ? 1n : decodeU64(bytes);
    this.kv(ctx).set(NEXT_UNBONDING_ID_KEY, encodeU64(id + 1n));
    return id;
  }

  peekNextUnbondingId(ctx: Context): bigint {
    const bytes = this.kv(ctx).get(NEXT_UNBONDING_ID_KEY);
    return bytes === undefined ? 1n : decodeU64(bytes);
  }

  setNextUnbondingId(ctx: Context, id: bigint): void {
    this.kv(ctx).set(NEXT_UNBONDING_ID_KEY, encodeU64(id));
  }

  unbonding(ctx: Context, id: bigint): Unbonding | undefined {
    const bytes = prefixStore(this.kv(ctx), UNBONDING_PREFIX).get(encodeU64(id));
    return bytes === undefined ? undefined : Unbonding.decode(bytes);
  }

  setUnbonding(ctx: Context, u: Unbonding): void {
    prefixStore(this.kv(ctx), UNBONDING_PREFIX).set(encodeU64(u.id), Unbonding.encode(u).finish());
  }

  deleteUnbonding(ctx: Context, id: bigint): void {
    prefixStore(this.kv(ctx), UNBONDING_PREFIX).delete(encodeU64(id));
    prefixStore(this.kv(ctx), PENDING_PACKET_PREFIX).delete(encodeU64(id));
  }

  /** In id order, which is the order they were started. */
  unbondings(ctx: Context): Unbonding[] {
    return [...prefixStore(this.kv(ctx), UNBONDING_PREFIX).iterator()].map(([, value]) => Unbonding.decode(value));
  }

  /** Hub: which unbonding an XUnstake packet in flight belongs to. */
  setInFlight(ctx: Context, channel: string, sequence: bigint, id: bigint): void {
    prefixStore(this.kv(ctx), IN_FLIGHT_PREFIX).set(inFlightKey(channel, sequence), encodeU64(id));
  }

  takeInFlight(ctx: Context, channel: string, sequence: bigint): bigint | undefined {
    const store = prefixStore(this.kv(ctx), IN_FLIGHT_PREFIX);
    const key = inFlightKey(channel, sequence);
    const bytes = store.get(key);
    if (bytes === undefined) return undefined;
    store.delete(key);
    return decodeU64(bytes);
  }

  /** Consumer: the XUnstake packet an unbonding will acknowledge. */
  setPendingPacket(ctx: Context, id: bigint, packet: Packet): void {
    prefixStore(this.kv(ctx), PENDING_PACKET_PREFIX).set(encodeU64(id), Packet.encode(packet).finish());
  }

  pendingPacket(ctx: Context, id: bigint): Packet | undefined {
    const bytes = prefixStore(this.kv(ctx), PENDING_PACKET_PREFIX).get(encodeU64(id));
    return bytes === undefined ? undefined : Packet.decode(bytes);
  }

  curve(ctx: Context): CurveState | undefined {
    const bytes = this.kv(ctx).get(CURVE_KEY);
    return bytes === undefined ? undefined : CurveState.decode(bytes);
  }

  setCurve(ctx: Context, c: CurveState): void {
    this.kv(ctx).set(CURVE_KEY, CurveState.encode(c).finish());
  }

  escrow(ctx: Context, channel: string): bigint {
    return text(prefixStore(this.kv(ctx), ESCROW_PREFIX).get(escrowKey(channel)));
  }

  setEscrow(ctx: Context, channel: string, amount: bigint): void {
    const store = prefixStore(this.kv(ctx), ESCROW_PREFIX);
    if (amount === 0n) store.delete(escrowKey(channel));
    else store.set(escrowKey(channel), bytesOf(amount));
  }

  *escrows(ctx: Context): IterableIterator<{ channel: string; amount: bigint }> {
    for (const [key, value] of prefixStore(this.kv(ctx), ESCROW_PREFIX).iterator()) yield { channel: new TextDecoder().decode(key), amount: text(value) };
  }

  xstakedBar(ctx: Context): bigint {
    return text(this.kv(ctx).get(XSTAKED_BAR_KEY));
  }

  setXStakedBar(ctx: Context, amount: bigint): void {
    this.kv(ctx).set(XSTAKED_BAR_KEY, bytesOf(amount));
  }
}
