// The Any types every zone's responses carry: accounts, public keys, the tx itself and its
// messages. Modules add their own through RestRoutes.types.
import { BaseAccount, ModuleAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { LegacyAminoPubKey } from 'cosmjs-types/cosmos/crypto/multisig/keys';
import { PubKey as Secp256k1PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { AppDefinition } from '../app.js';
import { JsonTypes } from './proto-json.js';

export function defaultJsonTypes(app: Pick<AppDefinition, 'msgRoutes'>): JsonTypes {
  const types = new JsonTypes()
    .register('/cosmos.auth.v1beta1.BaseAccount', BaseAccount)
    .register('/cosmos.auth.v1beta1.ModuleAccount', ModuleAccount)
    .register('/cosmos.crypto.secp256k1.PubKey', Secp256k1PubKey)
    .register('/cosmos.crypto.ed25519.PubKey', Ed25519PubKey)
    .register('/cosmos.crypto.multisig.LegacyAminoPubKey', LegacyAminoPubKey)
    .register('/cosmos.tx.v1beta1.Tx', Tx);
  // Every message the app accepts can be shown, through its handler's codec.
  for (const [typeUrl, { handler }] of app.msgRoutes) types.register(typeUrl, { decode: (bytes) => handler.decode(bytes) });
  return types;
}
