// The default zone: auth, bank and the example module, composed in one ordered list. The
// CLI, the devnet and the tests build the app here, so they all run the same state machine.
import { join } from 'node:path';
import { AbciServer, type AbciLogger } from '../abci/index.js';
import { standardAnte } from '../app/ante/index.js';
import { defineApp, type AppDefinition } from '../app/app.js';
import { BaseApp } from '../app/baseapp.js';
import { normalizeCoins, coinsToProto, parseAmount, type CoinProto } from '../app/coins.js';
import { createRestServer, localQuerier, type RestServer } from '../app/rest/index.js';
import type { PruningOptions } from '../app/store/index.js';
import { startGrpc, type GrpcOptions, type RunningGrpc } from './grpc.js';
import type { Logger } from 'pino';
import { withBlockLog } from './block-log.js';
import { readConsensusAddress } from './consensus-address.js';
import { abciLogger } from './logger.js';
import { nodeServiceMethods, withNodeQueries } from './node-queries.js';
import { authModule, baseAccountJson, type AuthModule } from '../modules/auth/index.js';
import { bankModule, type BankModule } from '../modules/bank/index.js';
import { counterModule, type CounterModule } from '../modules/counter/index.js';
import { STAKING_MODULE_ACCOUNTS, stakingModule, type StakingModule } from '../modules/staking/index.js';
import { genutilModule } from '../modules/genutil/index.js';
import { courtModule, type CourtModule } from '../modules/court/index.js';
import { distributionModule, MODULE_ACCOUNT as DISTRIBUTION_ACCOUNT, type DistributionModule } from '../modules/distribution/index.js';
import { ammModule, MODULE_ACCOUNT as AMM_ACCOUNT, type AmmModule } from '../modules/amm/index.js';
import { dexModule, ESCROW_ACCOUNT as DEX_ACCOUNT, type DexModule } from '../modules/dex/index.js';
import { ibcModule, type AppChannelKeeper, type IBCModule, type IbcModule } from '../ibc/index.js';
import type { Module } from '../app/module.js';
import { tendermintLightClient } from '../ibc/light-clients/07-tendermint/index.js';
import { transferModule, MODULE_ACCOUNT as TRANSFER_ACCOUNT, PORT_ID as TRANSFER_PORT, type TransferModule } from '../ibc/apps/transfer/index.js';
import { xstakingModule, MODULE_ACCOUNT as XSTAKING_ACCOUNT, PORT_ID as XSTAKING_PORT, type XStakingModule } from '../modules/xstaking/index.js';
import { delegate, undelegate } from '../modules/staking/delegation.js';
import { interchainAccounts, CONTROLLER_PORT_PREFIX, HOST_PORT_ID, MODULE_NAME as ICA_ACCOUNT, type InterchainAccounts } from '../ibc/apps/27-interchain-accounts/index.js';

export const ZONE_NAME = 'zonekit';
export const ZONE_VERSION = '0.1.0';

export interface ZoneOptions {
  /** Bech32 prefix of account addresses; default `cosmos` (what cosmjs and Keplr assume unless told). */
  bech32Prefix?: string;
  /**
   * IBC applications beyond transfer, each bound to its own port with the module that gives
   * it messages. For tests (zone/ibc-testing/ordered-app.ts); the default zone has none.
   */
  ibcApps?: ReadonlyArray<(channels: AppChannelKeeper) => ExtraIbcApp>;
  /** Modules beyond the default ones, before genutil. For tests (zone/vote-extensions-testing); the default zone has none. */
  extraModules?: readonly Module[];
  /**
   * Compose interchain staking (modules/xstaking, port `xstaking`): its genesis params say
   * whether this zone is a hub or a consumer. Off by default: a new store and module account
   * would change the app hash of zones that never use it.
   */
  xstaking?: boolean;
}

/**
 * The options a chain's genesis asks for, so every node of the chain (and `export`,
 * `rollback`) composes the same modules: interchain staking when `app_state` has an
 * `xstaking` entry.
 */
