// ibc.applications.interchain_accounts.host.v1.Query as ibc-go v8 serves it.
import { QueryParamsResponse } from 'cosmjs-types/ibc/applications/interchain_accounts/host/v1/query';
import type { QueryHandler } from '../../../../app/module.js';
import type { HostKeeper } from './keeper.js';
import { QUERY_SERVICE } from './keys.js';

export function hostQueries(keeper: HostKeeper): Record<string, QueryHandler> {
  return {
    [`${QUERY_SERVICE}/Params`]: (ctx) => QueryParamsResponse.encode({ params: keeper.getParams(ctx) }).finish(),
  };
}
