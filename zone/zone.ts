// The default zone: auth, bank and the example module, composed in one ordered list. The
// CLI, the devnet and the tests build the app here, so they all run the same state machine.
import { standardAnte } from '../app/ante/index.js';
import { defineApp, type AppDefinition, type AppFactory, type GenesisLike } from '../app/app.js';
import { normalizeCoins, coinsToProto, parseAmount, type CoinProto } from '../app/coins.js';
import { startApp, type RunningApp, type StartAppOptions } from './start.js';
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

export { DEFAULT_API_ADDRESS, DEFAULT_COMET_RPC, type ApiOptions, type StateSyncOptions } from './start.js';

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
export function zoneOptionsFromGenesis(genesis: GenesisLike): ZoneOptions {
  return genesis.app_state?.xstaking !== undefined ? { xstaking: true } : {};
}

/** The default zone's app factory for the node, the CLI and the test kit: the modules the chain's genesis enables. */
export const zoneFactory: AppFactory<Zone> = (genesis) => buildZone(genesis ? zoneOptionsFromGenesis(genesis) : {});

/** The default zone as its clients see it: every module a node of it may compose (their commands only build messages and queries). */
export const zoneClientFactory: AppFactory<Zone> = () => buildZone({ xstaking: true });

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
          consensusAddress: (ctx, operator) => staking.keeper.validatorByOperator(ctx, operator)?.consAddress,
          delegate: (ctx, delegator, operator, amount) => void delegate(staking.keeper, ctx, delegator, operator, amount, 'account'),
          undelegate: (ctx, delegator, operator, amount) => undelegate(staking.keeper, ctx, delegator, operator, amount),
        },
        court: court.keeper,
        clients: ibc.keepers.clients,
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

/** The default zone run by `startApp`: its options pick the bech32 prefix and extra IBC apps. */
export interface StartZoneOptions extends ZoneOptions, Omit<StartAppOptions<Zone>, 'app'> {}

export type RunningZone = RunningApp<Zone>;

export function startZone(options: StartZoneOptions): Promise<RunningZone> {
  return startApp({ ...options, app: () => buildZone(options) });
}
