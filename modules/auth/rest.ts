// x/auth's gRPC-gateway paths: an account (404 when it does not exist, which Keplr reads as
// "a new account") and the params.
import { QueryAccountRequest, QueryAccountResponse, QueryParamsRequest, QueryParamsResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { z } from 'zod';
import { addressParam, type RestRoutes } from '../../app/rest/index.js';

export function authRest(routes: RestRoutes): void {
  routes.gateway('/cosmos/auth/v1beta1/accounts/:address', {
    summary: 'An account: its number, sequence and public key',
    params: z.object({ address: addressParam(routes.addressCodec) }),
    method: '/cosmos.auth.v1beta1.Query/Account',
    request: ({ params }) => QueryAccountRequest.encode({ address: params.address }).finish(),
    response: QueryAccountResponse,
  });
  routes.gateway('/cosmos/auth/v1beta1/params', {
    summary: 'The auth params (memo and signature limits, signature gas costs)',
    method: '/cosmos.auth.v1beta1.Query/Params',
    request: () => QueryParamsRequest.encode({}).finish(),
    response: QueryParamsResponse,
  });
}
