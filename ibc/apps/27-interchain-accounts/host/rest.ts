// The host's gRPC-gateway path (ibc-go v8's host/v1/query.proto `google.api.http`).
import { QueryParamsRequest, QueryParamsResponse } from 'cosmjs-types/ibc/applications/interchain_accounts/host/v1/query';
import type { RestRoutes } from '../../../../app/rest/index.js';
import { QUERY_SERVICE } from './keys.js';

export function hostRest(routes: RestRoutes): void {
  routes.gateway('/ibc/apps/interchain_accounts/host/v1/params', {
    summary: 'The interchain accounts host params: whether the host is enabled, and the message types interchain accounts may execute',
    method: `${QUERY_SERVICE}/Params`,
    request: () => QueryParamsRequest.encode({}).finish(),
    response: QueryParamsResponse,
  });
}
