// xstaking genesis in the SDK's JSON for zonekit.xstaking.v1.GenesisState (read and written
// through its descriptor): { "params": { "role": "ROLE_CONSUMER", ... }, "positions": [...], ... }.
// The hub's escrowed coins are the `xstaking` module account's bank balance, the consumer's
// BAR delegations staking genesis.
import type { ModuleGenesis } from '../../app/module.js';
import { messageFromJson, messageToJson } from '../../app/proto/json.js';
import { GenesisState } from '../../gen/zonekit/xstaking/v1/genesis.js';
import { Params } from '../../gen/zonekit/xstaking/v1/xstaking.js';
import type { XStakingKeeper } from './keeper.js';
import { DEFAULT_PARAMS, validateParams } from './params.js';
import { schema } from './schema.js';

const noAnys = {
  anyToJson: () => {
    throw new Error('xstaking genesis holds no Any');
  },
  anyFromJson: () => {
    throw new Error('xstaking genesis holds no Any');
  },
};

const desc = () => schema.message(GenesisState.$type);

export function xstakingGenesis(keeper: XStakingKeeper): ModuleGenesis<GenesisState> {
  return {
    defaults: () => messageToJson(schema, desc(), GenesisState.fromPartial({ params: DEFAULT_PARAMS, nextUnbondingId: 1n }) as unknown as Record<string, unknown>, noAnys),
    validate(json) {
      const state = GenesisState.fromPartial(messageFromJson(schema, desc(), json ?? {}, noAnys));
      // Params left out of the JSON keep their defaults (fromPartial alone would zero them).
      const given = ((json ?? {}) as { params?: Record<string, unknown> }).params ?? {};
      const params = Params.fromPartial({ ...DEFAULT_PARAMS, ...(messageFromJson(schema, schema.message(Params.$type), given, noAnys) as Partial<Params>) });
      validateParams(params);
      return { ...state, params };
    },
    init(ctx, state) {
      keeper.store.setParams(ctx, state.params!);
      for (const p of state.positions) keeper.store.setPosition(ctx, p);
      for (const u of state.unbondings) keeper.store.setUnbonding(ctx, u);
      if (state.curve) keeper.store.setCurve(ctx, state.curve);
      for (const e of state.escrows) keeper.store.setEscrow(ctx, e.channel, BigInt(e.amount));
      if (state.nextUnbondingId > 0n) keeper.store.setNextUnbondingId(ctx, state.nextUnbondingId);
      // The hub's unstakes waiting for an ack (completion time 0) answer to their packet's sequence.
      for (const u of state.unbondings) if (u.completionTime === 0n) keeper.store.setInFlight(ctx, u.channel, u.sequence, u.id);
      for (const c of state.closedChannels) keeper.closure.setClosedChannel(ctx, c);
      for (const s of state.pendingStakes) keeper.closure.setPendingStake(ctx, s);
    },
    export: (ctx) =>
      messageToJson(
        schema,
        desc(),
        GenesisState.fromPartial({
          params: keeper.params(ctx),
          positions: [...keeper.store.positions(ctx)],
          unbondings: keeper.store.unbondings(ctx),
          curve: keeper.store.curve(ctx),
          escrows: [...keeper.store.escrows(ctx)].map((e) => ({ channel: e.channel, amount: e.amount.toString() })),
          nextUnbondingId: keeper.store.peekNextUnbondingId(ctx),
          closedChannels: keeper.closure.closedChannels(ctx),
          pendingStakes: keeper.closure.pendingStakes(ctx),
        }) as unknown as Record<string, unknown>,
        noAnys,
      ),
  };
}
