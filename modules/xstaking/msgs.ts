// The Msg service (hub role): stateless checks, one keeper call, the typed response.
import type { AddressCodec } from '../../app/address-codec.js';
import { ErrInvalidRequest } from '../../app/errors.js';
import type { MsgHandler } from '../../app/module.js';
import { msgHandler, msgResponse } from '../../app/proto/msgs.js';
import { MsgSubmitConsumerFork, MsgSubmitConsumerForkResponse, MsgXRecover, MsgXRecoverResponse, MsgXStake, MsgXStakeResponse, MsgXUnstake, MsgXUnstakeResponse } from '../../gen/zonekit/xstaking/v1/tx.js';
import { ErrInvalidAmount, ErrInvalidFork } from './errors.js';
import { judgeConsumerFork, type ForkTrialDeps } from './fork.js';
import type { XStakingKeeper } from './keeper.js';
import { MSG_SUBMIT_CONSUMER_FORK_TYPE_URL, MSG_XRECOVER_TYPE_URL, MSG_XSTAKE_TYPE_URL, MSG_XUNSTAKE_TYPE_URL, schema } from './schema.js';

function positiveAmount(text: string): bigint {
  if (!/^[0-9]+$/.test(text) || BigInt(text) === 0n) throw ErrInvalidAmount.wrap(`amount must be a positive integer, got "${text}"`);
  return BigInt(text);
}

function checkChannel(codec: AddressCodec, msg: { staker: string; consumerChannel: string }): void {
  codec.decode(msg.staker);
  if (!/^channel-[0-9]+$/.test(msg.consumerChannel)) throw ErrInvalidRequest.wrap(`consumer_channel must be a channel id like channel-0, got "${msg.consumerChannel}"`);
}

function checkCommon(codec: AddressCodec, msg: { staker: string; consumerChannel: string; validator: string; amount: string }): void {
  checkChannel(codec, msg);
  if (msg.validator === '') throw ErrInvalidRequest.wrap('validator is required (the consumer operator address)');
  positiveAmount(msg.amount);
}

export function xstakingMsgs(keeper: XStakingKeeper, codec: AddressCodec, fork: ForkTrialDeps): Record<string, MsgHandler> {
  return {
    [MSG_XSTAKE_TYPE_URL]: msgHandler(schema, MsgXStake, {
      validate: (msg) => checkCommon(codec, msg),
      handle: (ctx, msg) => msgResponse(MsgXStakeResponse, { sequence: keeper.xstake(ctx, msg.staker, msg.consumerChannel, msg.validator, positiveAmount(msg.amount)) }),
    }) as MsgHandler,
    [MSG_XUNSTAKE_TYPE_URL]: msgHandler(schema, MsgXUnstake, {
      validate: (msg) => checkCommon(codec, msg),
      handle: (ctx, msg) => msgResponse(MsgXUnstakeResponse, { sequence: keeper.xunstake(ctx, msg.staker, msg.consumerChannel, msg.validator, positiveAmount(msg.amount)) }),
    }) as MsgHandler,
    [MSG_XRECOVER_TYPE_URL]: msgHandler(schema, MsgXRecover, {
      validate: (msg) => checkChannel(codec, msg),
      handle: (ctx, msg) => msgResponse(MsgXRecoverResponse, { amount: keeper.recover(ctx, msg.staker, msg.consumerChannel).toString() }),
    }) as MsgHandler,
    [MSG_SUBMIT_CONSUMER_FORK_TYPE_URL]: msgHandler(schema, MsgSubmitConsumerFork, {
      validate(msg) {
        codec.decode(msg.submitter);
        if (!/^channel-[0-9]+$/.test(msg.channelId)) throw ErrInvalidRequest.wrap(`channel_id must be a channel id like channel-0, got "${msg.channelId}"`);
        if (msg.misbehaviour === undefined) throw ErrInvalidFork.wrap('misbehaviour cannot be empty');
      },
      handle: (ctx, msg) => msgResponse(MsgSubmitConsumerForkResponse, { foreignTrialIds: judgeConsumerFork(fork, ctx, msg.channelId, msg.misbehaviour!).map((t) => t.id) }),
    }) as MsgHandler,
  };
}
