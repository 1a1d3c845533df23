// Uniswap v2's x·y = k. The fee stays in the pool, so k grows with every swap.
import { DEC_ONE } from '../../app/dec.js';
import { CURVE_CONSTANT_PRODUCT, feeFactor, type Curve, type Reserves } from './curve.js';
import { divCeil, isqrt, isqrtCeil, type Ratio } from './math.js';

export const constantProduct: Curve = {
  name: CURVE_CONSTANT_PRODUCT,

  initialShares: (x, y) => isqrt(x * y),

  invariant: (x, y) => x * y,

  holds: (before: Reserves, after: Reserves) => after[0] * after[1] >= before[0] * before[1],

  keepsInvariantOf(before: Reserves) {
    const k = before[0] * before[1];
    return (after: Reserves, scale = 1n) => after[0] * after[1] >= k * scale * scale;
  },

  outGivenIn(reserveIn, reserveOut, amountIn, fee) {
    if (amountIn <= 0n) return 0n;
    // out = in·γ·y / (x + in·γ), in one exact fraction so only the final floor rounds.
    const inTimesGamma = amountIn * feeFactor(fee);
    return (inTimesGamma * reserveOut) / (reserveIn * DEC_ONE + inTimesGamma);
  },

  inGivenOut(reserveIn, reserveOut, amountOut, fee) {
    return divCeil(reserveIn * amountOut * DEC_ONE, (reserveOut - amountOut) * feeFactor(fee));
  },

  spotPrice: (x, y): Ratio => ({ num: y, den: x }),

  // Along x·y = k the marginal price is k/x², so x* = √(k / price), rounded up.
  reserveAtPrice(x, y, price) {
    const xStar = isqrtCeil(divCeil(x * y * price.den, price.num));
    return xStar > x ? x : xStar < 1n ? 1n : xStar;
  },

  pairedReserve: (x, y, newX) => (x * y) / newX,
};

