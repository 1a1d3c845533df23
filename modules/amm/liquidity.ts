// Creating pools and moving liquidity in and out. LP shares are bank coins (`amm/pool/{id}`)
// minted and burned by the `amm` module account. Deposits are taken in the pool's ratio,
// rounded up; withdrawals are paid pro rata, rounded down: both in favour of the pool, so a
// share is never worth less after anyone else's deposit or withdrawal.
import { FEE_COLLECTOR_NAME } from '../../app/ante/index.js';
import { amountOf, coinsToString, coinToString, type Coin, type Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { DEC_ONE, decToString, type Dec } from '../../app/dec.js';
import { CURVE_CONSTANT_PRODUCT, CURVE_NAMES, CURVE_STABLESWAP, type CurveName } from './curve.js';
import { ErrInsufficientLiquidity, ErrInvalidCurve, ErrInvalidDeposit, ErrInvalidSwapFee, ErrSameDenom, ErrSlippage, ErrZeroAmount } from './errors.js';
import { emitPoolCreated, emitPoolExited, emitPoolJoined } from './events.js';
import type { AmmKeeper } from './keeper.js';
import { MODULE_ACCOUNT, shareDenom } from './keys.js';
import { divCeil, minBig } from './math.js';
import { curveOf, MINIMUM_LIQUIDITY, withReserves, type PoolState } from './pool.js';
import { MAX_AMPLIFICATION, MIN_AMPLIFICATION } from './stableswap.js';
import { accumulate, startAccumulator } from './twap.js';

export interface CreatePoolArgs {
  curve: string;
  /** Stableswap's A; must be 0 for constant product. */
  amplification: bigint;
  swapFee: Dec;
  /** Two coins of different denoms, sorted. */
  deposit: Coins;
}

export interface CreatePoolResult {
  poolId: bigint;
  /** The shares the creator received (the locked minimum is not among them). */
  shares: Coin;
}

export interface AddLiquidityResult {
  shares: Coin;
  /** What was taken from the sender, at most the maximum given of each. */
  amounts: Coins;
}

const isShareDenom = (denom: string) => denom.startsWith('amm/pool/');

/** The stateless checks of a new pool (ValidateBasic), bar the fee's upper bound, which is a param. */
export function validatePoolSpec(args: CreatePoolArgs): void {
  if (!(CURVE_NAMES as readonly string[]).includes(args.curve)) throw ErrInvalidCurve.wrap(`unknown curve "${args.curve}"; use ${CURVE_NAMES.join(' or ')}`);
  if (args.curve === CURVE_STABLESWAP && (args.amplification < MIN_AMPLIFICATION || args.amplification > MAX_AMPLIFICATION)) {
    throw ErrInvalidCurve.wrap(`stableswap amplification must be ${MIN_AMPLIFICATION} to ${MAX_AMPLIFICATION}, got ${args.amplification}`);
  }
  if (args.curve === CURVE_CONSTANT_PRODUCT && args.amplification !== 0n) throw ErrInvalidCurve.wrap('constant product pools take no amplification');
  if (args.swapFee < 0n || args.swapFee >= DEC_ONE) throw ErrInvalidSwapFee.wrap(`swap fee must be at least 0 and below 1, got ${decToString(args.swapFee)}`);
  validatePair(args.deposit);
}

/** Exactly two positive coins of different denoms, none of them LP shares. */
export function validatePair(coins: readonly Coin[]): void {
  if (coins.length !== 2) throw ErrInvalidDeposit.wrap(`a pool holds exactly two denoms, got ${coins.length} coins`);
  const [a, b] = coins as [Coin, Coin];
  if (a.denom === b.denom) throw ErrSameDenom.wrap(`both coins are ${a.denom}`);
  for (const coin of coins) {
    if (coin.amount <= 0n) throw ErrZeroAmount.wrap(`deposit of ${coin.denom} is ${coin.amount}`);
    if (isShareDenom(coin.denom)) throw ErrInvalidDeposit.wrap(`LP shares (${coin.denom}) cannot be pooled`);
  }
}

export function createPool(keeper: AmmKeeper, ctx: Context, sender: Uint8Array, args: CreatePoolArgs): CreatePoolResult {
  validatePoolSpec(args);
  const params = keeper.params(ctx);
  if (args.swapFee > params.maxSwapFee) {
    throw ErrInvalidSwapFee.wrap(`swap fee ${decToString(args.swapFee)} is above the maximum ${decToString(params.maxSwapFee)}`);
  }
  const [c0, c1] = [...args.deposit].sort((a, b) => (a.denom < b.denom ? -1 : 1)) as [Coin, Coin];
  const curve = curveOf({ curve: args.curve as CurveName, amplification: args.amplification });
  const shares = curve.initialShares(c0.amount, c1.amount);
  if (shares <= MINIMUM_LIQUIDITY) {
    throw ErrInsufficientLiquidity.wrap(`the deposit is worth ${shares} shares; more than ${MINIMUM_LIQUIDITY} are needed, as ${MINIMUM_LIQUIDITY} are locked forever`);
  }
  if (params.poolCreationFee.length > 0) keeper.bank.sendCoinsFromAccountToModule(ctx, sender, FEE_COLLECTOR_NAME, params.poolCreationFee);
  keeper.bank.sendCoinsFromAccountToModule(ctx, sender, MODULE_ACCOUNT, [c0, c1]);

  const id = keeper.nextPoolId(ctx);
  keeper.setNextPoolId(ctx, id + 1n);
  const denom = shareDenom(id);
  // All shares are minted to the module account; the locked minimum simply never leaves it.
  keeper.bank.mintCoins(ctx, MODULE_ACCOUNT, [{ denom, amount: shares }]);
  const received: Coin = { denom, amount: shares - MINIMUM_LIQUIDITY };
  keeper.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, sender, [received]);

  const fresh: PoolState = {
    id,
    curve: args.curve as CurveName,
    amplification: args.amplification,
    swapFee: args.swapFee,
    denoms: [c0.denom, c1.denom],
    reserves: [c0.amount, c1.amount],
    totalShares: shares,
    twap: { cumulative: [0n, 0n], lastTime: 0n, lastHeight: 0n },
  };
  const pool = startAccumulator(keeper, ctx, fresh);
  keeper.setPool(ctx, pool);
  emitPoolCreated(ctx, keeper, sender, pool, params.poolCreationFee, received);
  return { poolId: id, shares: received };
}

