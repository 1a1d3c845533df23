// What network tests read from a running chain through CometBFT's RPC alone: ABCI queries at a
// height, the validator set CometBFT reports, and a validator's consensus key from its home.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rpc } from '../../scripts/lib/cometbft.js';

export interface ConsKey {
  pub: Uint8Array;
  /** The ed25519 seed (the first 32 bytes of CometBFT's priv_key). */
  seed: Uint8Array;
}

/** A validator's consensus key, from `config/priv_validator_key.json` in its home. */
export function consKey(home: string): ConsKey {
  const file = JSON.parse(readFileSync(join(home, 'config', 'priv_validator_key.json'), 'utf8')) as { pub_key: { value: string }; priv_key: { value: string } };
  return { pub: Buffer.from(file.pub_key.value, 'base64'), seed: Buffer.from(file.priv_key.value, 'base64').subarray(0, 32) };
}

/** ABCI query at a height (the state after that block), through CometBFT's RPC. */
export async function queryAt(rpcUrl: string, path: string, data: Uint8Array, height?: number): Promise<Uint8Array> {
  const params: Record<string, string> = { path: JSON.stringify(path), data: `0x${Buffer.from(data).toString('hex')}` };
  if (height !== undefined) params.height = String(height);
  const { response } = await rpc<{ response: { code: number; log: string; value: string | null } }>(rpcUrl, '/abci_query', params);
  if (response.code !== 0) throw new Error(`query ${path} failed: ${response.log}`);
  return Buffer.from(response.value ?? '', 'base64');
}

/** CometBFT's validator set at the latest (or a given) height: consensus pubkey (base64) → power. */
export async function cometValidators(rpcUrl: string, height?: number): Promise<Map<string, bigint>> {
  const result = await rpc<{ validators: Array<{ pub_key: { value: string }; voting_power: string }> }>(rpcUrl, '/validators', { per_page: '100', ...(height ? { height: String(height) } : {}) });
  return new Map(result.validators.map((v) => [v.pub_key.value, BigInt(v.voting_power)]));
}
