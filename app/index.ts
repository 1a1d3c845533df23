// Public surface of the state-machine core, for module authors and the node.
export { defineApp, CONSENSUS_STORE_KEY, type AppConfig, type AppDefinition, type AppFactory, type ComposedApp, type MsgRoute } from './app.js';
export { BaseApp, type BaseAppOptions } from './baseapp.js';
export { Context, infiniteGasMeter, type BlockHeader, type ExecMode } from './context.js';
export { EventManager, withAttribute, type Attribute } from './events.js';
export { defineModule, type GenesisEnv, type Invariant, type Module, type ModuleGenesis, type MsgHandler, type MsgResponse, type QueryHandler } from './module.js';
export { bech32Codec, type AddressCodec } from './address-codec.js';
export {
  addCoins,
  amountOf,
  coinFromProto,
  coinsFromProto,
  coinsToProto,
  coinsToString,
  coinToString,
  isAllGTE,
  isAnyGTE,
  normalizeCoins,
  parseAmount,
  parseDecCoins,
  requiredFee,
  subCoins,
  validateCoins,
  validateDenom,
  type Coin,
  type CoinProto,
  type Coins,
  type DecCoin,
} from './coins.js';
export { grpcInvalidArgument, grpcNotFound } from './grpc.js';
export { paginate, DEFAULT_PAGE_LIMIT } from './pagination.js';
export { standardAnte, FEE_COLLECTOR_NAME } from './ante/index.js';
export type { AnteAccountKeeper, AnteAuthParams, AnteBankKeeper, AnteDecorator, AnteEnv, AnteTx, SignerState, TxSigner } from './ante/index.js';
export { runTx, type TxOutcome } from './run-tx.js';
export { SIMULATE_PATH } from './query.js';
export { CodedError, registerError, toAbciError } from './errors.js';
export { prefixEnd, prefixIterator, type Entry, type KVStore, type ReadonlyKVStore } from './store/index.js';
export { DEC_ONE, DEC_ZERO, decToString, parseDec, type Dec } from './dec.js';
export * from './proto/index.js';
export type { CliCommand, CliContext, CliOption, EncodedMsg, ModuleCli } from './cli-types.js';
export type { GatewaySpec, RestRoutes, RouteHandler, RouteInput, RouteSpec } from './rest/index.js';
