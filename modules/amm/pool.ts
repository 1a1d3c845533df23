// A pool as the keeper works with it (bigints, its curve at hand) and as it is stored and
// served (the Pool protobuf). Values are immutable: every change makes a new PoolState.
import { decFromProto, decToProto, type Dec } from '../../app/dec.js';
import { Pool as PoolProto } from '../../gen/zonekit/amm/v1/types.js';
import { constantProduct } from './constant-product.js';
import { CURVE_STABLESWAP, type Curve, type CurveName } from './curve.js';
import { ErrDenomNotInPool } from './errors.js';
import { shareDenom } from './keys.js';
import { StableSwap } from './stableswap.js';

/** Uniswap v2's MINIMUM_LIQUIDITY: shares minted on the first deposit and locked forever. */
export const MINIMUM_LIQUIDITY = 1000n;

export interface Twap {
  /** Σ price × seconds for reserves[0] in units of reserves[1], and the reverse (Dec × seconds). */
  readonly cumulative: readonly [bigint, bigint];
  readonly lastTime: bigint;
  readonly lastHeight: bigint;
}

export interface PoolState {
  readonly id: bigint;
  readonly curve: CurveName;
  /** Stableswap's A; 0 for constant product. */
  readonly amplification: bigint;
  readonly swapFee: Dec;
  /** Sorted: denoms[0] < denoms[1]. */
  readonly denoms: readonly [string, string];
  readonly reserves: readonly [bigint, bigint];
  readonly totalShares: bigint;
  readonly twap: Twap;
}

/** 0 or 1: where `denom` sits in the pool; throws when the pool does not hold it. */
export function sideOf(pool: PoolState, denom: string): 0 | 1 {
  if (denom === pool.denoms[0]) return 0;
  if (denom === pool.denoms[1]) return 1;
  throw ErrDenomNotInPool.wrap(`pool ${pool.id} holds ${pool.denoms[0]} and ${pool.denoms[1]}, not ${denom}`);
}

const stableSwaps = new Map<bigint, StableSwap>();

export function curveOf(pool: Pick<PoolState, 'curve' | 'amplification'>): Curve {
  if (pool.curve !== CURVE_STABLESWAP) return constantProduct;
  let curve = stableSwaps.get(pool.amplification);
  if (curve === undefined) {
    curve = new StableSwap(pool.amplification);
    stableSwaps.set(pool.amplification, curve);
  }
  return curve;
}

export function withReserves(pool: PoolState, reserves: readonly [bigint, bigint], totalShares = pool.totalShares): PoolState {
  return { ...pool, reserves, totalShares };
}

export function poolToProto(pool: PoolState): PoolProto {
  return {
    id: pool.id,
    curve: pool.curve,
    amplification: pool.amplification,
    swapFee: decToProto(pool.swapFee),
    reserves: [
      { denom: pool.denoms[0], amount: pool.reserves[0].toString() },
      { denom: pool.denoms[1], amount: pool.reserves[1].toString() },
    ],
    totalShares: { denom: shareDenom(pool.id), amount: pool.totalShares.toString() },
    twap: {
      price0Cumulative: pool.twap.cumulative[0].toString(),
      price1Cumulative: pool.twap.cumulative[1].toString(),
      lastTime: pool.twap.lastTime,
      lastHeight: pool.twap.lastHeight,
    },
  };
}

export function poolFromProto(proto: PoolProto): PoolState {
  const [r0, r1] = proto.reserves;
  if (r0 === undefined || r1 === undefined || proto.reserves.length !== 2) throw new Error(`pool ${proto.id} must have exactly two reserves`);
  return {
    id: proto.id,
    curve: proto.curve as CurveName,
    amplification: proto.amplification,
    swapFee: decFromProto(proto.swapFee),
    denoms: [r0.denom, r1.denom],
    reserves: [BigInt(r0.amount), BigInt(r1.amount)],
    totalShares: BigInt(proto.totalShares?.amount ?? '0'),
    twap: {
      cumulative: [BigInt(proto.twap?.price0Cumulative || '0'), BigInt(proto.twap?.price1Cumulative || '0')],
      lastTime: proto.twap?.lastTime ?? 0n,
      lastHeight: proto.twap?.lastHeight ?? 0n,
    },
  };
}

export function encodePool(pool: PoolState): Uint8Array {
  return PoolProto.encode(poolToProto(pool)).finish();
}

export function decodePool(bytes: Uint8Array): PoolState {
  return poolFromProto(PoolProto.decode(bytes));
}
