// ibc.applications.interchain_accounts.controller.v1.Query as ibc-go v8 serves it, with its
// gRPC status wording.
import {
  QueryInterchainAccountRequest,
  QueryInterchainAccountResponse,
  QueryParamsResponse,
} from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/query';
import { CodedError } from '../../../../app/errors.js';
import { grpcInvalidArgument, grpcNotFound } from '../../../../app/grpc.js';
import type { QueryHandler } from '../../../../app/module.js';
import { controllerPortId } from '../types/keys.js';
import type { ControllerKeeper } from './keeper.js';
import { QUERY_SERVICE } from './keys.js';

export function controllerQueries(keeper: ControllerKeeper): Record<string, QueryHandler> {
  return {
    [`${QUERY_SERVICE}/InterchainAccount`]: (ctx, data) => {
      const { owner, connectionId } = QueryInterchainAccountRequest.decode(data);
      let portId: string;
      try {
        portId = controllerPortId(owner);
      } catch (err) {
        throw grpcInvalidArgument(`failed to generate portID from owner address: ${err instanceof CodedError ? err.message : String(err)}`);
      }
      const address = keeper.registry.getInterchainAccountAddress(ctx, connectionId, portId);
      if (address === undefined) throw grpcNotFound(`failed to retrieve account address for ${portId} on connection ${connectionId}`);
      return QueryInterchainAccountResponse.encode({ address }).finish();
    },
    [`${QUERY_SERVICE}/Params`]: (ctx) => QueryParamsResponse.encode({ params: keeper.getParams(ctx) }).finish(),
  };
}
