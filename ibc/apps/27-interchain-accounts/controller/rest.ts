// The controller's gRPC-gateway paths (ibc-go v8's controller/v1/query.proto `google.api.http`),
// and its messages and responses for tx JSON.
import {
  QueryInterchainAccountRequest,
  QueryInterchainAccountResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/query';
import {
  MsgRegisterInterchainAccount,
  MsgRegisterInterchainAccountResponse,
  MsgSendTx,
  MsgSendTxResponse,
} from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/tx';
import { z } from 'zod';
import type { RestRoutes } from '../../../../app/rest/index.js';
import { QUERY_SERVICE } from './keys.js';

const BASE = '/ibc/apps/interchain_accounts/controller/v1';

export function controllerRest(routes: RestRoutes): void {
  routes.types
    .register(MsgRegisterInterchainAccount.typeUrl, MsgRegisterInterchainAccount)
    .register(MsgRegisterInterchainAccountResponse.typeUrl, MsgRegisterInterchainAccountResponse)
    .register(MsgSendTx.typeUrl, MsgSendTx)
    .register(MsgSendTxResponse.typeUrl, MsgSendTxResponse);

  routes.gateway(`${BASE}/owners/:owner/connections/:connection_id`, {
    summary: "The interchain account address of an owner on a connection (the host's address, as its handshake answered)",
    params: z.object({ owner: z.string(), connection_id: z.string() }),
    method: `${QUERY_SERVICE}/InterchainAccount`,
    request: ({ params }) => QueryInterchainAccountRequest.encode({ owner: params.owner, connectionId: params.connection_id }).finish(),
    response: QueryInterchainAccountResponse,
  });
  routes.gateway(`${BASE}/params`, {
    summary: 'The interchain accounts controller params: whether the controller is enabled',
    method: `${QUERY_SERVICE}/Params`,
    request: () => QueryParamsRequest.encode({}).finish(),
    response: QueryParamsResponse,
  });
}
