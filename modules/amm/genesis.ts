// AMM genesis, in the JSON the SDK would write for zonekit.amm.v1.GenesisState:
//   { "params": {...}, "pools": [{ "id": "1", "curve": "constant_product", ... }], "next_pool_id": "2" }
// The coins behind the pools (the `amm` module account's balances, the LP share supply) are
// bank genesis; the module's invariants check that the two agree. TWAP history starts afresh.
import { z } from 'zod';
import { coinFromProto } from '../../app/coins.js';
import { decToString, parseDec } from '../../app/dec.js';
import type { ModuleGenesis } from '../../app/module.js';
import { CURVE_NAMES, type CurveName } from './curve.js';
import type { AmmKeeper } from './keeper.js';
import { shareDenom } from './keys.js';
import { validatePoolSpec } from './liquidity.js';
import { DEFAULT_AMM_PARAMS, ParamsJson, paramsFromJson, paramsToJson, type AmmParams } from './params.js';
import type { PoolState } from './pool.js';

const uint = z.string().regex(/^[0-9]+$/, 'must be an unsigned integer');
const int = z.string().regex(/^-?[0-9]+$/, 'must be an integer');
const coin = z.object({ denom: z.string(), amount: uint });

const PoolJson = z.object({
  id: uint,
  curve: z.enum(CURVE_NAMES as [CurveName, ...CurveName[]]),
  amplification: uint.default('0'),
  swap_fee: z.string(),
  reserves: z.array(coin).length(2),
  total_shares: coin,
  twap: z
    .object({ price0_cumulative: uint.default('0'), price1_cumulative: uint.default('0'), last_time: int.default('0'), last_height: int.default('0') })
    .default({ price0_cumulative: '0', price1_cumulative: '0', last_time: '0', last_height: '0' }),
});

const GenesisJson = z.object({
  params: ParamsJson.default(paramsToJson(DEFAULT_AMM_PARAMS) as z.output<typeof ParamsJson>),
  pools: z.array(PoolJson).default([]),
  next_pool_id: uint.default('1'),
});

export interface AmmGenesis {
  params: AmmParams;
  pools: PoolState[];
  nextPoolId: bigint;
}

function poolFromJson(json: z.output<typeof PoolJson>): PoolState {
  const id = BigInt(json.id);
  const [a, b] = json.reserves.map(coinFromProto) as [ReturnType<typeof coinFromProto>, ReturnType<typeof coinFromProto>];
  const pool: PoolState = {
    id,
    curve: json.curve,
    amplification: BigInt(json.amplification),
    swapFee: parseDec(json.swap_fee),
    denoms: [a.denom, b.denom],
    reserves: [a.amount, b.amount],
    totalShares: BigInt(json.total_shares.amount),
    twap: {
      cumulative: [BigInt(json.twap.price0_cumulative), BigInt(json.twap.price1_cumulative)],
      lastTime: BigInt(json.twap.last_time),
      lastHeight: BigInt(json.twap.last_height),
    },
  };
  validatePoolSpec({ curve: pool.curve, amplification: pool.amplification, swapFee: pool.swapFee, deposit: [a, b] });
  if (id === 0n) throw new Error('pool ids start at 1');
  if (a.denom >= b.denom) throw new Error(`pool ${id}: reserves must be sorted by denom`);
  if (json.total_shares.denom !== shareDenom(id)) throw new Error(`pool ${id}: total_shares must be in ${shareDenom(id)}`);
  return pool;
}

function poolToJson(pool: PoolState): z.input<typeof PoolJson> {
  return {
    id: pool.id.toString(),
    curve: pool.curve,
    amplification: pool.amplification.toString(),
    swap_fee: decToString(pool.swapFee),
    reserves: pool.denoms.map((denom, i) => ({ denom, amount: pool.reserves[i]!.toString() })),
    total_shares: { denom: shareDenom(pool.id), amount: pool.totalShares.toString() },
    twap: {
      price0_cumulative: pool.twap.cumulative[0].toString(),
      price1_cumulative: pool.twap.cumulative[1].toString(),
      last_time: pool.twap.lastTime.toString(),
      last_height: pool.twap.lastHeight.toString(),
    },
  };
}

export function ammGenesis(keeper: AmmKeeper): ModuleGenesis<AmmGenesis> {
  return {
    defaults: () => ({ params: paramsToJson(DEFAULT_AMM_PARAMS), pools: [], next_pool_id: '1' }),
    validate(json) {
      const parsed = GenesisJson.parse(json ?? {});
      const pools = parsed.pools.map(poolFromJson);
      const nextPoolId = BigInt(parsed.next_pool_id);
      const ids = new Set<bigint>();
      for (const pool of pools) {
        if (ids.has(pool.id)) throw new Error(`pool ${pool.id} appears twice`);
        if (pool.id >= nextPoolId) throw new Error(`pool ${pool.id} is not below next_pool_id ${nextPoolId}`);
        ids.add(pool.id);
      }
      return { params: paramsFromJson(parsed.params), pools, nextPoolId: nextPoolId === 0n ? 1n : nextPoolId };
    },
    init(ctx, state) {
      keeper.setParams(ctx, state.params);
      for (const pool of state.pools) keeper.setPool(ctx, pool);
      keeper.setNextPoolId(ctx, state.nextPoolId);
    },
    export: (ctx) => ({
      params: paramsToJson(keeper.params(ctx)),
      pools: [...keeper.iteratePools(ctx)].map(poolToJson),
      next_pool_id: keeper.nextPoolId(ctx).toString(),
    }),
  };
}
