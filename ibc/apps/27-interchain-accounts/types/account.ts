// Interchain account addresses, derived exactly as ibc-go v8 derives them (types/account.go),
// so the address a host creates is the one a controller expects and explorers show.
import { createHash } from 'node:crypto';
import { ErrInvalidAccountAddress } from './errors.js';
import { HOST_ACCOUNTS_KEY, MODULE_NAME } from './keys.js';

const utf8 = new TextEncoder();
const DEFAULT_MAX_ADDR_LENGTH = 128;

/** The SDK's address.Hash(typ, key): sha256(sha256(typ) ‖ key). */
function addressHash(typ: Uint8Array, key: Uint8Array): Uint8Array {
  const typeHash = createHash('sha256').update(typ).digest();
  return new Uint8Array(createHash('sha256').update(typeHash).update(key).digest());
}

/** address.Module(name, key): Hash("module", name ‖ 0x00 ‖ key). */
function moduleAddress(name: string, key: string): Uint8Array {
  const nameBytes = utf8.encode(name);
  const keyBytes = utf8.encode(key);
  const buf = new Uint8Array(nameBytes.length + 1 + keyBytes.length);
  buf.set(nameBytes);
  buf.set(keyBytes, nameBytes.length + 1);
  return addressHash(utf8.encode('module'), buf);
}

/** The host's account space, `address.Module("interchainaccounts", "icahost-accounts")`: every interchain account is a sub-address of it. */
export const HOST_ACCOUNTS_ADDRESS = moduleAddress(MODULE_NAME, HOST_ACCOUNTS_KEY);

/**
 * GenerateAddress: address.Derive(hostAccounts, connectionID ‖ portID ‖ header.AppHash ‖
 * header.DataHash), 32 bytes. The block's app hash (the last committed one, as SDK v0.50's
 * FinalizeBlock puts in the header) makes the address unpredictable before the handshake, so
 * nobody can take it first; DataHash is empty in the SDK v0.50 header, so it adds nothing.
 */
export function generateAddress(connectionId: string, portId: string, appHash: Uint8Array, dataHash: Uint8Array = new Uint8Array()): Uint8Array {
  const prefix = utf8.encode(connectionId + portId);
  const key = new Uint8Array(prefix.length + appHash.length + dataHash.length);
  key.set(prefix);
  key.set(appHash, prefix.length);
  key.set(dataHash, prefix.length + appHash.length);
  // address.Derive(address, key) = Hash(string(address), key).
  return addressHash(HOST_ACCOUNTS_ADDRESS, key);
}

/** ValidateAccountAddress: what a channel version's `address` may hold (the counterparty's format is not known here). */
export function validateAccountAddress(address: string): void {
  if (!/^[a-zA-Z0-9]+$/.test(address) || address.length > DEFAULT_MAX_ADDR_LENGTH) {
    throw ErrInvalidAccountAddress.wrap(`address must contain strictly alphanumeric characters, not exceeding ${DEFAULT_MAX_ADDR_LENGTH} characters in length`);
  }
}
