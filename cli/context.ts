// What every command opens from the global flags: the home, the keyring, the zone's modules.
import type { Command } from 'commander';
import { appJsonTypes } from '../app/rest/json-types.js';
import { TxJsonRegistry } from '../app/tx/tx-json.js';
import { buildZone, type Zone } from '../zone/zone.js';
import type { ModuleCli } from '../app/cli-types.js';
import { xstakingCli } from '../modules/xstaking/cli.js';
import { msgCodecs as xstakingMsgCodecs, schema as xstakingSchema } from '../modules/xstaking/schema.js';
import { registerJsonTypes } from '../app/proto/index.js';
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

let zone: Zone | undefined;
/** The zone's modules (their CLI commands and genesis), built once per run. */
export function theZone(): Zone {
  zone ??= buildZone();
  return zone;
}

/**
 * The modules whose tx and query commands the CLI mounts: the default zone's, plus the opt-in
 * ones (xstaking) a node may compose: their commands only build messages and queries, so a
 * client offers them whatever the node it talks to runs.
 */
export function cliModules(): ReadonlyArray<{ name: string; cli?: ModuleCli }> {
  const modules = theZone().app.modules;
  return modules.some((m) => m.name === 'xstaking') ? modules : [...modules, { name: 'xstaking', cli: xstakingCli }];
}

let json: TxJsonRegistry | undefined;
/** Tx files in the SDK's JSON, with the types the zone's REST API writes (one registry). */
export function txJson(): TxJsonRegistry {
  if (json === undefined) {
    const types = appJsonTypes(theZone().app);
    // The opt-in modules' messages too, as cliModules() offers their commands.
    if (!theZone().xstaking) registerJsonTypes(types, xstakingSchema, xstakingMsgCodecs);
    json = new TxJsonRegistry(types);
  }
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
