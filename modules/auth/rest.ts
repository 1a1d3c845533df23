// x/auth's gRPC-gateway paths: an account (404 when it does not exist, which Keplr reads as
// "a new account"), every account, the module accounts, the params and the bech32 prefix.
import {
  Bech32PrefixRequest,
  Bech32PrefixResponse,
  QueryAccountInfoRequest,
  QueryAccountInfoResponse,
  QueryAccountRequest,
  QueryAccountResponse,
  QueryAccountsRequest,
  QueryAccountsResponse,
  QueryModuleAccountByNameRequest,
  QueryModuleAccountByNameResponse,
  QueryModuleAccountsRequest,
  QueryModuleAccountsResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { InterchainAccount } from 'cosmjs-types/ibc/applications/interchain_accounts/v1/account';
import { z } from 'zod';
import { addressParam, pageRequest, paginationQuery, type RestRoutes } from '../../app/rest/index.js';
import { INTERCHAIN_ACCOUNT_TYPE_URL } from './account.js';

export function authRest(routes: RestRoutes): void {
  // Base and module accounts are in every registry; an interchain account is auth's too.
  routes.types.register(INTERCHAIN_ACCOUNT_TYPE_URL, InterchainAccount);
  routes.gateway('/cosmos/auth/v1beta1/accounts/:address', {
    summary: 'An account: its number, sequence and public key',
    params: z.object({ address: addressParam(routes.addressCodec) }),
    method: '/cosmos.auth.v1beta1.Query/Account',
    request: ({ params }) => QueryAccountRequest.encode({ address: params.address }).finish(),
    response: QueryAccountResponse,
  });
  routes.gateway('/cosmos/auth/v1beta1/account_info/:address', {
    summary: 'An account as a BaseAccount: its number, sequence and public key (404 when it does not exist)',
    params: z.object({ address: addressParam(routes.addressCodec) }),
    method: '/cosmos.auth.v1beta1.Query/AccountInfo',
    request: ({ params }) => QueryAccountInfoRequest.encode({ address: params.address }).finish(),
    response: QueryAccountInfoResponse,
  });
  routes.gateway('/cosmos/auth/v1beta1/accounts', {
    summary: 'Every account, in address order, paginated',
    query: paginationQuery,
    method: '/cosmos.auth.v1beta1.Query/Accounts',
    request: ({ query }) => QueryAccountsRequest.encode({ pagination: pageRequest(query) }).finish(),
    response: QueryAccountsResponse,
  });
  routes.gateway('/cosmos/auth/v1beta1/module_accounts', {
    summary: 'Every module account (fee collector, bonded pool, ...), by name',
    method: '/cosmos.auth.v1beta1.Query/ModuleAccounts',
    request: () => QueryModuleAccountsRequest.encode({}).finish(),
    response: QueryModuleAccountsResponse,
  });
  routes.gateway('/cosmos/auth/v1beta1/module_accounts/:name', {
    summary: "One module's account",
    params: z.object({ name: z.string() }),
    method: '/cosmos.auth.v1beta1.Query/ModuleAccountByName',
    request: ({ params }) => QueryModuleAccountByNameRequest.encode({ name: params.name }).finish(),
    response: QueryModuleAccountByNameResponse,
  });
  routes.gateway('/cosmos/auth/v1beta1/bech32', {
    summary: "The chain's bech32 prefix for account addresses",
    method: '/cosmos.auth.v1beta1.Query/Bech32Prefix',
    request: () => Bech32PrefixRequest.encode({}).finish(),
    response: Bech32PrefixResponse,
  });
  routes.gateway('/cosmos/auth/v1beta1/params', {
    summary: 'The auth params (memo and signature limits, signature gas costs)',
    method: '/cosmos.auth.v1beta1.Query/Params',
    request: () => QueryParamsRequest.encode({}).finish(),
    response: QueryParamsResponse,
  });
}