export function zoneOptionsFromGenesis(genesis: { app_state?: Record<string, unknown> }): ZoneOptions {
  return genesis.app_state?.xstaking !== undefined ? { xstaking: true } : {};
}

export interface ExtraIbcApp {
  portId: string;
  ibcModule: IBCModule;
  module: Module;
}

export interface Zone {
  app: AppDefinition;
  auth: AuthModule;
  bank: BankModule;
  staking: StakingModule;
  distribution: DistributionModule;
  court: CourtModule;
  amm: AmmModule;
  dex: DexModule;
  ibc: IbcModule;
  transfer: TransferModule;
  /** ICS-27: the controller and host submodules and the module holding their genesis. */
  ica: InterchainAccounts;
  counter: CounterModule;
  /** Interchain staking, when ZoneOptions.xstaking asked for it. */
  xstaking?: XStakingModule;
}

export function buildZone(options: ZoneOptions = {}): Zone {
  const bech32Prefix = options.bech32Prefix ?? 'cosmos';
  const auth = authModule({ bech32Prefix, moduleAccounts: { ...STAKING_MODULE_ACCOUNTS, [DISTRIBUTION_ACCOUNT]: [], [AMM_ACCOUNT]: ['minter', 'burner'], [DEX_ACCOUNT]: [], [TRANSFER_ACCOUNT]: ['minter', 'burner'], [ICA_ACCOUNT]: [], ...(options.xstaking ? { [XSTAKING_ACCOUNT]: ['minter', 'burner'] } : {}) } });
  const bank = bankModule({ accounts: auth.keeper, blockedAddresses: auth.keeper.moduleAccountAddresses() });
  const staking = stakingModule({ accounts: auth.keeper, bank: bank.keeper, bech32Prefix });
  const distribution = distributionModule({ staking: staking.keeper, bank: bank.keeper, accounts: auth.keeper, bech32Prefix });
  const court = courtModule({ staking: staking.keeper, addressCodec: auth.keeper.addressCodec, bech32Prefix });
  staking.keeper.addHooks(distribution.hooks);
  staking.keeper.addHooks(court.hooks);
  const amm = ammModule({ bank: bank.keeper, accounts: auth.keeper });
  const dex = dexModule({ bank: bank.keeper, accounts: auth.keeper, liquidity: amm.keeper, venues: [amm.market] });
  const ibc = ibcModule({
    self: {
      historicalInfo: (ctx, height) => staking.keeper.historicalInfo(ctx, height),
      unbondingTimeSeconds: (ctx) => staking.keeper.params(ctx).unbondingTime,
    },
    lightClients: [tendermintLightClient],
  });
  const transfer = transferModule({ bank: bank.keeper, accounts: auth.keeper, channels: ibc.appChannels });
  ibc.router.bind(TRANSFER_PORT, transfer.ibcModule);
  // The host runs interchain accounts' messages, and the controller opens channels, through the
  // app's message router, which exists once the app is defined below.
  const msgRouter = { handler: (typeUrl: string) => app.msgRoutes.get(typeUrl)?.handler };
  const ica = interchainAccounts({ accounts: auth.keeper, channels: ibc.appChannels, msgRouter });
  ibc.router.bind(HOST_PORT_ID, ica.host.ibcModule);
  ibc.router.bindPrefix(CONTROLLER_PORT_PREFIX, ica.controller.ibcModule);
  const xstaking = options.xstaking
    ? xstakingModule({
        bank: bank.keeper,
        accounts: auth.keeper,
        channels: ibc.appChannels,
        staking: {
          bondDenom: (ctx) => staking.keeper.bondDenom(ctx),
          totalBondedTokens: (ctx) => staking.keeper.totalBondedTokens(ctx),
          hasValidator: (ctx, operator) => staking.keeper.validatorByOperator(ctx, operator) !== undefined,
          delegate: (ctx, delegator, operator, amount) => void delegate(staking.keeper, ctx, delegator, operator, amount, 'account'),
          undelegate: (ctx, delegator, operator, amount) => undelegate(staking.keeper, ctx, delegator, operator, amount),
        },
        court: court.keeper,
      })
    : undefined;
  if (xstaking) ibc.router.bind(XSTAKING_PORT, xstaking.ibcModule);
  // A consumer tells the hub of its court's verdicts against validators x-stakers delegate to.
  if (xstaking) court.keeper.addVerdictHooks(xstaking.verdictHooks);
  const extraApps = (options.ibcApps ?? []).map((build) => build(ibc.appChannels));
  for (const extra of extraApps) ibc.router.bind(extra.portId, extra.ibcModule);
  const counter = counterModule({ addressCodec: auth.keeper.addressCodec });
  // Last: its gentxs run through every other module's genesis state and staking hooks.
  const genutil = genutilModule({ staking: staking.keeper });
  const app = defineApp({
    name: ZONE_NAME,
    version: ZONE_VERSION,
    bech32Prefix,
    // Genesis, BeginBlock and EndBlock run in this order. A new module is one more line.
    // The SDK's BeginBlock order: fees are paid to the last commit's validators, then the
    // court judges that commit and any evidence, then staking records the set.
    modules: [auth, bank, distribution, court, staking, ibc, transfer, ica.controller, ica.host, ica.module, ...(xstaking ? [xstaking] : []), amm, dex, counter, ...extraApps.map((extra) => extra.module), ...(options.extraModules ?? []), genutil],
    ante: [...standardAnte({ accounts: auth.keeper, bank: bank.keeper }), ibc.anteDecorator],
    // Vote extension signatures are checked against the keys staking knows validators by.
    consensusKey: (ctx, consAddress) => staking.keeper.validatorByConsAddr(ctx, consAddress)?.consPubKey,
  });
  return { app, auth, bank, staking, distribution, court, amm, dex, ibc, transfer, ica, counter, ...(xstaking ? { xstaking } : {}) };
}

