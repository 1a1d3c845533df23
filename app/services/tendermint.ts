// cosmos.base.tendermint.v1beta1.Service, answered from the CometBFT node's RPC as the SDK's
// node does: node info, sync state, blocks and validator sets, as protobuf responses that the
// REST routes write as JSON and the gRPC server sends as they are.
import { toBech32 } from '@cosmjs/encoding';
import {
  GetBlockByHeightResponse,
  GetLatestBlockResponse,
  GetLatestValidatorSetResponse,
  GetNodeInfoResponse,
  GetSyncingResponse,
  type Validator,
} from 'cosmjs-types/cosmos/base/tendermint/v1beta1/query';
import type { PageRequest } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { PubKey as Secp256k1PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { AppDefinition } from '../app.js';
import { proposalHasVoteExtensions } from '../consensus-params.js';
import { DEFAULT_PAGE_LIMIT } from '../pagination.js';
import { blocksFromComet, type CometBlockResult } from '../rest/comet-block.js';
import { CometRpc, CometRpcError } from '../rest/comet-rpc.js';
import { invalidArgument } from '../rest/status.js';

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

interface CometValidators {
  block_height: string;
  validators: Array<{ address: string; pub_key: { type: string; value: string }; voting_power: string; proposer_priority: string }>;
  total: string;
}

// Explorers choose their queries by the SDK version a node reports; zonekit answers the
// v0.50 paths and shapes.
export const REPORTED_SDK_VERSION = 'v0.50.0';

/**
 * GetNodeInfo's `build_deps`: a Go node lists the modules compiled into it, and relayers read
 * the cosmos-sdk, ibc-go and CometBFT entries to decide whether they can work with a chain
 * (Hermes's health check warns, and picks its RPC dialect, by them). zonekit lists what it
 * matches on the wire: the SDK version above, the CometBFT node it runs behind, and each
 * module's Go counterpart.
 */
export function buildDeps(app: Pick<AppDefinition, 'modules'>, cometVersion: string): Array<{ path: string; version: string; sum: string }> {
  const deps = [
    { path: 'github.com/cosmos/cosmos-sdk', version: REPORTED_SDK_VERSION },
    { path: 'github.com/cometbft/cometbft', version: cometVersion.startsWith('v') ? cometVersion : `v${cometVersion}` },
    ...app.modules.flatMap((m) => (m.goModule ? [m.goModule] : [])),
  ];
  return deps.map((d) => ({ path: d.path, version: d.version, sum: '' })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// The SDK's wording, typo included: clients match on it.
const TOO_HIGH = 'requested block height is bigger then the chain length';

const PUBKEY_TYPES: Readonly<Record<string, (key: Uint8Array) => Any>> = {
  'tendermint/PubKeyEd25519': (key) => ({ typeUrl: '/cosmos.crypto.ed25519.PubKey', value: Ed25519PubKey.encode({ key }).finish() }),
  'tendermint/PubKeySecp256k1': (key) => ({ typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: Secp256k1PubKey.encode({ key }).finish() }),
};

export class TendermintService {
  private readonly valcons: string;

  constructor(
    private readonly comet: CometRpc,
    private readonly app: Pick<AppDefinition, 'name' | 'version' | 'bech32Prefix' | 'modules'> & Partial<Pick<AppDefinition, 'voteExtensionModules'>>,
  ) {
    this.valcons = `${app.bech32Prefix}valcons`;
  }

  async nodeInfo(): Promise<GetNodeInfoResponse> {
    const { node_info: n } = await this.comet.call<CometStatus>('status');
    return GetNodeInfoResponse.fromPartial({
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
        name: this.app.name,
        appName: this.app.name,
        version: this.app.version,
        goVersion: `node ${process.version}`,
        cosmosSdkVersion: REPORTED_SDK_VERSION,
        buildDeps: buildDeps(this.app, n.version),
      },
    });
  }

  async syncing(): Promise<GetSyncingResponse> {
    const { sync_info } = await this.comet.call<CometStatus>('status');
    return { syncing: sync_info.catching_up };
  }

  async latestBlock(): Promise<GetLatestBlockResponse> {
    return GetLatestBlockResponse.fromPartial(blocksFromComet(await this.comet.call<CometBlockResult>('block'), this.valcons));
  }

  async blockByHeight(height: bigint): Promise<GetBlockByHeightResponse> {
    await this.checkHeight(height);
    let result: CometBlockResult;
    try {
      result = await this.comet.call<CometBlockResult>('block', { height: height.toString() });
    } catch (err) {
      // Below the node's earliest kept block (pruned, or state-synced from a snapshot).
      if (err instanceof CometRpcError) throw invalidArgument(`${err.rpcMessage}: ${err.data}`);
      throw err;
    }
    return GetBlockByHeightResponse.fromPartial(blocksFromComet(result, this.valcons));
  }

  /**
   * Whether the block at `height` starts with BaseApp's injected vote-extensions entry, which is
   * not a tx: as BaseApp decides it, when a module of the app uses vote extensions and the
   * height before extended votes (CometBFT's consensus params at that height say from when).
   */
  async carriesVoteExtensions(height: bigint): Promise<boolean> {
    if ((this.app.voteExtensionModules ?? []).length === 0) return false;
    const { consensus_params: params } = await this.comet.call<{ consensus_params: { abci?: { vote_extensions_enable_height?: string } } }>('consensus_params', { height: height.toString() });
    return proposalHasVoteExtensions({ abci: { voteExtensionsEnableHeight: BigInt(params.abci?.vote_extensions_enable_height ?? '0') } }, height);
  }

  /** The validator set at `height` (undefined: the latest), a page of it as the SDK's ParsePagination reads one. */
  async validatorSet(height: bigint | undefined, pagination?: PageRequest): Promise<GetLatestValidatorSetResponse> {
    if (height !== undefined) await this.checkHeight(height);
    const limit = pagination?.limit && pagination.limit > 0n ? pagination.limit : DEFAULT_PAGE_LIMIT;
    const page = (pagination?.offset ?? 0n) / limit + 1n;
    let result: CometValidators;
    try {
      result = await this.comet.call<CometValidators>('validators', {
        ...(height !== undefined ? { height: height.toString() } : {}),
        page: page.toString(),
        per_page: limit.toString(),
      });
    } catch (err) {
      if (err instanceof CometRpcError) throw invalidArgument(`${err.rpcMessage}: ${err.data}`);
      throw err;
    }
    return GetLatestValidatorSetResponse.fromPartial({
      blockHeight: BigInt(result.block_height),
      validators: result.validators.map((v): Validator => {
        const pubKey = PUBKEY_TYPES[v.pub_key.type];
        return {
          address: toBech32(this.valcons, Buffer.from(v.address, 'hex')),
          ...(pubKey ? { pubKey: pubKey(new Uint8Array(Buffer.from(v.pub_key.value, 'base64'))) } : {}),
          votingPower: BigInt(v.voting_power),
          proposerPriority: BigInt(v.proposer_priority),
        };
      }),
      pagination: { nextKey: new Uint8Array(), total: BigInt(result.total) },
    });
  }

  private async checkHeight(height: bigint): Promise<void> {
    const { sync_info } = await this.comet.call<CometStatus>('status');
    if (height > BigInt(sync_info.latest_block_height)) throw invalidArgument(TOO_HIGH);
  }
}
