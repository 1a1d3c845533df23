// The node's own keys in <home>/config, as CometBFT writes them: the P2P key (node_key.json),
// whose address is the node id in `id@host:port` peer addresses, and the consensus key
// (priv_validator_key.json) that a validator signs blocks with.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './output.js';

interface KeyFile {
  pub_key?: { type: string; value: string };
  priv_key?: { type: string; value: string };
}

function readKeyFile(home: string, name: string): KeyFile {
  const path = join(home, 'config', name);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`, `run \`zonekit init <moniker> --chain-id <id> --home ${home}\` first`);
  }
}

/** CometBFT's node id: hex of the first 20 bytes of sha256 of the node's ed25519 public key. */
export function nodeId(home: string): string {
  const key = readKeyFile(home, 'node_key.json').priv_key;
  if (key?.type !== 'tendermint/PrivKeyEd25519') throw new CliError(`${join(home, 'config', 'node_key.json')} holds no ed25519 node key`);
  // An ed25519 private key is written as seed (32 bytes) followed by the public key (32 bytes).
  const publicKey = Buffer.from(key.value, 'base64').subarray(32);
  return createHash('sha256').update(publicKey).digest().subarray(0, 20).toString('hex');
}

/** The validator's ed25519 consensus public key (32 bytes). */
export function consensusPubKey(home: string): Uint8Array {
  const key = readKeyFile(home, 'priv_validator_key.json').pub_key;
  if (key?.type !== 'tendermint/PubKeyEd25519') throw new CliError(`${join(home, 'config', 'priv_validator_key.json')} holds no ed25519 consensus key (type ${key?.type})`);
  return new Uint8Array(Buffer.from(key.value, 'base64'));
}

/** The validator's consensus address: the first 20 bytes of sha256 of its ed25519 key, as CometBFT derives it. */
export function consensusAddress(home: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(consensusPubKey(home)).digest().subarray(0, 20));
}
