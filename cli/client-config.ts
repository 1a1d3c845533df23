// <home>/config/client.toml, as simd v0.50 keeps it: the defaults every command takes for
// --chain-id, --keyring-backend, --output, --node and --broadcast-mode. A flag on the command
// line always wins; a home without client.toml gets zonekit's built-in defaults.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'smol-toml';
import { DEFAULT_NODE, nodeUrl } from './chain.js';
import { defaultHome, resolveHome } from './home.js';
import { KEYRING_BACKENDS } from './keyring/keyring.js';
import { CliError } from './output.js';

export const CLIENT_KEYS = ['chain-id', 'keyring-backend', 'output', 'node', 'broadcast-mode'] as const;
export type ClientKey = (typeof CLIENT_KEYS)[number];
export type ClientConfig = Record<ClientKey, string>;

export { BROADCAST_MODES } from './tx.js';
import { BROADCAST_MODES } from './tx.js';

/** What `zonekit init` writes (simd's defaults, with zonekit's default keyring backend: it has no `os` backend). */
export const DEFAULT_CLIENT_CONFIG: ClientConfig = { 'chain-id': '', 'keyring-backend': 'file', output: 'text', node: DEFAULT_NODE, 'broadcast-mode': 'block' };

export const clientConfigPath = (home: string): string => join(home, 'config', 'client.toml');

/** The file's keys, or undefined when the home has no client.toml (today's defaults then apply). */
export function readClientConfig(home: string): Partial<ClientConfig> | undefined {
  const path = clientConfigPath(home);
  if (!existsSync(path)) return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new CliError(`${path} is not valid TOML: ${err instanceof Error ? err.message : String(err)}`, 'fix it, or set the keys again with: zonekit config set client <key> <value>');
  }
  const config: Partial<ClientConfig> = {};
  for (const key of CLIENT_KEYS) if (typeof doc[key] === 'string') config[key] = doc[key];
  return config;
}

/** The whole file, as simd's template writes it (comments included). */
function clientToml(config: ClientConfig): string {
  const q = (value: string) => JSON.stringify(value);
  return `# This is a TOML config file.
# For more information, see https://github.com/toml-lang/toml

###############################################################################
###                           Client Configuration                            ###
###############################################################################

# The network chain ID
chain-id = ${q(config['chain-id'])}
# The keyring's backend, where the keys are stored (${KEYRING_BACKENDS.join('|')})
keyring-backend = ${q(config['keyring-backend'])}
# CLI output format (text|json)
output = ${q(config.output)}
# <host>:<port> to CometBFT RPC interface for this chain
node = ${q(config.node)}
# Transaction broadcasting mode (sync|async|block): block, zonekit's default, waits for the tx's
# block and prints its result; sync returns after CheckTx; async at once
broadcast-mode = ${q(config['broadcast-mode'])}
`;
}

export function writeClientConfig(home: string, config: ClientConfig): void {
  const path = clientConfigPath(home);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, clientToml(config));
}

export function checkClientKey(key: string): ClientKey {
  if (!(CLIENT_KEYS as readonly string[]).includes(key)) throw new CliError(`unknown client.toml key ${JSON.stringify(key)}: the keys are ${CLIENT_KEYS.join(', ')}.`);
  return key as ClientKey;
}

/** Refuses a value the commands could not use, naming what they take. */
export function checkClientValue(key: ClientKey, value: string): string {
  const oneOf = (allowed: readonly string[]) => {
    if (!allowed.includes(value)) throw new CliError(`invalid ${key} ${JSON.stringify(value)}: expected one of ${allowed.join(', ')}`);
  };
  if (key === 'keyring-backend') oneOf(KEYRING_BACKENDS);
  if (key === 'output') oneOf(['text', 'json']);
  if (key === 'broadcast-mode') oneOf(BROADCAST_MODES);
  if (key === 'node') nodeUrl(value);
  return value;
}

/** Sets one key, creating client.toml with the defaults when the home has none. */
export function setClientValue(home: string, key: string, value: string): ClientConfig {
  const name = checkClientKey(key);
  const config = { ...DEFAULT_CLIENT_CONFIG, ...readClientConfig(home), [name]: checkClientValue(name, value) };
  writeClientConfig(home, config);
  return config;
}

/** A key's value: the file's, else the default a command would take. */
export function clientValue(home: string, key: string): string {
  return ({ ...DEFAULT_CLIENT_CONFIG, ...readClientConfig(home) })[checkClientKey(key)];
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

/** The home a command runs against: --home, else $ZONEKIT_HOME, else ~/.zonekit. */
export function homeOf(command: Command): string {
  return resolveHome(rootOf(command).opts<{ home?: string }>().home ?? defaultHome());
}

// The options client.toml gives defaults for, by commander's attribute name.
const OPTION_KEYS: ReadonlyArray<readonly [attribute: string, key: ClientKey]> = [
  ['node', 'node'],
  ['chainId', 'chain-id'],
  ['broadcastMode', 'broadcast-mode'],
];
const GLOBAL_KEYS: ReadonlyArray<readonly [attribute: string, key: ClientKey]> = [
  ['keyringBackend', 'keyring-backend'],
  ['output', 'output'],
];

/**
 * The one place command defaults are resolved: before any action runs, each option client.toml
 * has a key for and the user did not give takes the file's value (source `config`). An empty
 * chain-id in the file means none.
 */
export function applyClientConfig(actionCommand: Command): void {
  // `zonekit config ...` edits the file: a bad value in it must not stop the command that fixes it.
  for (let c: Command | null = actionCommand; c?.parent; c = c.parent) if (c.name() === 'config' && c.parent.parent === null) return;
  const config = readClientConfig(homeOf(actionCommand));
  if (config === undefined) return;
  const fill = (command: Command, attribute: string, key: ClientKey) => {
    if (!command.options.some((o) => o.attributeName() === attribute)) return;
    const source = command.getOptionValueSource(attribute);
    if (source !== undefined && source !== 'default') return;
    const value = config[key];
    if (value === undefined || value === '') return;
    try {
      checkClientValue(key, value);
    } catch (err) {
      throw new CliError(`${clientConfigPath(homeOf(actionCommand))}: ${(err as Error).message}`, `fix it with: zonekit config set client ${key} <value>, or pass the flag`);
    }
    command.setOptionValueWithSource(attribute, value, 'config');
  };
  for (const [attribute, key] of OPTION_KEYS) {
    // gentx signs for the chain in genesis.json, as simd's (a ceremony replaces that file).
    if (attribute === 'chainId' && actionCommand.name() === 'gentx') continue;
    fill(actionCommand, attribute, key);
  }
  for (const [attribute, key] of GLOBAL_KEYS) fill(rootOf(actionCommand), attribute, key);
}
