// A market's parameters as numbers, and the rules they must follow. The one unusual rule —
// tick × lot is a whole number of quote units — is what lets every amount the dex moves be
// exact: an order's escrow, and every fill, costs quantity × price with nothing to round.
import { validateDenom } from '../../app/coins.js';
import { DEC_ONE, decFromProto, decToProto, type Dec } from '../../app/dec.js';
import { Market } from '../../gen/zonekit/dex/v1/types.js';
import { ErrInvalidMarket } from './errors.js';
import { MAX_PRICE } from './keys.js';

export interface MarketInfo {
  readonly id: bigint;
  readonly baseDenom: string;
  readonly quoteDenom: string;
  readonly tickSize: Dec;
  readonly lotSize: bigint;
  readonly minNotional: bigint;
  readonly feeRate: Dec;
  /**
   * The settlement unit: the smallest base amount whose cost at any tick price is a whole
   * number of quote units (10^18 / gcd(tick, 10^18)). It divides the lot size; fills and
   * pool amounts are multiples of it.
   */
  readonly unit: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export interface MarketParams {
  baseDenom: string;
  quoteDenom: string;
  tickSize: Dec;
  lotSize: bigint;
  minNotional: bigint;
  feeRate: Dec;
}

/** Checks the parameters and derives the settlement unit; throws ErrInvalidMarket saying which rule failed. */
export function marketInfo(id: bigint, params: MarketParams): MarketInfo {
  const { baseDenom, quoteDenom, tickSize, lotSize, minNotional, feeRate } = params;
  try {
    validateDenom(baseDenom);
    validateDenom(quoteDenom);
  } catch (err) {
    throw ErrInvalidMarket.wrap(err instanceof Error ? err.message : String(err));
  }
  if (baseDenom === quoteDenom) throw ErrInvalidMarket.wrap(`base and quote are both ${baseDenom}`);
  if (tickSize <= 0n || tickSize > MAX_PRICE) throw ErrInvalidMarket.wrap(`tick size must be positive and below 2^128 (as Dec), got ${tickSize}`);
  if (lotSize <= 0n) throw ErrInvalidMarket.wrap(`lot size must be positive, got ${lotSize}`);
  if (minNotional < 0n) throw ErrInvalidMarket.wrap(`min notional must not be negative, got ${minNotional}`);
  if (feeRate < 0n || feeRate >= DEC_ONE) throw ErrInvalidMarket.wrap(`fee rate must be at least 0 and below 1, got ${feeRate}`);
  if ((tickSize * lotSize) % DEC_ONE !== 0n) {
    throw ErrInvalidMarket.wrap('tick size × lot size must be a whole number of quote units (e.g. tick 0.01 with lot 100), so that every order costs an exact amount');
  }
  const unit = DEC_ONE / gcd(tickSize, DEC_ONE);
  return { id, baseDenom, quoteDenom, tickSize, lotSize, minNotional, feeRate, unit };
}

function parseInt(text: string, what: string): bigint {
  if (!/^[0-9]{1,78}$/.test(text)) throw ErrInvalidMarket.wrap(`${what} must be a non-negative integer, got ${JSON.stringify(text)}`);
  return BigInt(text);
}

function parseDecProto(text: string, what: string): Dec {
  try {
    return decFromProto(text);
  } catch {
    throw ErrInvalidMarket.wrap(`${what} must be a LegacyDec in protobuf form (the value × 10^18 as digits), got ${JSON.stringify(text)}`);
  }
}

export function marketFromProto(market: Market): MarketInfo {
  return marketInfo(market.id, {
    baseDenom: market.baseDenom,
    quoteDenom: market.quoteDenom,
    tickSize: parseDecProto(market.tickSize, 'tick_size'),
    lotSize: parseInt(market.lotSize, 'lot_size'),
    minNotional: parseInt(market.minNotional, 'min_notional'),
    feeRate: parseDecProto(market.feeRate, 'fee_rate'),
  });
}

export function marketToProto(market: MarketInfo): Market {
  return {
    id: market.id,
    baseDenom: market.baseDenom,
    quoteDenom: market.quoteDenom,
    tickSize: decToProto(market.tickSize),
    lotSize: market.lotSize.toString(),
    minNotional: market.minNotional.toString(),
    feeRate: decToProto(market.feeRate),
  };
}

/** Quote units for `quantity` base at `price`: exact for lot multiples at tick prices, and for unit multiples. */
export function notional(quantity: bigint, price: Dec): bigint {
  return (quantity * price) / DEC_ONE;
}

/** The fee on `received`, rounded up (in the protocol's favour). */
export function feeOn(received: bigint, rate: Dec): bigint {
  return (received * rate + DEC_ONE - 1n) / DEC_ONE;
}
