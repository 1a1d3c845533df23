// cosmos.base.tendermint.v1beta1.Service over REST, answered from the CometBFT node's RPC
// (what the SDK's node does too): node info, sync state and blocks.
import { GetBlockByHeightResponse, GetLatestBlockResponse, GetNodeInfoResponse } from 'cosmjs-types/cosmos/base/tendermint/v1beta1/query';
import { z } from 'zod';
import type { AppDefinition } from '../app.js';
import { blocksFromComet, type CometBlockResult } from './comet-block.js';
import { CometRpc, CometRpcError } from './comet-rpc.js';
import { uint64Param } from './params.js';
import type { RestRoutes } from './routes.js';
import { invalidArgument } from './status.js';

interface CometStatus {
  node_info: {
    protocol_version: { p2p: string; block: string; app: string };
    id: string;
    listen_addr: string;
    network: string;
    version: string;
    channels: string;
    moniker: string;
    other: { tx_index: string; rpc_address: string };
  };
  sync_info: { latest_block_height: string; catching_up: boolean };
}

// Explorers choose their queries by the SDK version a node reports; zonekit answers the
// v0.50 paths and shapes.
export const REPORTED_SDK_VERSION = 'v0.50.0';

export function tendermintRoutes(routes: RestRoutes, comet: CometRpc, app: Pick<AppDefinition, 'name' | 'version' | 'bech32Prefix'>): void {
  const valcons = `${app.bech32Prefix}valcons`;
  const prefix = '/cosmos/base/tendermint/v1beta1';

  routes.get(`${prefix}/node_info`, { summary: "The CometBFT node's identity and the app's version" }, async () => {
    const { node_info: n } = await comet.call<CometStatus>('status');
    const response = GetNodeInfoResponse.fromPartial({
      defaultNodeInfo: {
        protocolVersion: { p2p: BigInt(n.protocol_version.p2p), block: BigInt(n.protocol_version.block), app: BigInt(n.protocol_version.app) },
        defaultNodeId: n.id,
        listenAddr: n.listen_addr,
        network: n.network,
        version: n.version,
        channels: new Uint8Array(Buffer.from(n.channels, 'hex')),
        moniker: n.moniker,
        other: { txIndex: n.other.tx_index, rpcAddress: n.other.rpc_address },
      },
      applicationVersion: {
        name: app.name,
        appName: app.name,
        version: app.version,
        goVersion: `node ${process.version}`,
        cosmosSdkVersion: REPORTED_SDK_VERSION,
      },
    });
    return routes.types.toJson(GetNodeInfoResponse, response);
  });

  routes.get(`${prefix}/syncing`, { summary: 'Whether the node is still catching up' }, async () => {
    const { sync_info } = await comet.call<CometStatus>('status');
    return { syncing: sync_info.catching_up };
  });

  routes.get(`${prefix}/blocks/latest`, { summary: 'The latest committed block' }, async () => {
    const result = await comet.call<CometBlockResult>('block');
    return routes.types.toJson(GetLatestBlockResponse, GetLatestBlockResponse.fromPartial(blocksFromComet(result, valcons)));
  });

  const heightParams = z.object({ height: uint64Param('height') });
  routes.get(`${prefix}/blocks/:height`, { summary: 'The committed block at a height', params: heightParams }, async ({ params }) => {
    const { sync_info } = await comet.call<CometStatus>('status');
    // The SDK's wording, typo included: clients match on it.
    if (params.height > BigInt(sync_info.latest_block_height)) throw invalidArgument('requested block height is bigger then the chain length');
    let result: CometBlockResult;
    try {
      result = await comet.call<CometBlockResult>('block', { height: params.height.toString() });
    } catch (err) {
      // Below the node's earliest kept block (pruned, or state-synced from a snapshot).
      if (err instanceof CometRpcError) throw invalidArgument(`${err.rpcMessage}: ${err.data}`);
      throw err;
    }
    return routes.types.toJson(GetBlockByHeightResponse, GetBlockByHeightResponse.fromPartial(blocksFromComet(result, valcons)));
  });
}