export function addLiquidity(keeper: AmmKeeper, ctx: Context, sender: Uint8Array, poolId: bigint, maxAmounts: Coins, minShares: bigint): AddLiquidityResult {
  const pool = accumulate(keeper, ctx, keeper.pool(ctx, poolId));
  const max = pool.denoms.map((denom) => amountOf(maxAmounts, denom)) as [bigint, bigint];
  const stray = maxAmounts.find((c) => c.denom !== pool.denoms[0] && c.denom !== pool.denoms[1]);
  if (stray !== undefined) throw ErrInvalidDeposit.wrap(`pool ${poolId} holds ${pool.denoms.join(' and ')}, not ${stray.denom}`);
  if (max[0] <= 0n || max[1] <= 0n) throw ErrZeroAmount.wrap(`deposit both ${pool.denoms.join(' and ')}, in the ratio ${pool.reserves[0]}:${pool.reserves[1]}`);

  const shares = minBig((max[0] * pool.totalShares) / pool.reserves[0], (max[1] * pool.totalShares) / pool.reserves[1]);
  if (shares === 0n) throw ErrInsufficientLiquidity.wrap(`${coinsToString(maxAmounts)} is not enough for one share of pool ${poolId}`);
  if (shares < minShares) throw ErrSlippage.wrap(`the deposit would mint ${shares} shares, less than the minimum ${minShares}`);
  const taken = [divCeil(shares * pool.reserves[0], pool.totalShares), divCeil(shares * pool.reserves[1], pool.totalShares)] as const;
  const amounts: Coins = [
    { denom: pool.denoms[0], amount: taken[0] },
    { denom: pool.denoms[1], amount: taken[1] },
  ];
  keeper.bank.sendCoinsFromAccountToModule(ctx, sender, MODULE_ACCOUNT, amounts);
  const minted: Coin = { denom: shareDenom(poolId), amount: shares };
  keeper.bank.mintCoins(ctx, MODULE_ACCOUNT, [minted]);
  keeper.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, sender, [minted]);
  keeper.setPool(ctx, withReserves(pool, [pool.reserves[0] + taken[0], pool.reserves[1] + taken[1]], pool.totalShares + shares));
  emitPoolJoined(ctx, keeper, sender, poolId, amounts, minted);
  return { shares: minted, amounts };
}

export function removeLiquidity(keeper: AmmKeeper, ctx: Context, sender: Uint8Array, poolId: bigint, shares: bigint, minAmounts: Coins): Coins {
  if (shares <= 0n) throw ErrZeroAmount.wrap(`shares to withdraw must be positive, got ${shares}`);
  const pool = accumulate(keeper, ctx, keeper.pool(ctx, poolId));
  const stray = minAmounts.find((c) => c.denom !== pool.denoms[0] && c.denom !== pool.denoms[1]);
  if (stray !== undefined) throw ErrInvalidDeposit.wrap(`pool ${poolId} holds ${pool.denoms.join(' and ')}, not ${stray.denom}`);
  // Only the locked minimum can never be withdrawn; the bank refuses anyone holding fewer shares.
  if (shares > pool.totalShares - MINIMUM_LIQUIDITY) {
    throw ErrInsufficientLiquidity.wrap(`pool ${poolId} has ${pool.totalShares - MINIMUM_LIQUIDITY} withdrawable shares, not ${shares}`);
  }
  const out = [(shares * pool.reserves[0]) / pool.totalShares, (shares * pool.reserves[1]) / pool.totalShares] as const;
  if (out[0] === 0n && out[1] === 0n) throw ErrZeroAmount.wrap(`${shares} shares of pool ${poolId} are worth less than one unit of either reserve`);
  const amounts: Coin[] = [];
  for (const side of [0, 1] as const) {
    const coin = { denom: pool.denoms[side], amount: out[side] };
    const min = amountOf(minAmounts, coin.denom);
    if (coin.amount < min) throw ErrSlippage.wrap(`withdrawal would return ${coinToString(coin)}, less than the minimum ${min}${coin.denom}`);
    if (coin.amount > 0n) amounts.push(coin);
  }
  const burned: Coin = { denom: shareDenom(poolId), amount: shares };
  keeper.bank.sendCoinsFromAccountToModule(ctx, sender, MODULE_ACCOUNT, [burned]);
  keeper.bank.burnCoins(ctx, MODULE_ACCOUNT, [burned]);
  keeper.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, sender, amounts);
  keeper.setPool(ctx, withReserves(pool, [pool.reserves[0] - out[0], pool.reserves[1] - out[1]], pool.totalShares - shares));
  emitPoolExited(ctx, keeper, sender, poolId, amounts, burned);
  return amounts;
}
