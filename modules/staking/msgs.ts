// cosmos.staking.v1beta1.Msg: stateless checks in `validate`, state checks and one keeper
// operation in `handle`. Commission rates arrive in LegacyDec's protobuf form (the scaled
// integer's digits: "100000000000000000" is 0.1), as cosmjs and simd send them.
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import {
  MsgBeginRedelegate,
  MsgBeginRedelegateResponse,
  MsgCancelUnbondingDelegation,
  MsgCancelUnbondingDelegationResponse,
  MsgCreateValidator,
  MsgCreateValidatorResponse,
  MsgDelegate,
  MsgDelegateResponse,
  MsgEditValidator,
  MsgEditValidatorResponse,
  MsgUndelegate,
  MsgUndelegateResponse,
} from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import type { Coin as CoinProto } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import type { Description } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { AddressCodec } from '../../app/address-codec.js';
import { coinFromProto } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { DEC_ONE, decFromProto, decToString, type Dec } from '../../app/dec.js';
import { CodedError, ErrInvalidAddress, ErrInvalidCoins, ErrInvalidRequest } from '../../app/errors.js';
import type { MsgHandler, MsgResponse } from '../../app/module.js';
import { cancelUnbondingDelegation, delegate, redelegate, undelegate } from './delegation.js';
import {
  ErrCommissionChangeRateGTMaxRate,
  ErrCommissionChangeRateNegative,
  ErrCommissionGTMaxChangeRate,
  ErrCommissionGTMaxRate,
  ErrCommissionHuge,
  ErrCommissionLTMinRate,
  ErrCommissionNegative,
  ErrCommissionUpdateTime,
  ErrEmptyValidatorPubKey,
  ErrMinSelfDelegationDecreased,
  ErrNoValidatorFound,
  ErrSelfDelegationBelowMinimum,
  ErrValidatorOwnerExists,
  ErrValidatorPubKeyExists,
  ErrValidatorPubKeyTypeNotSupported,
} from './errors.js';
import type { StakingKeeper } from './keeper.js';
import { addSeconds, compareTime } from '../../app/time.js';
import { consAddressOf, ED25519_PUBKEY_TYPE_URL, type ValidatorState } from './validator.js';

const DO_NOT_MODIFY = '[do-not-modify]';
const COMMISSION_CHANGE_PERIOD = 24n * 3600n;
// The SDK's Description limits (x/staking/types/validator.go).
const DESCRIPTION_LIMITS: Record<keyof Description, number> = { moniker: 70, identity: 3000, website: 140, securityContact: 140, details: 280 };

function checkAddress(codec: AddressCodec, value: string, what: string): Uint8Array {
  if (value === '') throw ErrInvalidAddress.wrap(`empty ${what} address`);
  try {
    return codec.decode(value);
  } catch (err) {
    throw ErrInvalidAddress.wrap(`invalid ${what} address ${JSON.stringify(value)}: ${err instanceof CodedError ? err.message : String(err)}`);
  }
}

function positiveAmount(coin: CoinProto | undefined, what: string): bigint {
  if (coin === undefined) throw ErrInvalidRequest.wrap(`invalid ${what} amount: missing`);
  const { amount } = coinFromProto(coin);
  if (amount <= 0n) throw ErrInvalidRequest.wrap(`invalid ${what} amount: must be positive`);
  return amount;
}

function bondDenomAmount(k: StakingKeeper, ctx: Context, coin: CoinProto): bigint {
  const denom = k.bondDenom(ctx);
  if (coin.denom !== denom) throw ErrInvalidRequest.wrap(`invalid coin denomination: got ${coin.denom}, expected ${denom}`);
  return BigInt(coin.amount);
}

function checkDescription(d: Description): void {
  for (const [field, limit] of Object.entries(DESCRIPTION_LIMITS) as Array<[keyof Description, number]>) {
    if (d[field].length > limit) throw ErrInvalidRequest.wrap(`invalid ${field} length; got: ${d[field].length}, max: ${limit}`);
  }
}

function dec(text: string, what: string): Dec {
  try {
    return decFromProto(text);
  } catch {
    throw ErrInvalidRequest.wrap(`invalid ${what} ${JSON.stringify(text)}: expected LegacyDec's protobuf form (the value × 10^18 as an integer)`);
  }
}

