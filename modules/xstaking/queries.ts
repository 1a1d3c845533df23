// The Query service (gRPC paths /zonekit.xstaking.v1.Query/...).
import type { QueryHandler } from '../../app/module.js';
import {
  QueryClosedChannelsResponse,
  QueryParamsResponse,
  QueryPositionsByChannelRequest,
  QueryPositionsByStakerRequest,
  QueryPositionsResponse,
  QueryTotalsResponse,
  QueryUnbondingsRequest,
  QueryUnbondingsResponse,
} from '../../gen/zonekit/xstaking/v1/query.js';
import type { XStakingKeeper } from './keeper.js';
import { queryPath } from './schema.js';

export function xstakingQueries(keeper: XStakingKeeper): Record<string, QueryHandler> {
  return {
    [queryPath('Params')]: (ctx) => QueryParamsResponse.encode({ params: keeper.params(ctx) }).finish(),
    [queryPath('PositionsByStaker')]: (ctx, data) => {
      const { staker } = QueryPositionsByStakerRequest.decode(data);
      return QueryPositionsResponse.encode({ positions: [...keeper.store.positions(ctx)].filter((p) => p.staker === staker) }).finish();
    },
    [queryPath('PositionsByChannel')]: (ctx, data) => {
      const { channel } = QueryPositionsByChannelRequest.decode(data);
      return QueryPositionsResponse.encode({ positions: [...keeper.store.positions(ctx, channel)] }).finish();
    },
    [queryPath('Totals')]: (ctx) =>
      QueryTotalsResponse.encode({
        escrows: [...keeper.store.escrows(ctx)].map((e) => ({ channel: e.channel, amount: e.amount.toString() })),
        curve: keeper.store.curve(ctx),
        xstakedBar: keeper.store.xstakedBar(ctx).toString(),
      }).finish(),
    [queryPath('Unbondings')]: (ctx, data) => {
      const { staker } = QueryUnbondingsRequest.decode(data);
      return QueryUnbondingsResponse.encode({ unbondings: keeper.unbondingsOf(ctx, staker) }).finish();
    },
    [queryPath('ClosedChannels')]: (ctx) => QueryClosedChannelsResponse.encode({ channels: keeper.closure.closedChannels(ctx) }).finish(),
  };
}
