// A validator as the keeper works with it (bigint tokens, Dec shares and rates), and its
// protobuf form (cosmjs-types' Validator), which is what the store and queries hold.
import { createHash } from 'node:crypto';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { BondStatus, Validator, type Description } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { decFromProto, decToProto, DEC_ONE, type Dec } from '../../app/dec.js';

export const ED25519_PUBKEY_TYPE_URL = '/cosmos.crypto.ed25519.PubKey';

export type ValidatorStatus = 'bonded' | 'unbonding' | 'unbonded';

export interface ValidatorState {
  /** valoper bech32 */
  operator: string;
  consPubKey: Uint8Array;
  consAddress: Uint8Array;
  jailed: boolean;
  status: ValidatorStatus;
  tokens: bigint;
  delegatorShares: Dec;
  description: Description;
  unbondingHeight: bigint;
  unbondingTime: Timestamp;
  commissionRate: Dec;
  commissionMaxRate: Dec;
  commissionMaxChangeRate: Dec;
  commissionUpdateTime: Timestamp;
  minSelfDelegation: bigint;
}

/** The consensus address CometBFT uses for an ed25519 key: the first 20 bytes of its sha256. */
export function consAddressOf(pubKey: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(pubKey).digest().subarray(0, 20));
}

const STATUS_TO_PROTO: Record<ValidatorStatus, BondStatus> = {
  bonded: BondStatus.BOND_STATUS_BONDED,
  unbonding: BondStatus.BOND_STATUS_UNBONDING,
  unbonded: BondStatus.BOND_STATUS_UNBONDED,
};

export function statusToProto(status: ValidatorStatus): BondStatus {
  return STATUS_TO_PROTO[status];
}

export function statusFromProto(status: BondStatus): ValidatorStatus {
  if (status === BondStatus.BOND_STATUS_BONDED) return 'bonded';
  if (status === BondStatus.BOND_STATUS_UNBONDING) return 'unbonding';
  return 'unbonded';
}

export function validatorToProto(v: ValidatorState): Validator {
  return {
    operatorAddress: v.operator,
    consensusPubkey: { typeUrl: ED25519_PUBKEY_TYPE_URL, value: Ed25519PubKey.encode({ key: v.consPubKey }).finish() },
    jailed: v.jailed,
    status: statusToProto(v.status),
    tokens: v.tokens.toString(),
    delegatorShares: decToProto(v.delegatorShares),
    description: v.description,
    unbondingHeight: v.unbondingHeight,
    unbondingTime: v.unbondingTime,
    commission: {
      commissionRates: { rate: decToProto(v.commissionRate), maxRate: decToProto(v.commissionMaxRate), maxChangeRate: decToProto(v.commissionMaxChangeRate) },
      updateTime: v.commissionUpdateTime,
    },
    minSelfDelegation: v.minSelfDelegation.toString(),
    unbondingOnHoldRefCount: 0n,
    unbondingIds: [],
  };
}

export function validatorFromProto(p: Validator): ValidatorState {
  const consPubKey = Ed25519PubKey.decode(p.consensusPubkey!.value).key;
  const rates = p.commission.commissionRates;
  return {
    operator: p.operatorAddress,
    consPubKey,
    consAddress: consAddressOf(consPubKey),
    jailed: p.jailed,
    status: statusFromProto(p.status),
    tokens: BigInt(p.tokens),
    delegatorShares: decFromProto(p.delegatorShares),
    description: p.description,
    unbondingHeight: p.unbondingHeight,
    unbondingTime: p.unbondingTime,
    commissionRate: decFromProto(rates.rate),
    commissionMaxRate: decFromProto(rates.maxRate),
    commissionMaxChangeRate: decFromProto(rates.maxChangeRate),
    commissionUpdateTime: p.commission.updateTime,
    minSelfDelegation: BigInt(p.minSelfDelegation),
  };
}

export function encodeValidator(v: ValidatorState): Uint8Array {
  return Validator.encode(validatorToProto(v)).finish();
}

export function decodeValidator(bytes: Uint8Array): ValidatorState {
  return validatorFromProto(Validator.decode(bytes));
}

/** CometBFT voting power: whole units of `powerReduction` tokens (truncated). */
export function consensusPower(tokens: bigint, powerReduction: bigint): bigint {
  return tokens / powerReduction;
}

/**
 * Shares issued for `amount` tokens: at the validator's current exchange rate, truncated
 * (in favour of the existing delegators); 1 share per token for a validator with none.
 */
export function sharesFromTokens(v: ValidatorState, amount: bigint): Dec {
  if (v.tokens === 0n) return amount * DEC_ONE;
  return (v.delegatorShares * amount) / v.tokens;
}

/** Tokens worth `shares`, truncated (what an undelegation of those shares returns). */
export function tokensFromShares(v: { tokens: bigint; delegatorShares: Dec }, shares: Dec): bigint {
  if (v.delegatorShares === 0n) return 0n;
  return (shares * v.tokens) / v.delegatorShares;
}

/** Shares that `amount` tokens correspond to, rounded up (what an undelegation of `amount` must burn). */
export function sharesFromTokensRoundUp(v: ValidatorState, amount: bigint): Dec {
  if (v.tokens === 0n) return amount * DEC_ONE;
  const n = v.delegatorShares * amount;
  return n % v.tokens === 0n ? n / v.tokens : n / v.tokens + 1n;
}
