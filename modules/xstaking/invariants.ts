// What must always hold. Hub: the `xstaking` module account holds exactly the channels'
// escrows of the stake denom. Consumer: the BAR x-staked in total is the positions' BAR, and
// the PHOTON credited to the curve backs its supply (so every sale the hub is asked to pay is
// covered by escrow it holds).
import type { Invariant } from '../../app/module.js';
import { Role } from '../../gen/zonekit/xstaking/v1/xstaking.js';
import { reserveFor } from './curve.js';
import type { XStakingKeeper } from './keeper.js';
import { curveOf } from './params.js';

export function xstakingInvariants(keeper: XStakingKeeper): Record<string, Invariant> {
  return {
    escrow: (ctx) => {
      const p = keeper.params(ctx);
      if (p.role !== Role.ROLE_HUB) return undefined;
      let escrowed = 0n;
      for (const e of keeper.store.escrows(ctx)) escrowed += e.amount;
      const held = keeper.moduleBalance(ctx, p.stakeDenom);
      return held === escrowed ? undefined : `the xstaking module account holds ${held}${p.stakeDenom}, the channels escrow ${escrowed}`;
    },
    'xstaked-bar': (ctx) => {
      if (keeper.params(ctx).role !== Role.ROLE_CONSUMER) return undefined;
      let bar = 0n;
      for (const position of keeper.store.positions(ctx)) bar += BigInt(position.bar);
      const total = keeper.store.xstakedBar(ctx);
      return bar === total ? undefined : `positions hold ${bar} BAR, the x-staked total is ${total}`;
    },
    'curve-backing': (ctx) => {
      const p = keeper.params(ctx);
      const curve = keeper.store.curve(ctx);
      if (p.role !== Role.ROLE_CONSUMER || curve === undefined) return undefined;
      const needed = reserveFor(curveOf(p), BigInt(curve.supply));
      return BigInt(curve.reserve) >= needed ? undefined : `the curve holds ${curve.reserve}, its supply ${curve.supply} needs ${needed}`;
    },
  };
}