export interface GenesisAccount {
  address: string;
  coins: readonly CoinProto[];
}

/**
 * `app_state` for a genesis file with funded accounts: each gets a BaseAccount (numbered in
 * order) and its balance; supply is left for bank genesis to sum.
 */
export function zoneGenesis(accounts: readonly GenesisAccount[]): Record<string, unknown> {
  return {
    auth: { accounts: accounts.map((a, i) => baseAccountJson(a.address, BigInt(i))) },
    bank: {
      balances: accounts.map((a) => ({
        address: a.address,
        coins: coinsToProto(normalizeCoins(a.coins.map((c) => ({ denom: c.denom, amount: parseAmount(c.amount) })))),
      })),
    },
  };
}

export interface StartZoneOptions extends ZoneOptions {
  /** The node's home folder; state goes to `<home>/data/zonekit` unless `dataDir` says otherwise. */
  home: string;
  dataDir?: string;
  /** Where CometBFT's `proxy_app` points: tcp://host:port or unix:///path. */
  abciAddress: string;
  chainId: string;
  /** e.g. "0.025uatom"; empty accepts any fee (CheckTx only). */
  minGasPrices?: string;
  pruning?: PruningOptions;
  logger?: AbciLogger;
  /** The node's structured log: a line per committed block, failed txs at debug, the ABCI server's events. */
  log?: Logger;
  /** The REST API (app.toml's [api]); off unless enabled. */
  api?: ApiOptions;
  /** The gRPC server (app.toml's [grpc]); off unless enabled. */
  grpc?: GrpcOptions;
  /** Check invariants after every Nth block (0: never); a broken one halts the node. */
  invCheckPeriod?: number;
  /** app.toml's [state-sync]: snapshots into <home>/data/snapshots every `snapshotInterval` heights (0, the default: none; restoring works regardless). */
  stateSync?: StateSyncOptions;
}

export interface StateSyncOptions {
  snapshotInterval: number;
  snapshotKeepRecent: number;
}

export interface ApiOptions {
  enable: boolean;
  /** Where it listens; default tcp://127.0.0.1:1317 (tcp://0.0.0.0:1317 to serve other hosts). */
  address?: string;
  /** The CometBFT RPC it forwards broadcasts and block queries to; default http://127.0.0.1:26657. */
  cometRpc?: string;
  /** Origins browsers may call it from; default every origin. */
  corsOrigins?: readonly string[];
}

