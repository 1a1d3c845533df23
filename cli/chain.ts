// Talking to a node over CometBFT's RPC with cosmjs: connections that fail with the URL and
// what to do, ABCI queries, and the context module commands run in.
import { fromBech32 } from '@cosmjs/encoding';
import { Registry, type GeneratedType } from '@cosmjs/proto-signing';
import { StargateClient } from '@cosmjs/stargate';
import { Comet38Client } from '@cosmjs/tendermint-rpc';
import type { CoinProto } from '../app/coins.js';
import { CliError } from './output.js';
import type { Keyring } from './keyring/keyring.js';

export const DEFAULT_NODE = 'tcp://localhost:26657';

/** cosmjs speaks HTTP; CometBFT and simd write tcp://host:port. */
export function nodeUrl(node: string): string {
  return node.replace(/^tcp:\/\//, 'http://');
}

const NETWORK_ERROR = /fetch failed|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|socket hang up|timeout|aborted/i;

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? err.message;
}

/** Runs a call to the node; a network failure becomes "cannot reach the node at <url>". */
export async function atNode<T>(node: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof CliError) throw err;
    const text = `${err instanceof Error ? err.message : String(err)} ${describe(err)}`;
    if (NETWORK_ERROR.test(text)) {
      throw new CliError(`cannot reach the node at ${node} (${describe(err)})`, 'is the node running (`zonekit start`)? Point at another one with --node <url>, e.g. --node tcp://localhost:26657');
    }
    throw err;
  }
}

export async function connectComet(node: string): Promise<Comet38Client> {
  return atNode(node, () => Comet38Client.connect(nodeUrl(node)));
}

export async function connectStargate(node: string): Promise<StargateClient> {
  return atNode(node, () => StargateClient.connect(nodeUrl(node)));
}

export async function abciQuery(node: string, path: string, request: Uint8Array): Promise<Uint8Array> {
  const comet = await connectComet(node);
  try {
    const response = await atNode(node, () => comet.abciQuery({ path, data: request }));
    if (response.code !== 0) throw new CliError(`query ${path} failed: ${response.log || `code ${response.code} (${response.codespace})`}`);
    return response.value;
  } finally {
    comet.disconnect();
  }
}

export async function nodeChainId(node: string): Promise<string> {
  const comet = await connectComet(node);
  try {
    return (await atNode(node, () => comet.status())).nodeInfo.network;
  } finally {
    comet.disconnect();
  }
}

const COIN = /^([0-9]+)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

/** `10uatom,5ustake` → coins, sorted by denom; anything else says the expected form. */
export function parseCoins(text: string): CoinProto[] {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new CliError(`invalid amount ${JSON.stringify(text)}: expected an amount and a denom like 10uatom (or 10uatom,5ustake)`);
  const coins = parts.map((part) => {
    const match = COIN.exec(part);
    if (!match) throw new CliError(`invalid amount ${JSON.stringify(part)}: expected a whole number followed by a denom, like 10uatom (or 10uatom,5ustake)`);
    return { denom: match[2]!, amount: BigInt(match[1]!).toString() };
  });
  const denoms = new Set(coins.map((c) => c.denom));
  if (denoms.size !== coins.length) throw new CliError(`invalid amount ${JSON.stringify(text)}: a denom appears twice`);
  return coins.sort((a, b) => (a.denom < b.denom ? -1 : 1));
}

/** A key name in the keyring, else a bech32 address with the zone's prefix. */
export function resolveAddress(keyring: Keyring, prefix: string, nameOrAddress: string): string {
  if (keyring.has(nameOrAddress)) return keyring.get(nameOrAddress).address;
  if (nameOrAddress.startsWith(`${prefix}1`)) {
    try {
      const { prefix: p } = fromBech32(nameOrAddress, 90);
      if (p === prefix) return nameOrAddress;
    } catch (err) {
      throw new CliError(`invalid address ${nameOrAddress}: ${err instanceof Error ? err.message : String(err)}`, `an address looks like ${prefix}1... (bech32, prefix ${prefix})`);
    }
  }
  const names = keyring.list().map((k) => k.name);
  throw new CliError(
    `${JSON.stringify(nameOrAddress)} is neither a key in the ${keyring.backend} keyring nor a ${prefix}1... address`,
    names.length > 0 ? `the keys there are: ${names.join(', ')} (another backend? --keyring-backend file|test)` : `the ${keyring.backend} keyring (${keyring.dir}) has no keys; add one with: zonekit keys add <name> --keyring-backend ${keyring.backend}`,
  );
}

/** A registry that signs already-encoded messages as they are: any module's message, no codec needed here. */
export function passthroughRegistry(typeUrls: Iterable<string>): Registry {
  const registry = new Registry();
  const passthrough = {
    encode: (bytes: Uint8Array) => ({ finish: () => bytes }),
    decode: (bytes: Uint8Array) => bytes,
    fromPartial: (bytes: Uint8Array) => bytes,
  } as unknown as GeneratedType;
  for (const typeUrl of typeUrls) registry.register(typeUrl, passthrough);
  return registry;
}
