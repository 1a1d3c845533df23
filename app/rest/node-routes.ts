// cosmos.base.node.v1beta1.Service over REST: the node's own settings (Keplr reads the minimum
// gas price here to suggest fees) and its status (explorers read the latest height and app hash).
import { ConfigResponse, StatusResponse } from 'cosmjs-types/cosmos/base/node/v1beta1/query';
import { decToString } from '../dec.js';
import { parseDecCoins } from '../coins.js';
import type { CometRpc } from './comet-rpc.js';
import type { RestRoutes } from './routes.js';

/** This node's app.toml settings that Config reports. */
export interface NodeConfig {
  /** "0.025uatom", as app.toml has it. */
  minGasPrices: string;
  pruningKeepRecent?: string;
  pruningInterval?: string;
}

interface CometStatus {
  sync_info: { earliest_block_height: string; latest_block_height: string; latest_block_time: string; latest_app_hash: string };
}

interface CometHeader {
  header: { next_validators_hash: string; app_hash: string; time: string; height: string };
}

export function nodeRoutes(routes: RestRoutes, comet: CometRpc, config: NodeConfig): void {
  const prefix = '/cosmos/base/node/v1beta1';
  // sdk.DecCoins.String(): 18 decimal places, as the SDK's Config answers.
  const minimumGasPrice = parseDecCoins(config.minGasPrices).map((c) => `${decToString(c.amount)}${c.denom}`).join(',');

  routes.get(`${prefix}/config`, { summary: "The node's minimum gas price and pruning settings (app.toml)" }, async () =>
    routes.types.toJson(
      ConfigResponse,
      ConfigResponse.fromPartial({ minimumGasPrice, pruningKeepRecent: config.pruningKeepRecent ?? '', pruningInterval: config.pruningInterval ?? '', haltHeight: 0n }),
    ),
  );
  routes.get(`${prefix}/status`, { summary: "The node's latest block: height, time, app hash and next validator set hash; its earliest kept height" }, async () => {
    const { sync_info: sync } = await comet.call<CometStatus>('status');
    const { header } = await comet.call<CometHeader>('header', { height: sync.latest_block_height });
    const millis = Date.parse(header.time);
    // RFC 3339 with nanoseconds: the fraction beyond milliseconds is kept in nanos.
    const nanos = Number((/\.(\d+)/.exec(header.time)?.[1] ?? '0').padEnd(9, '0').slice(0, 9));
    return routes.types.toJson(
      StatusResponse,
      StatusResponse.fromPartial({
        earliestStoreHeight: BigInt(sync.earliest_block_height),
        height: BigInt(header.height),
        timestamp: { seconds: BigInt(Math.floor(millis / 1000)), nanos },
        appHash: Buffer.from(header.app_hash, 'hex'),
        validatorHash: Buffer.from(header.next_validators_hash, 'hex'),
      }),
    );
  });
}
