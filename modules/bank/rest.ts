// x/bank's gRPC-gateway paths: balances and spendable balances (paginated), supply, params and
// denom metadata.
import { MsgMultiSend, MsgMultiSendResponse, MsgSend, MsgSendResponse } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import {
  QueryAllBalancesRequest,
  QueryAllBalancesResponse,
  QueryBalanceRequest,
  QueryBalanceResponse,
  QueryDenomMetadataByQueryStringRequest,
  QueryDenomMetadataByQueryStringResponse,
  QueryDenomMetadataRequest,
  QueryDenomMetadataResponse,
  QueryDenomOwnersRequest,
  QueryDenomOwnersResponse,
  QueryDenomsMetadataRequest,
  QueryDenomsMetadataResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  QuerySendEnabledRequest,
  QuerySendEnabledResponse,
  QuerySpendableBalanceByDenomRequest,
  QuerySpendableBalanceByDenomResponse,
  QuerySpendableBalancesRequest,
  QuerySpendableBalancesResponse,
  QuerySupplyOfRequest,
  QuerySupplyOfResponse,
  QueryTotalSupplyRequest,
  QueryTotalSupplyResponse,
} from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { z } from 'zod';
import { addressParam, pageRequest, paginationQuery, type RestRoutes } from '../../app/rest/index.js';

// An empty denom is passed on, so the query's own check words the error (`invalid denom: `).
const denomQuery = z.object({ denom: z.string().default('') });

