// The node's own gRPC methods, beside the app's queries: cosmos.tx.v1beta1.Service (Simulate is
// an app query) and cosmos.base.tendermint.v1beta1.Service, answered from CometBFT as the REST
// routes answer them; the node's config (Hermes checks its gas price against the node's minimum
// there); and the interface reflection that tools list message types with.
import {
  GetBlockByHeightRequest,
  GetBlockByHeightResponse,
  GetLatestBlockResponse,
  GetLatestValidatorSetRequest,
  GetLatestValidatorSetResponse,
  GetNodeInfoResponse,
  GetSyncingResponse,
  GetValidatorSetByHeightRequest,
  GetValidatorSetByHeightResponse,
} from 'cosmjs-types/cosmos/base/tendermint/v1beta1/query';
import { ConfigResponse } from 'cosmjs-types/cosmos/base/node/v1beta1/query';
import { ListAllInterfacesResponse, ListImplementationsRequest, ListImplementationsResponse } from 'cosmjs-types/cosmos/base/reflection/v1beta1/reflection';
import {
  BroadcastTxRequest,
  BroadcastTxResponse,
  GetTxRequest,
  GetTxResponse,
  GetTxsEventRequest,
  GetTxsEventResponse,
  TxDecodeRequest,
  TxDecodeResponse,
  TxEncodeRequest,
  TxEncodeResponse,
} from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { AuthInfo, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { AppDefinition } from '../app.js';
import { parseDecCoins } from '../coins.js';
import { decToString } from '../dec.js';
import { invalidArgument } from '../rest/status.js';
import type { TendermintService } from '../services/tendermint.js';
import type { TxService } from '../services/tx.js';
import { txToBytes } from '../tx/tx-json.js';

/** Request bytes in, response bytes out. */
export type ServiceMethod = (request: Uint8Array) => Promise<Uint8Array>;

const TX = '/cosmos.tx.v1beta1.Service';
const TM = '/cosmos.base.tendermint.v1beta1.Service';
const REFLECTION = '/cosmos.base.reflection.v1beta1.ReflectionService';
const NODE = '/cosmos.base.node.v1beta1.Service';

/** The Any interfaces this zone packs, with their implementations' type URLs (as the SDK's interface registry lists them). */
function interfaces(app: Pick<AppDefinition, 'msgRoutes'>): Record<string, string[]> {
  return {
    'cosmos.auth.v1beta1.AccountI': ['/cosmos.auth.v1beta1.BaseAccount', '/cosmos.auth.v1beta1.ModuleAccount'],
    'cosmos.base.v1beta1.Msg': [...app.msgRoutes.keys()].sort(),
    'cosmos.crypto.PubKey': ['/cosmos.crypto.ed25519.PubKey', '/cosmos.crypto.multisig.LegacyAminoPubKey', '/cosmos.crypto.secp256k1.PubKey'],
  };
}

/**
 * `codec.decode(bytes)`, a malformed message answered as InvalidArgument saying so: bytes a
 * client sent are bad input, not an internal failure (found by the fuzz campaign).
 */
export function decodeRequest<T>(codec: { decode(bytes: Uint8Array): T }, bytes: Uint8Array): T {
  try {
    return codec.decode(bytes);
  } catch (err) {
    const name = (codec as { $type?: string }).$type ?? 'request';
    throw invalidArgument(`malformed ${name.replace(/^.*\./, '')}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** `minGasPrices`: the node's minimum-gas-prices ("0.025uatom"), which Config reports as sdk.DecCoins.String() does. */
export function serviceMethods(tx: TxService, tendermint: TendermintService, app: Pick<AppDefinition, 'msgRoutes'>, minGasPrices: string): Map<string, ServiceMethod> {
  const known = interfaces(app);
  const minimumGasPrice = parseDecCoins(minGasPrices).map((c) => `${decToString(c.amount)}${c.denom}`).join(',');
  const methods: Record<string, ServiceMethod> = {
    [`${TX}/BroadcastTx`]: async (bytes) => {
      const { txBytes, mode } = decodeRequest(BroadcastTxRequest, bytes);
      return BroadcastTxResponse.encode({ txResponse: await tx.broadcast(txBytes, mode) }).finish();
    },
    [`${TX}/GetTx`]: async (bytes) => GetTxResponse.encode(await tx.getTx(decodeRequest(GetTxRequest, bytes).hash)).finish(),
    [`${TX}/GetTxsEvent`]: async (bytes) => GetTxsEventResponse.encode(await tx.txsByEvents(decodeRequest(GetTxsEventRequest, bytes))).finish(),
    [`${TX}/TxDecode`]: async (bytes) => {
      const { txBytes } = decodeRequest(TxDecodeRequest, bytes);
      if (txBytes.length === 0) throw invalidArgument('invalid empty tx bytes');
      const raw = decodeRequest(TxRaw, txBytes);
      return TxDecodeResponse.encode({ tx: { body: decodeRequest(TxBody, raw.bodyBytes), authInfo: decodeRequest(AuthInfo, raw.authInfoBytes), signatures: raw.signatures } }).finish();
    },
    [`${TX}/TxEncode`]: async (bytes) => {
      const { tx: decoded } = decodeRequest(TxEncodeRequest, bytes);
      if (!decoded?.body || !decoded.authInfo) throw invalidArgument('invalid empty tx');
      return TxEncodeResponse.encode({ txBytes: txToBytes(decoded) }).finish();
    },
    [`${TM}/GetNodeInfo`]: async () => GetNodeInfoResponse.encode(await tendermint.nodeInfo()).finish(),
    [`${TM}/GetSyncing`]: async () => GetSyncingResponse.encode(await tendermint.syncing()).finish(),
    [`${TM}/GetLatestBlock`]: async () => GetLatestBlockResponse.encode(await tendermint.latestBlock()).finish(),
    [`${TM}/GetBlockByHeight`]: async (bytes) => GetBlockByHeightResponse.encode(await tendermint.blockByHeight(decodeRequest(GetBlockByHeightRequest, bytes).height)).finish(),
    [`${TM}/GetLatestValidatorSet`]: async (bytes) =>
      GetLatestValidatorSetResponse.encode(await tendermint.validatorSet(undefined, decodeRequest(GetLatestValidatorSetRequest, bytes).pagination)).finish(),
    [`${TM}/GetValidatorSetByHeight`]: async (bytes) => {
      const { height, pagination } = decodeRequest(GetValidatorSetByHeightRequest, bytes);
      return GetValidatorSetByHeightResponse.encode(await tendermint.validatorSet(height, pagination)).finish();
    },
    [`${NODE}/Config`]: async () => ConfigResponse.encode(ConfigResponse.fromPartial({ minimumGasPrice })).finish(),
    [`${REFLECTION}/ListAllInterfaces`]: async () => ListAllInterfacesResponse.encode({ interfaceNames: Object.keys(known) }).finish(),
    [`${REFLECTION}/ListImplementations`]: async (bytes) => {
      const { interfaceName } = decodeRequest(ListImplementationsRequest, bytes);
      return ListImplementationsResponse.encode({ implementationMessageNames: known[interfaceName] ?? [] }).finish();
    },
  };
  return new Map(Object.entries(methods));
}
