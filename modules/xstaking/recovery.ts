// Recovery from a closed channel (hub). A consumer that stops answering leaves its ORDERED
// channel closed (a packet timed out, or its end was closed and the hub's confirmed). From the
// close plus the hub's unbonding period, each staker may take back what was still locked over
// it: the PHOTON of its positions (whose principal still counts the unstakes the consumer never
// acknowledged), and the stakes still in flight, net of every burn recorded since. Payment is a
// message (MsgXRecover), not an EndBlock sweep: the staker pays for the work, a block's work does
// not grow with the number of positions, and a refusal is an error the staker sees.
//
// Each staker is paid their share of what the channel still escrows for positions (escrow less
// the acknowledged unstakes still to be paid out), in proportion to the PHOTON they locked: when
// no sale through the consumer's curve left more or less in the escrow than the positions hold,
// that share is exactly what they locked; when earlier sales were paid more than their principal,
// everyone left shares the shortfall alike, whatever the order they recover in (rounded down;
// the last staker takes what is left, so the escrow ends at zero).
import type { Context } from '../../app/context.js';
import type { Channel } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { stateToJSON } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { ClosedChannel, Params } from '../../gen/zonekit/xstaking/v1/xstaking.js';
import type { ClosureStore } from './closure-store.js';
import { ErrChannelClosed, ErrChannelNotClosed, ErrNoPosition, ErrRecoveryNotDue } from './errors.js';
import type { XStakingAccountKeeper, XStakingBankKeeper } from './expects.js';
import { MODULE_ACCOUNT } from './keys.js';
import type { XStakingStore } from './store.js';

export interface RecoveryDeps {
  store: XStakingStore;
  closure: ClosureStore;
  bank: XStakingBankKeeper;
  accounts: XStakingAccountKeeper;
  /** PHOTON acknowledged by the consumer over a channel and not paid out yet. */
  owedFrom(ctx: Context, channel: string): bigint;
}

/** RFC 3339 of unix seconds, for sentences. */
export const timeText = (seconds: bigint): string => new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z');

/** Stakes and unstakes over a closed channel are refused, saying what the staker can do instead. */
export function requireNotClosed(closed: ClosedChannel | undefined): void {
  if (closed === undefined) return;
  throw ErrChannelClosed.wrap(
    `${closed.channel} closed at ${timeText(closed.closeTime)}: nothing more can be staked or unstaked over it; what was locked over it is recoverable from ${timeText(closed.recoverableTime)} (tx xstaking recover ${closed.channel})`,
  );
}

/** Records a channel's close, once: a later timeout over the closed channel does not move it. */
export function recordClose(ctx: Context, closure: ClosureStore, p: Params, channel: string): void {
  if (closure.closedChannel(ctx, channel) !== undefined) return;
  const now = ctx.header.time.seconds;
  const recoverableTime = now + BigInt(p.unbondingPeriodSeconds);
  closure.setClosedChannel(ctx, { channel, closeTime: now, recoverableTime });
  ctx.events.emit('xstaking_channel_closed', ['channel', channel], ['close_time', now.toString()], ['recoverable_time', recoverableTime.toString()]);
}

/**
 * Pays `staker` back what was locked over the closed `channel` and forgets it; returns the
 * amount. Refuses, changing nothing, an open channel, a channel before its recoverable time
 * and a staker with nothing left over it (so recovering twice pays once).
 */
export function recover(ctx: Context, deps: RecoveryDeps, p: Params, channelEnd: Channel | undefined, staker: string, channel: string): bigint {
  const { store, closure } = deps;
  const closed = closure.closedChannel(ctx, channel);
  if (closed === undefined) {
    if (channelEnd === undefined) throw ErrChannelNotClosed.wrap(`${channel} is not an xstaking channel of this zone`);
    throw ErrChannelNotClosed.wrap(`${channel} is ${stateToJSON(channelEnd.state)}: only what was locked over a closed channel can be recovered`);
  }
  const now = ctx.header.time.seconds;
  if (now < closed.recoverableTime) {
    throw ErrRecoveryNotDue.wrap(`${channel} closed at ${timeText(closed.closeTime)}; what was locked over it is recoverable from ${timeText(closed.recoverableTime)}, it is ${timeText(now)}`);
  }

  let total = 0n;
  let mine = 0n;
  const positions = [];
  for (const position of store.positions(ctx, channel)) {
    total += BigInt(position.staked);
    if (position.staker !== staker) continue;
    mine += BigInt(position.staked);
    positions.push(position);
  }
  const pending = [];
  for (const stake of closure.pendingStakes(ctx, channel)) {
    total += BigInt(stake.amount);
    if (stake.staker !== staker) continue;
    mine += BigInt(stake.amount);
    pending.push(stake);
  }
  // Unstakes sent and never acknowledged: their principal is still in the position's staked.
  const unacknowledged = store.unbondings(ctx).filter((u) => u.channel === channel && u.staker === staker && u.completionTime === 0n);
  if (positions.length === 0 && pending.length === 0 && unacknowledged.length === 0) {
    throw ErrNoPosition.wrap(`${staker} has nothing locked over ${channel} to recover`);
  }

  const escrow = store.escrow(ctx, channel);
  const left = escrow - deps.owedFrom(ctx, channel);
  const available = left > 0n ? left : 0n;
  const amount = total === 0n ? 0n : (mine * available) / total;

  for (const position of positions) store.setPosition(ctx, { ...position, staked: '0', bar: '0' });
  for (const stake of pending) closure.takePendingStake(ctx, channel, stake.sequence);
  for (const u of unacknowledged) {
    store.takeInFlight(ctx, channel, u.sequence);
    store.deleteUnbonding(ctx, u.id);
  }
  store.setEscrow(ctx, channel, escrow - amount);
  if (amount > 0n) deps.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, deps.accounts.addressCodec.decode(staker), [{ denom: p.stakeDenom, amount }]);
  ctx.events.emit('xstake_recover', ['staker', staker], ['channel', channel], ['locked', mine.toString()], ['amount', `${amount}${p.stakeDenom}`]);
  return amount;
}