export function bankRest(routes: RestRoutes): void {
  routes.types
    .register(MsgSend.typeUrl, MsgSend)
    .register(MsgMultiSend.typeUrl, MsgMultiSend)
    .register(MsgSendResponse.typeUrl, MsgSendResponse)
    .register(MsgMultiSendResponse.typeUrl, MsgMultiSendResponse);
  const account = z.object({ address: addressParam(routes.addressCodec) });

  routes.gateway('/cosmos/bank/v1beta1/balances/:address', {
    summary: "An account's balances, one coin per denom, in denom order",
    params: account,
    query: paginationQuery,
    method: '/cosmos.bank.v1beta1.Query/AllBalances',
    request: ({ params, query }) => QueryAllBalancesRequest.encode({ address: params.address, pagination: pageRequest(query), resolveDenom: false }).finish(),
    response: QueryAllBalancesResponse,
  });
  routes.gateway('/cosmos/bank/v1beta1/balances/:address/by_denom', {
    summary: "An account's balance of one denom (0 when it has none)",
    params: account,
    query: denomQuery,
    method: '/cosmos.bank.v1beta1.Query/Balance',
    request: ({ params, query }) => QueryBalanceRequest.encode({ address: params.address, denom: query.denom }).finish(),
    response: QueryBalanceResponse,
  });
  routes.gateway('/cosmos/bank/v1beta1/spendable_balances/:address', {
    summary: "An account's balances that it may spend now (all of them: zonekit has no vesting or locks)",
    params: account,
    query: paginationQuery,
    method: '/cosmos.bank.v1beta1.Query/SpendableBalances',
    request: ({ params, query }) => QuerySpendableBalancesRequest.encode({ address: params.address, pagination: pageRequest(query) }).finish(),
    response: QuerySpendableBalancesResponse,
  });
  routes.gateway('/cosmos/bank/v1beta1/spendable_balances/:address/by_denom', {
    summary: "An account's spendable balance of one denom",
    params: account,
    query: denomQuery,
    method: '/cosmos.bank.v1beta1.Query/SpendableBalanceByDenom',
    request: ({ params, query }) => QuerySpendableBalanceByDenomRequest.encode({ address: params.address, denom: query.denom }).finish(),
    response: QuerySpendableBalanceByDenomResponse,
  });
  routes.gateway('/cosmos/bank/v1beta1/supply', {
    summary: 'The total supply of every denom',
    query: paginationQuery,
    method: '/cosmos.bank.v1beta1.Query/TotalSupply',
    request: ({ query }) => QueryTotalSupplyRequest.encode({ pagination: pageRequest(query) }).finish(),
    response: QueryTotalSupplyResponse,
  });
  routes.gateway('/cosmos/bank/v1beta1/supply/by_denom', {
    summary: 'The total supply of one denom',
    query: denomQuery,
    method: '/cosmos.bank.v1beta1.Query/SupplyOf',
    request: ({ query }) => QuerySupplyOfRequest.encode({ denom: query.denom }).finish(),
    response: QuerySupplyOfResponse,
  });
  routes.gateway('/cosmos/bank/v1beta1/params', {
    summary: 'The bank params (which denoms may be sent)',
    method: '/cosmos.bank.v1beta1.Query/Params',
    request: () => QueryParamsRequest.encode({}).finish(),
    response: QueryParamsResponse,
  });
  routes.gateway('/cosmos/bank/v1beta1/denoms_metadata', {
    summary: 'Display metadata of every denom that has it',
    query: paginationQuery,
    method: '/cosmos.bank.v1beta1.Query/DenomsMetadata',
    request: ({ query }) => QueryDenomsMetadataRequest.encode({ pagination: pageRequest(query) }).finish(),
    response: QueryDenomsMetadataResponse,
  });
  // `{denom=**}` in the SDK: a denom may hold slashes (ibc/…, factory/…/…).
  routes.gateway('/cosmos/bank/v1beta1/denoms_metadata/*', {
    summary: "One denom's display metadata (the path may hold slashes: ibc/...)",
    params: z.object({ '*': z.string() }),
    method: '/cosmos.bank.v1beta1.Query/DenomMetadata',
    request: ({ params }) => QueryDenomMetadataRequest.encode({ denom: params['*'] }).finish(),
    response: QueryDenomMetadataResponse,
  });
  routes.gateway('/cosmos/bank/v1beta1/denoms_metadata_by_query_string', {
    summary: "One denom's display metadata, the denom in the query string",
    query: denomQuery,
    method: '/cosmos.bank.v1beta1.Query/DenomMetadataByQueryString',
    request: ({ query }) => QueryDenomMetadataByQueryStringRequest.encode({ denom: query.denom }).finish(),
    response: QueryDenomMetadataByQueryStringResponse,
  });
  // `{denom=**}` too: explorers list a denom's holders here.
  routes.gateway('/cosmos/bank/v1beta1/denom_owners/*', {
    summary: 'Every account holding a denom, with its balance (paginated; the path may hold slashes: ibc/...)',
    params: z.object({ '*': z.string() }),
    query: paginationQuery,
    method: '/cosmos.bank.v1beta1.Query/DenomOwners',
    request: ({ params, query }) => QueryDenomOwnersRequest.encode({ denom: params['*'], pagination: pageRequest(query) }).finish(),
    response: QueryDenomOwnersResponse,
  });
  routes.gateway('/cosmos/bank/v1beta1/denom_owners_by_query', {
    summary: 'Every account holding a denom, the denom in the query string',
    query: paginationQuery.extend({ denom: z.string().default('') }),
    method: '/cosmos.bank.v1beta1.Query/DenomOwners',
    request: ({ query }) => QueryDenomOwnersRequest.encode({ denom: query.denom, pagination: pageRequest(query) }).finish(),
    response: QueryDenomOwnersResponse,
  });
  routes.gateway('/cosmos/bank/v1beta1/send_enabled', {
    summary: 'Whether denoms may be sent: the ones in `denoms` (repeatable), else every denom with its own entry',
    query: paginationQuery.extend({
      denoms: z
        .union([z.string(), z.array(z.string())])
        .transform((v) => (Array.isArray(v) ? v : [v]))
        .default([]),
    }),
    method: '/cosmos.bank.v1beta1.Query/SendEnabled',
    request: ({ query }) => QuerySendEnabledRequest.encode({ denoms: query.denoms, pagination: pageRequest(query) }).finish(),
    response: QuerySendEnabledResponse,
  });
}