function checkCommissionRates(rate: Dec, maxRate: Dec, maxChangeRate: Dec): void {
  if (maxRate < 0n) throw ErrCommissionNegative.wrap('max rate is negative');
  if (maxRate > DEC_ONE) throw ErrCommissionHuge;
  if (rate < 0n) throw ErrCommissionNegative;
  if (rate > maxRate) throw ErrCommissionGTMaxRate;
  if (maxChangeRate < 0n) throw ErrCommissionChangeRateNegative;
  if (maxChangeRate > maxRate) throw ErrCommissionChangeRateGTMaxRate;
}

function response(typeUrl: string, value: Uint8Array): MsgResponse {
  return { typeUrl, value };
}

export function stakingMsgs(k: StakingKeeper): Record<string, MsgHandler> {
  const accounts = k.accounts.addressCodec;
  const valopers = k.valoperCodec;

  const createValidator: MsgHandler<MsgCreateValidator> = {
    decode: (value) => MsgCreateValidator.decode(value),
    // v0.50: the operator signs; delegator_address is deprecated and may be empty.
    signers: (msg) => [k.operatorAccount(msg.validatorAddress)],
    validate(msg) {
      checkAddress(valopers, msg.validatorAddress, 'validator');
      if (msg.delegatorAddress !== '' && !Buffer.from(checkAddress(accounts, msg.delegatorAddress, 'delegator')).equals(Buffer.from(valopers.decode(msg.validatorAddress)))) {
        throw ErrInvalidRequest.wrap('delegator address and validator address must be the same account');
      }
      if (msg.pubkey === undefined) throw ErrEmptyValidatorPubKey;
      if (msg.pubkey.typeUrl !== ED25519_PUBKEY_TYPE_URL) {
        throw ErrValidatorPubKeyTypeNotSupported.wrap(`got: ${msg.pubkey.typeUrl}, expected: [${ED25519_PUBKEY_TYPE_URL}]`);
      }
      if (Ed25519PubKey.decode(msg.pubkey.value).key.length !== 32) throw ErrInvalidRequest.wrap('an ed25519 consensus key has 32 bytes');
      positiveAmount(msg.value, 'delegation');
      checkDescription(msg.description);
      if (msg.description.moniker === '') throw ErrInvalidRequest.wrap('empty description: moniker is required');
      checkCommissionRates(dec(msg.commission.rate, 'commission rate'), dec(msg.commission.maxRate, 'max rate'), dec(msg.commission.maxChangeRate, 'max change rate'));
      if (!/^[0-9]+$/.test(msg.minSelfDelegation) || BigInt(msg.minSelfDelegation) <= 0n) {
        throw ErrInvalidRequest.wrap(`minimum self delegation must be a positive integer, got ${JSON.stringify(msg.minSelfDelegation)}`);
      }
      if (BigInt(msg.value.amount) < BigInt(msg.minSelfDelegation)) throw ErrSelfDelegationBelowMinimum;
    },
    handle(ctx, msg) {
      createValidatorFromMsg(k, ctx, msg);
      return response('/cosmos.staking.v1beta1.MsgCreateValidatorResponse', MsgCreateValidatorResponse.encode({}).finish());
    },
  };

  const editValidator: MsgHandler<MsgEditValidator> = {
    decode: (value) => MsgEditValidator.decode(value),
    signers: (msg) => [k.operatorAccount(msg.validatorAddress)],
    validate(msg) {
      checkAddress(valopers, msg.validatorAddress, 'validator');
      checkDescription(msg.description);
      if (msg.commissionRate !== '') {
        const rate = dec(msg.commissionRate, 'commission rate');
        if (rate < 0n || rate > DEC_ONE) throw ErrInvalidRequest.wrap('commission rate must be between 0 and 1');
      }
      if (msg.minSelfDelegation !== '' && (!/^[0-9]+$/.test(msg.minSelfDelegation) || BigInt(msg.minSelfDelegation) <= 0n)) {
        throw ErrInvalidRequest.wrap('minimum self delegation must be a positive integer');
      }
    },
    handle(ctx, msg) {
      const v = k.store.getValidator(ctx, msg.validatorAddress);
      if (v === undefined) throw ErrNoValidatorFound.wrap(`validator ${msg.validatorAddress} does not exist`);
      const description = { ...v.description };
      for (const field of Object.keys(DESCRIPTION_LIMITS) as Array<keyof Description>) {
        if (msg.description[field] !== DO_NOT_MODIFY) description[field] = msg.description[field];
      }
      const next: ValidatorState = { ...v, description };
      if (msg.commissionRate !== '') {
        const rate = decFromProto(msg.commissionRate);
        if (compareTime(ctx.header.time, addSeconds(v.commissionUpdateTime, COMMISSION_CHANGE_PERIOD)) < 0) throw ErrCommissionUpdateTime;
        if (rate > v.commissionMaxRate) throw ErrCommissionGTMaxRate;
        const change = rate > v.commissionRate ? rate - v.commissionRate : v.commissionRate - rate;
        if (change > v.commissionMaxChangeRate) throw ErrCommissionGTMaxChangeRate;
        if (rate < k.params(ctx).minCommissionRate) throw ErrCommissionLTMinRate;
        next.commissionRate = rate;
        next.commissionUpdateTime = ctx.header.time;
      }
      if (msg.minSelfDelegation !== '') {
        const min = BigInt(msg.minSelfDelegation);
        if (min <= v.minSelfDelegation) throw ErrMinSelfDelegationDecreased;
        if (min > v.tokens) throw ErrSelfDelegationBelowMinimum;
        next.minSelfDelegation = min;
      }
      k.store.setValidator(ctx, next);
      ctx.events.emit('edit_validator', ['commission_rate', next.commissionRate.toString()], ['min_self_delegation', next.minSelfDelegation.toString()]);
      return response('/cosmos.staking.v1beta1.MsgEditValidatorResponse', MsgEditValidatorResponse.encode({}).finish());
    },
  };

  const delegateMsg: MsgHandler<MsgDelegate> = {
    decode: (value) => MsgDelegate.decode(value),
    signers: (msg) => [msg.delegatorAddress],
    validate(msg) {
      checkAddress(accounts, msg.delegatorAddress, 'delegator');
      checkAddress(valopers, msg.validatorAddress, 'validator');
      positiveAmount(msg.amount, 'delegation');
    },
    handle(ctx, msg) {
      const amount = bondDenomAmount(k, ctx, msg.amount);
      const shares = delegate(k, ctx, msg.delegatorAddress, msg.validatorAddress, amount, 'account');
      ctx.events.emit(
        'delegate',
        ['validator', msg.validatorAddress],
        ['delegator', msg.delegatorAddress],
        ['amount', `${amount}${msg.amount.denom}`],
        ['new_shares', decToString(shares)],
      );
      return response('/cosmos.staking.v1beta1.MsgDelegateResponse', MsgDelegateResponse.encode({}).finish());
    },
  };

  const undelegateMsg: MsgHandler<MsgUndelegate> = {
    decode: (value) => MsgUndelegate.decode(value),
    signers: (msg) => [msg.delegatorAddress],
    validate(msg) {
      checkAddress(accounts, msg.delegatorAddress, 'delegator');
      checkAddress(valopers, msg.validatorAddress, 'validator');
      positiveAmount(msg.amount, 'shares');
    },
    handle(ctx, msg) {
      const amount = bondDenomAmount(k, ctx, msg.amount);
      const result = undelegate(k, ctx, msg.delegatorAddress, msg.validatorAddress, amount);
      const value = MsgUndelegateResponse.encode({ completionTime: result.completionTime, amount: { denom: msg.amount.denom, amount: result.amount.toString() } }).finish();
      return response('/cosmos.staking.v1beta1.MsgUndelegateResponse', value);
    },
  };

  const redelegateMsg: MsgHandler<MsgBeginRedelegate> = {
    decode: (value) => MsgBeginRedelegate.decode(value),
    signers: (msg) => [msg.delegatorAddress],
    validate(msg) {
      checkAddress(accounts, msg.delegatorAddress, 'delegator');
      checkAddress(valopers, msg.validatorSrcAddress, 'source validator');
      checkAddress(valopers, msg.validatorDstAddress, 'destination validator');
      positiveAmount(msg.amount, 'shares');
    },
    handle(ctx, msg) {
      const amount = bondDenomAmount(k, ctx, msg.amount);
      const completionTime = redelegate(k, ctx, msg.delegatorAddress, msg.validatorSrcAddress, msg.validatorDstAddress, amount);
      return response('/cosmos.staking.v1beta1.MsgBeginRedelegateResponse', MsgBeginRedelegateResponse.encode({ completionTime }).finish());
    },
  };

  const cancelMsg: MsgHandler<MsgCancelUnbondingDelegation> = {
    decode: (value) => MsgCancelUnbondingDelegation.decode(value),
    signers: (msg) => [msg.delegatorAddress],
    validate(msg) {
      checkAddress(accounts, msg.delegatorAddress, 'delegator');
      checkAddress(valopers, msg.validatorAddress, 'validator');
      positiveAmount(msg.amount, 'amount');
      if (msg.creationHeight <= 0n) throw ErrInvalidRequest.wrap('invalid height: must be positive');
    },
    handle(ctx, msg) {
      const amount = bondDenomAmount(k, ctx, msg.amount);
      cancelUnbondingDelegation(k, ctx, msg.delegatorAddress, msg.validatorAddress, amount, msg.creationHeight);
      return response('/cosmos.staking.v1beta1.MsgCancelUnbondingDelegationResponse', MsgCancelUnbondingDelegationResponse.encode({}).finish());
    },
  };

  return {
    '/cosmos.staking.v1beta1.MsgCreateValidator': createValidator,
    '/cosmos.staking.v1beta1.MsgEditValidator': editValidator,
    '/cosmos.staking.v1beta1.MsgDelegate': delegateMsg,
    '/cosmos.staking.v1beta1.MsgUndelegate': undelegateMsg,
    '/cosmos.staking.v1beta1.MsgBeginRedelegate': redelegateMsg,
    '/cosmos.staking.v1beta1.MsgCancelUnbondingDelegation': cancelMsg,
  };
}

