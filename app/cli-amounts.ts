// Amount arguments of module commands in one syntax: a coin is `<amount><denom>` (`1000uatom`,
// `5000amm/pool/1`). Where a command already knows the denom, a bare number is still read as
// an amount of it (unambiguous, and what earlier versions took); where it does not, a bare
// number is refused with the expected form and an example.
import type { CliContext } from './cli-types.js';
import type { CoinProto } from './coins.js';

const BARE = /^[0-9]+$/;

/** One coin, `<amount><denom>`; `example` shows the form in the error (`1000uatom`). */
export function coinArg(ctx: Pick<CliContext, 'coins'>, text: string | undefined, name: string, example = '1000uatom'): CoinProto {
  const expected = `<${name}> must be one amount with its denom, like ${example}; got ${JSON.stringify(text ?? '')}`;
  if (text === undefined || BARE.test(text)) throw new Error(expected);
  let coins: CoinProto[];
  try {
    coins = ctx.coins(text);
  } catch {
    throw new Error(expected);
  }
  if (coins.length !== 1) throw new Error(expected);
  return coins[0]!;
}

/** An amount of a denom the command knows: `5000amm/pool/1`, or a bare `5000`. */
export function amountOf(ctx: Pick<CliContext, 'coins'>, text: string | undefined, name: string, denom: string): bigint {
  if (text !== undefined && BARE.test(text)) return BigInt(text);
  const coin = coinArg(ctx, text, name, `1000${denom}`);
  if (coin.denom !== denom) throw new Error(`<${name}> must be an amount of ${denom}, like 1000${denom}; got ${JSON.stringify(text)}`);
  return BigInt(coin.amount);
}
