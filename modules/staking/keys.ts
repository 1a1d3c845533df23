// Every prefix x/staking owns in store `staking`; the collections under them, with their key
// and value codecs, are declared in store.ts.

export const STORE_KEY = 'staking';
export const MODULE_NAME = 'staking';
export const BONDED_POOL = 'bonded_tokens_pool';
export const NOT_BONDED_POOL = 'not_bonded_tokens_pool';

export const LAST_VALIDATOR_POWER_PREFIX = Uint8Array.of(0x11);
export const LAST_TOTAL_POWER_KEY = Uint8Array.of(0x12);
export const VALIDATORS_PREFIX = Uint8Array.of(0x21);
export const VALIDATORS_BY_CONS_ADDR_PREFIX = Uint8Array.of(0x22);
export const VALIDATORS_BY_POWER_PREFIX = Uint8Array.of(0x23);
export const DELEGATION_PREFIX = Uint8Array.of(0x31);
export const DELEGATION_BY_VALIDATOR_PREFIX = Uint8Array.of(0x37);
export const UNBONDING_DELEGATION_PREFIX = Uint8Array.of(0x32);
export const UNBONDING_BY_VALIDATOR_PREFIX = Uint8Array.of(0x33);
export const REDELEGATION_PREFIX = Uint8Array.of(0x34);
export const REDELEGATION_BY_SRC_PREFIX = Uint8Array.of(0x35);
export const REDELEGATION_BY_DST_PREFIX = Uint8Array.of(0x36);
export const UNBONDING_QUEUE_PREFIX = Uint8Array.of(0x41);
export const REDELEGATION_QUEUE_PREFIX = Uint8Array.of(0x42);
export const VALIDATOR_QUEUE_PREFIX = Uint8Array.of(0x43);
export const HISTORICAL_INFO_PREFIX = Uint8Array.of(0x50);
export const PARAMS_KEY = Uint8Array.of(0x51);
