// The app definition: ONE ordered module list, used for genesis, begin block and end block
// alike, and the routers built from it. Adding a module is one line in that list.
import { AminoConverters } from './tx/amino.js';
import type { AnteDecorator } from './ante/types.js';
import type { Context } from './context.js';
import type { Invariant, Module, MsgHandler, QueryHandler, VoteExtensionHooks } from './module.js';

export interface AppConfig {
  /** Reported by ABCI Info and `/app/version`. */
  name: string;
  version: string;
  /** Bech32 prefix of account addresses (`cosmos`). */
  bech32Prefix: string;
  /** Run in this order for InitChain, BeginBlock and EndBlock. */
  modules: readonly Module[];
  /** The ante pipeline, in order (see app/ante). */
  ante: readonly AnteDecorator[];
  /**
   * A validator's ed25519 consensus key by consensus address (the SDK's
   * ValidatorStore.GetPubKeyByConsAddr), to verify vote extension signatures. Required when a
   * module has `voteExtensions`.
   */
  consensusKey?: (ctx: Context, consAddress: Uint8Array) => Uint8Array | undefined;
}

/** A module that takes part in vote extensions. */
export interface VoteExtensionModule {
  name: string;
  hooks: VoteExtensionHooks;
}

export interface MsgRoute {
  module: Module;
  handler: MsgHandler;
}

export interface AppDefinition extends AppConfig {
  /** Every module's store plus the app's own (`consensus`). */
  readonly storeKeys: readonly string[];
  readonly msgRoutes: ReadonlyMap<string, MsgRoute>;
  readonly queryRoutes: ReadonlyMap<string, QueryHandler>;
  readonly aminoConverters: AminoConverters;
  readonly invariants: ReadonlyArray<{ module: string; name: string; check: Invariant }>;
  /** Modules with vote extension hooks, in module order; none: the zone never uses extensions. */
  readonly voteExtensionModules: readonly VoteExtensionModule[];
}

/** The store BaseApp keeps consensus params in (as x/consensus does). */
export const CONSENSUS_STORE_KEY = 'consensus';

export function defineApp(config: AppConfig): AppDefinition {
  const names = new Set<string>();
  const storeKeys = new Set<string>([CONSENSUS_STORE_KEY]);
  const msgRoutes = new Map<string, MsgRoute>();
  const queryRoutes = new Map<string, QueryHandler>();
  const aminoConverters = new AminoConverters();
  const invariants: Array<{ module: string; name: string; check: Invariant }> = [];
  const voteExtensionModules: VoteExtensionModule[] = [];
  for (const module of config.modules) {
    if (names.has(module.name)) throw new Error(`module ${module.name} is listed twice`);
    names.add(module.name);
    if (module.storeKey !== undefined) {
      if (storeKeys.has(module.storeKey)) throw new Error(`store key ${module.storeKey} of module ${module.name} is already taken`);
      storeKeys.add(module.storeKey);
    }
    for (const [typeUrl, handler] of Object.entries(module.msgs ?? {})) {
      const other = msgRoutes.get(typeUrl);
      if (other) throw new Error(`message ${typeUrl} is handled by both ${other.module.name} and ${module.name}`);
      msgRoutes.set(typeUrl, { module, handler });
    }
    for (const [path, handler] of Object.entries(module.queries ?? {})) {
      if (queryRoutes.has(path)) throw new Error(`query ${path} of module ${module.name} is already registered`);
      queryRoutes.set(path, handler);
    }
    aminoConverters.registerAll({ ...module.aminoConverters });
    for (const [name, check] of Object.entries(module.invariants ?? {})) invariants.push({ module: module.name, name, check });
    if (module.voteExtensions) voteExtensionModules.push({ name: module.name, hooks: module.voteExtensions });
  }
  if (voteExtensionModules.length > 0 && !config.consensusKey) {
    throw new Error(`module ${voteExtensionModules[0]!.name} uses vote extensions: the app needs consensusKey to verify their signatures`);
  }
  return { ...config, storeKeys: [...storeKeys], msgRoutes, queryRoutes, aminoConverters, invariants, voteExtensionModules };
}

/**
 * What zonekit's node, CLI and test kit run: an app definition, beside whatever handles its
 * builder keeps (keepers, for tests and scripts), as `buildZone()` returns them.
 */
export interface ComposedApp {
  readonly app: AppDefinition;
}

/**
 * Composes the app, with fresh keepers on every call: `buildZone`, or a chain builder's own.
 * The node, `createCli` and `TestChain` take one, so none of them is tied to one zone.
 */
export type AppFactory<Z extends ComposedApp = ComposedApp> = (genesis?: GenesisLike) => Z;

/**
 * What a factory may read of the chain's genesis: an app that composes opt-in modules by what
 * genesis asks for (the default zone's interchain staking) gets it from the node, export and
 * rollback, so every node of a chain composes the same modules. Without it, the default set.
 */
export interface GenesisLike {
  app_state?: Record<string, unknown>;
}
