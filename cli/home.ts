// A node's home, as simd lays it out: config/{config.toml,app.toml,genesis.json,node_key.json,
// priv_validator_key.json}, data/ (CometBFT's and the app's state) and the keyrings.
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'smol-toml';

export const defaultHome = (): string => process.env.ZONEKIT_HOME ?? join(homedir(), '.zonekit');
export const resolveHome = (home: string): string => resolve(home.replace(/^~(?=$|\/)/, homedir()));

export const genesisPath = (home: string): string => join(home, 'config', 'genesis.json');
export const cometConfigPath = (home: string): string => join(home, 'config', 'config.toml');
/** The app's state (LMDB) inside CometBFT's data folder, as simd keeps application.db there. */
export const appDataPath = (home: string): string => join(home, 'data', 'zonekit');

export interface GenesisFile {
  chain_id: string;
  app_state?: Record<string, unknown>;
  [key: string]: unknown;
}

export function readGenesis(home: string): GenesisFile {
  const path = genesisPath(home);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`cannot read ${path}: run \`zonekit init <moniker> --chain-id <id> --home ${home}\` first`);
  }
  try {
    return JSON.parse(text) as GenesisFile;
  } catch (err) {
    throw new Error(`${path} is not valid JSON: ${(err as Error).message}`);
  }
}

export function writeGenesis(home: string, genesis: GenesisFile): void {
  writeFileSync(genesisPath(home), JSON.stringify(genesis, null, 2) + '\n');
}

/** The addresses in CometBFT's config.toml that the app needs: proxy_app (the ABCI socket) and the RPC. */
export function readCometAddresses(home: string): { proxyApp: string; rpcLaddr: string; p2pLaddr: string } {
  const config = parse(readFileSync(cometConfigPath(home), 'utf8')) as { proxy_app: string; rpc: { laddr: string }; p2p: { laddr: string } };
  return { proxyApp: config.proxy_app, rpcLaddr: config.rpc.laddr, p2pLaddr: config.p2p.laddr };
}

/** CometBFT writes tcp://host:port; HTTP clients need http://host:port (0.0.0.0 reached as 127.0.0.1). */
export function rpcHttpUrl(laddr: string): string {
  return laddr.replace(/^tcp:\/\//, 'http://').replace('//0.0.0.0:', '//127.0.0.1:');
}
