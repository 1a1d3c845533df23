// cosmos.base.tendermint.v1beta1.Service over REST: node info, sync state, blocks and
// validator sets, from the CometBFT node (see app/services/tendermint.ts).
import {
  GetBlockByHeightResponse,
  GetLatestBlockResponse,
  GetLatestValidatorSetResponse,
  GetNodeInfoResponse,
  GetValidatorSetByHeightResponse,
} from 'cosmjs-types/cosmos/base/tendermint/v1beta1/query';
import { z } from 'zod';
import type { TendermintService } from '../services/tendermint.js';
import { pageRequest, paginationQuery, uint64Param } from './params.js';
import type { RestRoutes } from './routes.js';

export function tendermintRoutes(routes: RestRoutes, service: TendermintService): void {
  const prefix = '/cosmos/base/tendermint/v1beta1';
  const heightParams = z.object({ height: uint64Param('height') });

  routes.get(`${prefix}/node_info`, { summary: "The CometBFT node's identity and the app's version" }, async () =>
    routes.types.toJson(GetNodeInfoResponse, await service.nodeInfo()),
  );
  routes.get(`${prefix}/syncing`, { summary: 'Whether the node is still catching up' }, async () => ({ syncing: (await service.syncing()).syncing }));
  routes.get(`${prefix}/blocks/latest`, { summary: 'The latest committed block' }, async () =>
    routes.types.toJson(GetLatestBlockResponse, await service.latestBlock()),
  );
  routes.get(`${prefix}/blocks/:height`, { summary: 'The committed block at a height', params: heightParams }, async ({ params }) =>
    routes.types.toJson(GetBlockByHeightResponse, await service.blockByHeight(params.height)),
  );
  routes.get(`${prefix}/validatorsets/latest`, { summary: 'The latest validator set (consensus addresses, keys, voting power)', query: paginationQuery }, async ({ query }) =>
    routes.types.toJson(GetLatestValidatorSetResponse, await service.validatorSet(undefined, pageRequest(query))),
  );
  routes.get(`${prefix}/validatorsets/:height`, { summary: 'The validator set at a height', params: heightParams, query: paginationQuery }, async ({ params, query }) =>
    routes.types.toJson(GetValidatorSetByHeightResponse, await service.validatorSet(params.height, pageRequest(query))),
  );
}
