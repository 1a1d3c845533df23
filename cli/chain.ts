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

/**
 * The --node URL as cosmjs wants it (http:// for CometBFT's tcp://). Anything that is not a
 * tcp, http or https URL with a host is refused here, before cosmjs's own words about websockets.
 */
export function nodeUrl(node: string): string {
  let url: URL;
  try {
    url = new URL(node.replace(/^tcp:\/\//, 'http://'));
  } catch {
    throw badNode(node);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') throw badNode(node);
  return url.href.replace(/\/$/, '');
}

function badNode(node: string): CliError {
  return new CliError(`invalid --node ${JSON.stringify(node)}: expected the URL of a CometBFT RPC, like tcp://localhost:26657 or https://rpc.example.com:443`, 'pass --node tcp://<host>:<port> (CometBFT\'s [rpc] laddr, usually port 26657)');
}

const NETWORK_ERROR = /fetch failed|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|socket hang up|timeout|aborted/i;
// What cosmjs and fetch say when something that is not CometBFT's JSON-RPC answers: an HTTP
// error status, a body that is not JSON-RPC, or bytes that are not HTTP at all (gRPC, ABCI).
const NOT_RPC = /Bad status on response|Unexpected token|is not valid JSON|Unexpected end of JSON|reading '(node_info|result|sync_info)'|Invalid response|Expected .* got/i;

// The zone's other well-known ports, named when --node points at one of them.
const OTHER_PORTS: Record<string, string> = {
  '1317': 'the REST port',
  '9090': 'the gRPC port',
  '26656': "CometBFT's P2P port",
  '26658': "the app's ABCI port",
};

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? err.message;
}

/** "nothing answers CometBFT RPC at <node>": says which service the URL reaches instead, when it can tell. */
async function notCometRpc(node: string, guess?: string): Promise<CliError> {
  const url = new URL(nodeUrl(node));
  let what = OTHER_PORTS[url.port];
  // Our REST API (or any SDK node's) answers node_info: say so whatever port it was moved to.
  try {
    const response = await fetch(`${url.origin}/cosmos/base/tendermint/v1beta1/node_info`, { signal: AbortSignal.timeout(3000) });
    if (response.ok && 'default_node_info' in ((await response.json()) as object)) what = 'the REST port';
  } catch {
    // Not REST either: the port table's guess (or none) stands.
  }
  const detail = what !== undefined ? `: that is ${what}; the RPC port is usually 26657` : `: ${guess ?? 'it answers HTTP, but not as CometBFT\'s JSON-RPC'}`;
  return new CliError(`nothing answers CometBFT RPC at ${node}${detail}`, 'point --node at CometBFT\'s RPC ([rpc] laddr in config.toml), e.g. --node tcp://localhost:26657');
}

/** The `data` (else `message`) of a JSON-RPC error that cosmjs or `rpc()` passed on as text, if it is one. */
export function rpcErrorText(err: unknown): string | undefined {
  const message = err instanceof Error ? err.message : String(err);
  const json = /\{"code":-?\d+.*\}/s.exec(message)?.[0];
  if (json !== undefined) {
    try {
      const parsed = JSON.parse(json) as { message?: string; data?: string };
      return parsed.data || parsed.message;
    } catch {
      return undefined;
    }
  }
  return /^RPC \/\S+: (.*)$/s.exec(message)?.[1];
}

/**
 * Runs a call to the node. A network failure becomes "cannot reach the node at <url>", a
 * service that is not CometBFT's RPC "nothing answers CometBFT RPC at <url>", and a JSON-RPC
 * error one sentence: `onRpcError`'s for this call, else what CometBFT said.
 */
export async function atNode<T>(node: string, call: () => Promise<T>, onRpcError?: (text: string) => CliError): Promise<T> {
  nodeUrl(node);
  try {
    return await call();
  } catch (err) {
    if (err instanceof CliError) throw err;
    const text = `${err instanceof Error ? err.message : String(err)} ${describe(err)}`;
    const rpcError = rpcErrorText(err);
    if (rpcError !== undefined) throw onRpcError?.(rpcError) ?? new CliError(`the node at ${node} refused the request: ${rpcError}`);
    if (/HPE_/.test(text)) throw await notCometRpc(node, 'it does not answer in HTTP/1.1 (a gRPC port?); the RPC port is usually 26657');
    if (NOT_RPC.test(text)) throw await notCometRpc(node);
    // An ABCI or P2P socket takes the connection and hangs up on HTTP.
    if (/ECONNRESET|socket hang up|UND_ERR_SOCKET|other side closed/i.test(text)) {
      throw await notCometRpc(node, 'it took the connection and closed it without answering HTTP (an ABCI or P2P port?); the RPC port is usually 26657');
    }
    if (NETWORK_ERROR.test(text)) {
      throw new CliError(`cannot reach the node at ${node} (${describe(err)})`, 'is the node running (`zonekit start`)? Point at another one with --node <url>, e.g. --node tcp://localhost:26657');
    }
    throw err;
  }
}

/** A CometBFT RPC method's `result`, as JSON (what `status -o json` prints), with atNode's errors. */
export async function cometJson<T>(node: string, method: string, params: Record<string, string> = {}): Promise<T> {
  const url = new URL(`${nodeUrl(node)}/${method}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return atNode(node, async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    const body = (await response.json()) as { jsonrpc?: string; result?: T; error?: { code: number; message: string; data?: string } };
    if (body.error !== undefined) throw new Error(JSON.stringify(body.error));
    if (body.jsonrpc !== '2.0' || body.result === undefined) throw new Error('Invalid response: not JSON-RPC');
    return body.result;
  });
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
    if ((response.code ?? 0) !== 0) throw new QueryError(path, response.code!, response.codespace ?? '', response.log ?? '');
    return response.value;
  } finally {
    comet.disconnect();
  }
}

/** A failed ABCI query: its code and codespace kept, so JSON output can carry them as REST does. */
export class QueryError extends CliError {
  constructor(
    readonly path: string,
    readonly code: number,
    readonly codespace: string,
    readonly log: string,
  ) {
    super(`query ${path} failed: ${log || `code ${code} (${codespace})`}`);
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
