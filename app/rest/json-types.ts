// The Any types every zone's JSON carries: accounts, public keys, the tx itself and its
// messages. Modules add their own through RestRoutes.types; `appJsonTypes` collects them all
// for writers outside the REST server (tx files, gentxs), so there is one registry per app.
import { BaseAccount, ModuleAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { LegacyAminoPubKey } from 'cosmjs-types/cosmos/crypto/multisig/keys';
import { PubKey as Secp256k1PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { AppDefinition } from '../app.js';
import { bech32Codec } from '../address-codec.js';
import { JsonTypes } from './proto-json.js';
import type { RestRoutes } from './routes.js';

/** Accounts, public keys and the Tx: what any zone's JSON holds, whatever its modules. */
export function baseJsonTypes(): JsonTypes {
  return new JsonTypes()
    .register('/cosmos.auth.v1beta1.BaseAccount', BaseAccount)
    .register('/cosmos.auth.v1beta1.ModuleAccount', ModuleAccount)
    .register('/cosmos.crypto.secp256k1.PubKey', Secp256k1PubKey)
    .register('/cosmos.crypto.ed25519.PubKey', Ed25519PubKey)
    .register('/cosmos.crypto.multisig.LegacyAminoPubKey', LegacyAminoPubKey)
    .register('/cosmos.tx.v1beta1.Tx', Tx);
}

export function defaultJsonTypes(app: Pick<AppDefinition, 'msgRoutes'>): JsonTypes {
  const types = baseJsonTypes();
  // Every message the app accepts can be shown, through its handler's codec.
  for (const [typeUrl, { handler }] of app.msgRoutes) types.register(typeUrl, { decode: (bytes) => handler.decode(bytes) });
  return types;
}

const noServer = (): never => {
  throw new Error('no REST server: only JSON types are collected here');
};

/** The defaults and every type the modules register with their REST routes (which are not served here). */
export function appJsonTypes(app: Pick<AppDefinition, 'msgRoutes' | 'modules' | 'bech32Prefix'>): JsonTypes {
  const types = defaultJsonTypes(app);
  const collect: RestRoutes = { addressCodec: bech32Codec(app.bech32Prefix), query: noServer, types, get: () => {}, post: () => {}, gateway: () => {} };
  for (const module of app.modules) module.rest?.(collect);
  return types;
}
