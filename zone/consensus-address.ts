// The node's consensus address, read from CometBFT's key in its home: BaseApp passes it to the
// modules that extend votes, since RequestExtendVote does not say whose vote it is.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** sha256(ed25519 key)[:20] of `<home>/config/priv_validator_key.json`; undefined without one (a full node). */
export function readConsensusAddress(home: string): Uint8Array | undefined {
  let text: string;
  try {
    text = readFileSync(join(home, 'config', 'priv_validator_key.json'), 'utf8');
  } catch {
    return undefined;
  }
  const key = (JSON.parse(text) as { pub_key?: { type?: string; value?: string } }).pub_key;
  if (key?.type !== 'tendermint/PubKeyEd25519' || key.value === undefined) return undefined;
  return new Uint8Array(createHash('sha256').update(Buffer.from(key.value, 'base64')).digest().subarray(0, 20));
}
