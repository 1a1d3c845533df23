// The REST API's settings (app.toml's [api], plus the CometBFT RPC it forwards to), checked
// with zod so a bad value stops start-up with the key's name and what it accepts.
import { z } from 'zod';
import { parseListenAddress } from '../app/rest/index.js';
import { DEFAULT_API_ADDRESS, DEFAULT_COMET_RPC, type ApiOptions } from './zone.js';

const listenAddress = z.string().refine(
  (address) => {
    try {
      parseListenAddress(address);
      return true;
    } catch {
      return false;
    }
  },
  { error: (issue) => `must be tcp://host:port (e.g. ${DEFAULT_API_ADDRESS}), got ${JSON.stringify(issue.input)}` },
);

// CometBFT writes its RPC address as tcp://host:port (config.toml rpc.laddr); over HTTP it is http://.
const rpcUrl = z
  .string()
  .regex(/^(tcp|http|https):\/\/[^/\s]+:\d{1,5}\/?$/, { error: (issue) => `must be http://host:port or tcp://host:port (e.g. ${DEFAULT_COMET_RPC}), got ${JSON.stringify(issue.input)}` })
  .transform((url) => url.replace(/^tcp:\/\//, 'http://'));

export const booleanText = z
  .union([z.boolean(), z.enum(['true', 'false'])], { error: (issue) => `must be true or false, got ${JSON.stringify(issue.input)}` })
  .transform((v) => v === true || v === 'true');

/** The settings by their app.toml names (`rpc-laddr` is config.toml's rpc.laddr, which simd reads there). */
export const ApiSection = z.object({
  enable: booleanText.default(false),
  address: listenAddress.default(DEFAULT_API_ADDRESS),
  'rpc-laddr': rpcUrl.default(DEFAULT_COMET_RPC),
  // `*` allows every origin (a devnet's wallets and explorers); an empty list sends no CORS headers.
  'cors-allowed-origins': z.array(z.string().min(1, { error: 'must not contain an empty origin' })).default(['*']),
});

/**
 * Checks the settings as read (flags, environment or a parsed app.toml: any value may be wrong);
 * `nameOf` says how the user wrote each key (`--api-address`, `[api] address`).
 */
export function parseApiSection(raw: Readonly<Record<string, unknown>>, nameOf: (key: string) => string): ApiOptions {
  const result = ApiSection.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`invalid ${nameOf(String(issue.path[0] ?? ''))}: ${issue.message}`);
  }
  const s = result.data;
  return { enable: s.enable, address: s.address, cometRpc: s['rpc-laddr'], corsOrigins: s['cors-allowed-origins'] };
}