export const DEFAULT_API_ADDRESS = 'tcp://127.0.0.1:1317';
export const DEFAULT_COMET_RPC = 'http://127.0.0.1:26657';

export interface RunningZone {
  zone: Zone;
  app: BaseApp;
  server: AbciServer;
  /** The bound ABCI address (the real port when asked for port 0). */
  address: string;
  /** The REST server and its URL, when the API is enabled. */
  rest?: { server: RestServer; url: string };
  /** The gRPC server and its host:port, when enabled. */
  grpc?: RunningGrpc;
  close(): Promise<void>;
}

export async function startZone(options: StartZoneOptions): Promise<RunningZone> {
  const zone = buildZone(options);
  const app = new BaseApp({
    app: zone.app,
    dataDir: options.dataDir ?? join(options.home, 'data', 'zonekit'),
    chainId: options.chainId,
    ...(options.minGasPrices !== undefined ? { minGasPrices: options.minGasPrices } : {}),
    ...(options.pruning ? { pruning: options.pruning } : {}),
    ...(options.invCheckPeriod ? { invCheckPeriod: options.invCheckPeriod } : {}),
    snapshots: {
      dir: join(options.home, 'data', 'snapshots'),
      interval: options.stateSync?.snapshotInterval ?? 0,
      keepRecent: options.stateSync?.snapshotKeepRecent ?? 2,
    },
    ...(options.log ? { log: options.log.child({ module: 'baseapp' }) } : {}),
    ...consensusAddressOption(options.home),
  });
  // The node's services on abci_query too, as on a Go node (Hermes reads GetNodeInfo and Config there).
  const cometRpc = options.api?.cometRpc ?? options.grpc?.cometRpc ?? DEFAULT_COMET_RPC;
  const served = withNodeQueries(app, nodeServiceMethods(zone.app, cometRpc, options.minGasPrices ?? ''), () => BigInt(app.lastCommitId.version));
  const abciApp = options.log ? withBlockLog(served, options.log) : served;
  const logger = options.logger ?? (options.log ? abciLogger(options.log) : undefined);
  const server = new AbciServer(abciApp, logger ? { logger } : {});
  let address: string;
  let rest: RunningZone['rest'];
  let grpc: RunningGrpc | undefined;
  try {
    address = await server.listen(options.abciAddress);
    if (options.api?.enable) rest = await startApi(zone, app, options.api, options.minGasPrices ?? '');
    if (options.grpc?.enable) grpc = await startGrpc(zone.app, app, { ...options.grpc, cometRpc: options.grpc.cometRpc ?? DEFAULT_COMET_RPC, minGasPrices: options.minGasPrices ?? '' });
  } catch (err) {
    await rest?.server.close();
    await server.close();
    await app.close();
    throw err;
  }
  return {
    zone,
    app,
    server,
    address,
    ...(rest ? { rest } : {}),
    ...(grpc ? { grpc } : {}),
    async close() {
      // Stop answering clients before the state they read goes away.
      await grpc?.server.close();
      await rest?.server.close();
      await server.close();
      await app.close();
    },
  };
}

function consensusAddressOption(home: string): { consensusAddress?: Uint8Array } {
  const address = readConsensusAddress(home);
  return address ? { consensusAddress: address } : {};
}

async function startApi(zone: Zone, app: BaseApp, api: ApiOptions, minGasPrices: string): Promise<NonNullable<RunningZone['rest']>> {
  const server = await createRestServer({
    app: zone.app,
    query: localQuerier(app),
    cometRpcUrl: api.cometRpc ?? DEFAULT_COMET_RPC,
    node: { minGasPrices },
    ...(api.corsOrigins ? { corsOrigins: api.corsOrigins } : {}),
  });
  try {
    return { server, url: await server.listen(api.address ?? DEFAULT_API_ADDRESS) };
  } catch (err) {
    await server.close();
    throw err;
  }
}
