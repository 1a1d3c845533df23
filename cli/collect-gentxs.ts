// `collect-gentxs`, as simd's: every gentx of a folder into genesis.json's
// app_state.genutil.gen_txs (checked first: one MsgCreateValidator each, the bond denom, a
// funded operator, distinct nodes), genesis.json's validators emptied (the app returns them
// from InitChain), and the other validators' memos as config.toml's persistent_peers.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { MsgCreateValidator } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import type { JsonObject } from '../app/tx/tx-json.js';
import { txJson } from './context.js';
import { parseGenTx } from '../modules/genutil/index.js';
import { setTomlValue } from './toml.js';
import { assertGenesisFunds, bondDenom } from './genesis-accounts.js';
import { cometConfigPath, readGenesis, writeGenesis, type GenesisFile } from './home.js';
import { nodeId as readNodeId } from './node-keys.js';
import { CliError } from './output.js';

const PEER = /^([0-9a-f]{40})@([^\s@:]+):([0-9]{1,5})$/;

export interface CollectedGentx {
  file: string;
  json: JsonObject;
  moniker: string;
  validatorAddress: string;
  /** The memo: `node_id@ip:port`. */
  peer: string;
  nodeId: string;
}

/** Reads and checks every *.json in `dir`, in file name order (so every node collects the same genesis). */
export function readGentxDir(dir: string, genesis: GenesisFile, prefix: string): CollectedGentx[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    throw new CliError(`cannot read the gentx folder ${dir}`, 'make gentxs with `zonekit genesis gentx`, or point at their folder with --gentx-dir');
  }
  if (files.length === 0) throw new CliError(`no gentxs (*.json) in ${dir}`, 'make one with `zonekit genesis gentx <key_name> <amount>`');
  const registry = txJson();
  const denom = bondDenom(genesis);
  const seen = new Map<string, string>();
  return files.map((name, i) => {
    const file = join(dir, name);
    let json: JsonObject;
    let genTx;
    try {
      json = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
      genTx = parseGenTx(json, registry, i);
    } catch (err) {
      throw new CliError(`${file} is not a gentx: ${err instanceof Error ? err.message : String(err)}`);
    }
    const tx = registry.txFromJson(json);
    const msg = MsgCreateValidator.decode(tx.body!.messages[0]!.value);
    const match = PEER.exec(tx.body!.memo);
    if (match === null) throw new CliError(`${file}: its memo ${JSON.stringify(tx.body!.memo)} is not the node's address node_id@ip:port`, 'make the gentx with `zonekit genesis gentx`, which writes it');
    const value = msg.value!;
    if (value.denom !== denom) throw new CliError(`${file}: the self-delegation is in ${value.denom}, not the bond denom ${denom}`);
    const operator = toBech32(prefix, fromBech32(msg.validatorAddress, 90).data);
    assertGenesisFunds(genesis, operator, value, `self-delegate ${value.amount}${value.denom} (${file})`);
    for (const [key, what] of [[match[1]!, 'node'], [msg.validatorAddress, 'validator']] as const) {
      const other = seen.get(key);
      if (other !== undefined) throw new CliError(`${file} and ${other} are for the same ${what} ${key}`, 'each validator makes one gentx from its own home');
      seen.set(key, file);
    }
    return { file, json, moniker: genTx.moniker, validatorAddress: msg.validatorAddress, peer: tx.body!.memo, nodeId: match[1]! };
  });
}

/** The other validators' addresses, sorted and comma-joined, as simd writes persistent_peers. */
export function persistentPeers(gentxs: readonly CollectedGentx[], ownNodeId: string): string {
  return gentxs
    .filter((g) => g.nodeId !== ownNodeId)
    .map((g) => g.peer)
    .sort()
    .join(',');
}

export function setPersistentPeers(home: string, peers: string): void {
  writeFileSync(cometConfigPath(home), setTomlValue(readFileSync(cometConfigPath(home), 'utf8'), 'p2p', 'persistent_peers', peers));
}

/** Puts the gentxs into `genesis` (in place); CometBFT takes the validators from InitChain. */
export function putGentxs(genesis: GenesisFile, gentxs: readonly CollectedGentx[]): void {
  const appState = (genesis.app_state ??= {});
  appState.genutil = { gen_txs: gentxs.map((g) => g.json) };
  genesis.validators = [];
}

export interface CollectResult {
  gentxs: CollectedGentx[];
  persistentPeers: string;
}

export function collectGentxs(home: string, gentxDir: string, prefix: string): CollectResult {
  const genesis = readGenesis(home);
  const gentxs = readGentxDir(gentxDir, genesis, prefix);
  putGentxs(genesis, gentxs);
  writeGenesis(home, genesis);
  const peers = persistentPeers(gentxs, readNodeId(home));
  setPersistentPeers(home, peers);
  return { gentxs, persistentPeers: peers };
}