/** MsgCreateValidator's state checks and effects (also what a gentx runs at genesis). */
export function createValidatorFromMsg(k: StakingKeeper, ctx: Context, msg: MsgCreateValidator): void {
  if (k.store.getValidator(ctx, msg.validatorAddress) !== undefined) throw ErrValidatorOwnerExists;
  const consPubKey = Ed25519PubKey.decode(msg.pubkey!.value).key;
  const consAddress = consAddressOf(consPubKey);
  if (k.store.getValidatorByConsAddr(ctx, consAddress) !== undefined) throw ErrValidatorPubKeyExists;
  const amount = bondDenomAmount(k, ctx, msg.value);
  const rate = decFromProto(msg.commission.rate);
  if (rate < k.params(ctx).minCommissionRate) throw ErrCommissionLTMinRate.wrap(`cannot set validator commission to less than minimum rate of ${k.params(ctx).minCommissionRate}`);
  if (amount <= 0n) throw ErrInvalidCoins.wrap('self-delegation must be positive');
  const v: ValidatorState = {
    operator: msg.validatorAddress,
    consPubKey,
    consAddress,
    jailed: false,
    status: 'unbonded',
    tokens: 0n,
    delegatorShares: 0n,
    description: msg.description,
    unbondingHeight: 0n,
    unbondingTime: { seconds: 0n, nanos: 0 },
    commissionRate: rate,
    commissionMaxRate: decFromProto(msg.commission.maxRate),
    commissionMaxChangeRate: decFromProto(msg.commission.maxChangeRate),
    commissionUpdateTime: ctx.header.time,
    minSelfDelegation: BigInt(msg.minSelfDelegation),
  };
  k.store.setValidator(ctx, v);
  k.store.setValidatorByConsAddr(ctx, v);
  k.store.setPowerIndex(ctx, v);
  k.hooks.afterValidatorCreated(ctx, v.operator);
  delegate(k, ctx, k.operatorAccount(v.operator), v.operator, amount, 'account');
  ctx.events.emit('create_validator', ['validator', v.operator], ['amount', `${amount}${msg.value.denom}`]);
}
