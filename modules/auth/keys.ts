// Every key x/auth owns in store `acc`, as the SDK's collections lay them out.
import { createHash } from 'node:crypto';
import { encodeUint64 } from '../../app/store/collections/index.js';
import { concatBytes } from '../../app/store/encoding.js';

export { decodeUint64, encodeUint64 } from '../../app/store/collections/index.js';

export const STORE_KEY = 'acc';
export const MODULE_NAME = 'auth';

export const PARAMS_KEY = Uint8Array.of(0x00);
const ACCOUNTS_PREFIX = 0x01;
export const GLOBAL_ACCOUNT_NUMBER_KEY = Uint8Array.of(0x02);
const ACCOUNT_NUMBER_PREFIX = 0x03;

/** 0x01 | address → the account as an Any. */
export function accountKey(address: Uint8Array): Uint8Array {
  const key = new Uint8Array(1 + address.length);
  key[0] = ACCOUNTS_PREFIX;
  key.set(address, 1);
  return key;
}

export const ACCOUNTS_PREFIX_BYTES = Uint8Array.of(ACCOUNTS_PREFIX);

/** 0x03 | account number (uint64 big-endian) → address: the AccountAddressByID index. */
export function accountNumberKey(accountNumber: bigint): Uint8Array {
  return concatBytes(Uint8Array.of(ACCOUNT_NUMBER_PREFIX), encodeUint64(accountNumber));
}

/** A module account's address: sha256(name)[:20], the SDK's authtypes.NewModuleAddress. */
export function moduleAddress(name: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(name, 'utf8').digest().subarray(0, 20));
}
