// CometBFT as a child process needs the same few things everywhere (tests, the devnet,
// benchmarks): find the pinned binary, edit config.toml, and read the RPC.

export { cometbftBinary, projectBinary, projectRoot } from '../../cli/binaries.js';

export type TomlValue = string | number | boolean | readonly string[];

function renderToml(value: TomlValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/**
 * Replaces `key = ...` inside `[section]` (null: the top level, before any section).
 * Throws when the key is absent, so a changed config layout fails loudly.
 */
export function setTomlValue(text: string, section: string | null, key: string, value: TomlValue): string {
  const lines = text.split('\n');
  let current: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(lines[i]!);
    if (header !== null) {
      current = header[1]!.trim();
      continue;
    }
    if (current === section && new RegExp(`^\\s*${key}\\s*=`).test(lines[i]!)) {
      lines[i] = `${key} = ${renderToml(value)}`;
      return lines.join('\n');
    }
  }
  throw new Error(`config.toml has no ${key} in ${section === null ? 'the top level' : `[${section}]`}`);
}

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
