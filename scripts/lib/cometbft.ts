// CometBFT as a child process needs the same few things everywhere (tests, the devnet,
// benchmarks): find the pinned binary, edit config.toml, and read the RPC.

export { cometbftBinary, projectBinary, projectRoot } from '../../cli/binaries.js';

export { setTomlValue, type TomlValue } from '../../cli/toml.js';

/** GET `path` on the RPC with URI-style params; returns `result`, throws on a JSON-RPC error. */
export async function rpc<T = unknown>(rpcUrl: string, path: string, params: Record<string, string> = {}): Promise<T> {
  const url = new URL(path, rpcUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  const body = (await response.json()) as { result?: T; error?: { message: string; data?: string } };
  if (body.error !== undefined) throw new Error(`RPC ${path}: ${body.error.message} ${body.error.data ?? ''}`.trim());
  return body.result as T;
}

export async function latestHeight(rpcUrl: string): Promise<number> {
  const status = await rpc<{ sync_info: { latest_block_height: string } }>(rpcUrl, '/status');
  return Number(status.sync_info.latest_block_height);
}

/**
 * The height the app has committed, from its ABCI Info through CometBFT's /abci_info. CometBFT
 * stores a block before the app commits it, so /status can be one block ahead of what queries
 * can read.
 */
export async function appHeight(rpcUrl: string): Promise<number> {
  const info = await rpc<{ response: { last_block_height?: string } }>(rpcUrl, '/abci_info');
  return Number(info.response.last_block_height ?? '0');
}
