// What every command opens from the global flags: the home, the keyring, the app's modules.
import type { Command } from 'commander';
import { appJsonTypes } from '../app/rest/json-types.js';
import { TxJsonRegistry } from '../app/tx/tx-json.js';
import type { AppFactory, ComposedApp, GenesisLike } from '../app/app.js';
import { homeOf } from './client-config.js';
import { askKeyringPassphrase } from './io.js';
import { Keyring, KEYRING_BACKENDS, type KeyringBackend } from './keyring/keyring.js';
import { CliError, parseOutputFormat, type OutputFormat } from './output.js';

export interface GlobalOptions {
  home: string;
  keyringBackend: KeyringBackend;
  output: OutputFormat;
}

/** The global flags, with client.toml's defaults already applied (client-config.ts, before every action). */
export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<{ keyringBackend?: string; output?: string }>();
  const backend = opts.keyringBackend ?? 'file';
  if (!(KEYRING_BACKENDS as readonly string[]).includes(backend)) {
    throw new CliError(`--keyring-backend must be one of ${KEYRING_BACKENDS.join(', ')}, got ${JSON.stringify(backend)}`, 'file keeps keys encrypted with a passphrase; test keeps them in plain files, for development only');
  }
  return { home: homeOf(command), keyringBackend: backend as KeyringBackend, output: parseOutputFormat(opts.output ?? 'text') };
}

let factory: AppFactory | undefined;
let clientFactory: AppFactory | undefined;
let zone: ComposedApp | undefined;

/**
 * The app the commands of this process work with; `createCli` sets it from its factory.
 * `client`, when given, composes the app whose messages and queries the client-side commands
 * (tx, query, tx files) offer: a zone whose genesis may enable opt-in modules gives its client
 * every module a node of it may run, since those commands only build messages and queries.
 */
export function useApp(app: AppFactory, client?: AppFactory): void {
  if (app === factory && client === clientFactory) return;
  factory = app;
  clientFactory = client;
  zone = undefined;
  json = undefined;
}

/** The factory given to `useApp` (the node composes its own app from it). */
export function appFactory(): AppFactory {
  if (!factory) throw new Error('no app to work with: build the CLI with createCli(appFactory), or call useApp(appFactory) first');
  return factory;
}

/**
 * The app a node with this genesis runs (its modules, store keys): what start, export, rollback
 * and genesis validation compose; without a genesis, the modules a new chain starts with (init).
 */
export function appFor(genesis?: GenesisLike): ComposedApp {
  return appFactory()(genesis);
}

/** The app the client-side commands work with (their modules' commands, tx JSON, bech32 prefix), composed once per run. */
export function theZone(): ComposedApp {
  zone ??= (clientFactory ?? appFactory())();
  return zone;
}

let json: TxJsonRegistry | undefined;
/** Tx files in the SDK's JSON, with the types the zone's REST API writes (one registry). */
export function txJson(): TxJsonRegistry {
  json ??= new TxJsonRegistry(appJsonTypes(theZone().app));
  return json;
}

export function openKeyring(options: GlobalOptions): Keyring {
  return new Keyring({ home: options.home, backend: options.keyringBackend, prefix: theZone().app.bech32Prefix, passphrase: askKeyringPassphrase });
}

/** Positional arguments and options of a commander action, whatever its arity. */
export function actionParts(args: unknown[]): { positional: string[]; options: Record<string, string | boolean | undefined>; command: Command } {
  const command = args.at(-1) as Command;
  const positional = args.slice(0, command.registeredArguments.length).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [String(a)]));
  return { positional, options: command.opts(), command };
}
