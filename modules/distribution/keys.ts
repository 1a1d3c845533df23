// Every key x/distribution owns in store `distribution`. Records the SDK also keeps sit under
// the SDK v0.50 prefixes with the SDK's encodings; the per-share records have their own.
export const MODULE_NAME = 'distribution';
export const STORE_KEY = 'distribution';
/** The module account that holds every reward not yet paid and the community pool. */
export const MODULE_ACCOUNT = 'distribution';

/** FeePool (its community pool). */
export const FEE_POOL_KEY = Uint8Array.of(0x00);
/** 0x02 | len | valoper → ValidatorOutstandingRewards: commission plus delegator rewards not yet paid. */
export const OUTSTANDING_PREFIX = Uint8Array.of(0x02);
/** 0x03 | len | delegator → withdraw address bytes (absent: the delegator itself). */
export const WITHDRAW_ADDR_PREFIX = Uint8Array.of(0x03);
/** 0x07 | len | valoper → ValidatorAccumulatedCommission. */
export const COMMISSION_PREFIX = Uint8Array.of(0x07);
/** Params. */
export const PARAMS_KEY = Uint8Array.of(0x09);
/** 0x0a | len | valoper → ValidatorRewardsPerShare (zonekit/distribution/v1/types.proto). */
export const REWARDS_PER_SHARE_PREFIX = Uint8Array.of(0x0a);
/** 0x0b | len | valoper | len | delegator → DelegationRewardSnapshot (zonekit/distribution/v1/types.proto). */
export const SNAPSHOT_PREFIX = Uint8Array.of(0x0b);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** An address as the SDK's collections key it: its length, then its bytes. */
function lengthPrefixed(address: Uint8Array): Uint8Array {
  if (address.length > 255) throw new Error(`address of ${address.length} bytes is too long for a store key`);
  return concat(Uint8Array.of(address.length), address);
}

export const outstandingKey = (validator: Uint8Array) => concat(OUTSTANDING_PREFIX, lengthPrefixed(validator));
export const withdrawAddrKey = (delegator: Uint8Array) => concat(WITHDRAW_ADDR_PREFIX, lengthPrefixed(delegator));
export const commissionKey = (validator: Uint8Array) => concat(COMMISSION_PREFIX, lengthPrefixed(validator));
export const rewardsPerShareKey = (validator: Uint8Array) => concat(REWARDS_PER_SHARE_PREFIX, lengthPrefixed(validator));
/** Every snapshot of one validator's delegations (what its removal clears). */
export const validatorSnapshotsPrefix = (validator: Uint8Array) => concat(SNAPSHOT_PREFIX, lengthPrefixed(validator));
export const snapshotKey = (validator: Uint8Array, delegator: Uint8Array) => concat(validatorSnapshotsPrefix(validator), lengthPrefixed(delegator));

/** The address after a one-byte prefix: `key` is prefix | len | address [| ...]. */
export function addressFromKey(key: Uint8Array, offset = 1): Uint8Array {
  const length = key[offset]!;
  return key.slice(offset + 1, offset + 1 + length);
}

/** A snapshot key's validator and delegator. */
export function splitSnapshotKey(key: Uint8Array): { validator: Uint8Array; delegator: Uint8Array } {
  const validator = addressFromKey(key);
  return { validator, delegator: addressFromKey(key, 1 + 1 + validator.length) };
}
