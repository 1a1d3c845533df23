// Interchain staking's logic, both roles. The hub escrows the stake denom and keeps positions
// from the consumer's acknowledgements; the consumer prices x-stakes on the curve, delegates
// the BAR through staking, and acknowledges an unstake only once its unbonding completed.
// Refunds: a failed or timed-out XStake returns exactly the escrowed amount; a failed or
// timed-out XUnstake puts the BAR back on the position; what is left locked over a channel that
// closed is recovered once (recovery.ts), and a later timeout of a recovered stake pays nothing.
// Nothing else moves tokens.
import { Order, State, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../app/context.js';
import { DEC_ONE, decFromProto, decToProto, decToString, mulIntTrunc, parseDec } from '../../app/dec.js';
import { CodedError, ErrInvalidRequest } from '../../app/errors.js';
import { compareTime } from '../../app/time.js';
import { ackBytes, decodeAck, isSuccessAck, resultAck } from '../../ibc/core/04-channel/acknowledgement.js';
import type { AppChannelKeeper } from '../../ibc/core/app-channels.js';
import { InfractionKind, type ForeignSlash, type ForeignTrial, type Trial } from '../../gen/zonekit/court/v1/types.js';
import { XStakeAck, XStakingPacketData, XUnstakeAck, type SlashPacket } from '../../gen/zonekit/xstaking/v1/packet.js';
import { Role, type Params, type Position, type Unbonding } from '../../gen/zonekit/xstaking/v1/xstaking.js';
import { buy, initialSupply, sell } from './curve.js';
import { ErrInsufficientBar, ErrInvalidAmount, ErrInvalidPacket, ErrNoPosition, ErrPowerCap, ErrWrongRole } from './errors.js';
import type { XStakingAccountKeeper, XStakingBankKeeper, XStakingCourtKeeper, XStakingStakingKeeper } from './expects.js';
import { interchainDelegator, MODULE_ACCOUNT, PORT_ID } from './keys.js';
import { curveOf, powerCapOf } from './params.js';
import { XStakingStore } from './store.js';
import { ClosureStore } from './closure-store.js';
import { recordClose, recover, requireNotClosed } from './recovery.js';

const emptyPosition = (channel: string, staker: string, validator: string): Position => ({ staker, channel, validator, staked: '0', bar: '0', delegator: '', consensusAddress: new Uint8Array() });

export class XStakingKeeper {
  readonly store = new XStakingStore();
  /** Closed channels and the hub's stakes in flight (recovery.ts). */
  readonly closure = new ClosureStore();

  constructor(
    private readonly bank: XStakingBankKeeper,
    private readonly accounts: XStakingAccountKeeper,
    private readonly channels: AppChannelKeeper,
    /** Only a consumer uses it; a hub-only zone may leave it out. */
    private readonly staking?: XStakingStakingKeeper,
    /** Only a hub uses it, to record the consumer's verdicts it carries out. */
    private readonly court?: XStakingCourtKeeper,
  ) {}

  params(ctx: Context): Params {
    return this.store.params(ctx);
  }

  moduleBalance(ctx: Context, denom: string): bigint {
    const address = this.accounts.getModuleAddress(MODULE_ACCOUNT);
    return address === undefined ? 0n : this.bank.getBalance(ctx, address, denom);
  }

  private requireRole(ctx: Context, role: Role): Params {
    const p = this.params(ctx);
    if (p.role !== role) throw ErrWrongRole.wrap(`this zone's xstaking role is ${Role[p.role]}, the action needs ${Role[role]}`);
    return p;
  }

  private send(ctx: Context, p: Params, channel: string, data: XStakingPacketData): bigint {
    const timeout = (ctx.header.time.seconds + p.packetTimeoutSeconds) * 1_000_000_000n;
    return this.channels.sendPacket(ctx, PORT_ID, channel, { revisionNumber: 0n, revisionHeight: 0n }, timeout, XStakingPacketData.encode(data).finish());
  }

  // ---- hub ----

  /** Escrows `amount` of the stake denom and sends XStake; returns the packet's sequence. */
  xstake(ctx: Context, staker: string, channel: string, validator: string, amount: bigint): bigint {
    const p = this.requireRole(ctx, Role.ROLE_HUB);
    if (amount <= 0n) throw ErrInvalidAmount.wrap(`amount must be positive, got ${amount}`);
    requireNotClosed(this.closure.closedChannel(ctx, channel));
    this.bank.sendCoinsFromAccountToModule(ctx, this.accounts.addressCodec.decode(staker), MODULE_ACCOUNT, [{ denom: p.stakeDenom, amount }]);
    this.store.setEscrow(ctx, channel, this.store.escrow(ctx, channel) + amount);
    const sequence = this.send(ctx, p, channel, { stake: { staker, validator, amount: amount.toString() } });
    this.closure.setPendingStake(ctx, { channel, sequence, staker, validator, amount: amount.toString() });
    ctx.events.emit('xstake', ['staker', staker], ['channel', channel], ['validator', validator], ['amount', `${amount}${p.stakeDenom}`], ['packet_sequence', sequence.toString()]);
    return sequence;
  }

  /** Takes `bar` off the position and sends XUnstake; the PHOTON comes back on its ack plus the unbonding period. */
  xunstake(ctx: Context, staker: string, channel: string, validator: string, bar: bigint): bigint {
    const p = this.requireRole(ctx, Role.ROLE_HUB);
    if (bar <= 0n) throw ErrInvalidAmount.wrap(`amount must be positive, got ${bar}`);
    requireNotClosed(this.closure.closedChannel(ctx, channel));
    const position = this.store.position(ctx, channel, staker, validator);
    if (position === undefined) throw ErrNoPosition.wrap(`${staker} has no x-stake behind ${validator} over ${channel}`);
    if (BigInt(position.bar) < bar) throw ErrInsufficientBar.wrap(`position holds ${position.bar} BAR, asked to unstake ${bar}`);
    this.store.setPosition(ctx, { ...position, bar: (BigInt(position.bar) - bar).toString() });
    const sequence = this.send(ctx, p, channel, { unstake: { staker, validator, bar: bar.toString() } });
    const id = this.store.nextUnbondingId(ctx);
    this.store.setUnbonding(ctx, { id, staker, channel, validator, bar: bar.toString(), photon: '0', completionTime: 0n, sequence });
    this.store.setInFlight(ctx, channel, sequence, id);
    ctx.events.emit('xunstake', ['staker', staker], ['channel', channel], ['validator', validator], ['bar', bar.toString()], ['packet_sequence', sequence.toString()]);
    return sequence;
  }

  onAcknowledgement(ctx: Context, packet: Packet, acknowledgement: Uint8Array): void {
    const ack = decodeAck(acknowledgement);
    this.settle(ctx, packet, isSuccessAck(ack) ? ack.result : undefined);
  }

  /** A timeout refunds as an error ack does; on an ORDERED channel it also closes the channel. */
  onTimeout(ctx: Context, packet: Packet): void {
    this.settle(ctx, packet, undefined);
    if (this.channels.getChannel(ctx, PORT_ID, packet.sourceChannel)?.ordering === Order.ORDER_ORDERED) this.onChannelClosed(ctx, packet.sourceChannel);
  }

  /** Core closed (or is closing) `channel`: from now plus the hub's unbonding period, what was locked over it is recoverable. */
  onChannelClosed(ctx: Context, channel: string): void {
    if (this.params(ctx).role !== Role.ROLE_HUB) return;
    recordClose(ctx, this.closure, this.params(ctx), channel);
  }

  /** Hub, MsgXRecover: pays `staker` back what was locked over the closed `channel` (recovery.ts); returns the amount. */
  recover(ctx: Context, staker: string, channel: string): bigint {
    const p = this.requireRole(ctx, Role.ROLE_HUB);
    const deps = { store: this.store, closure: this.closure, bank: this.bank, accounts: this.accounts, owedFrom: (c: Context, ch: string) => this.owedFrom(c, ch) };
    return recover(ctx, deps, p, this.channels.getChannel(ctx, PORT_ID, channel), staker, channel);
  }

  /** A sent packet's outcome on the hub: `result` is the success ack's payload, undefined for an error ack or a timeout. */
  private settle(ctx: Context, packet: Packet, result: Uint8Array | undefined): void {
    const p = this.params(ctx);
    const data = XStakingPacketData.decode(packet.data);
    const channel = packet.sourceChannel;
    if (data.stake !== undefined) {
      const { staker, validator } = data.stake;
      const amount = BigInt(data.stake.amount);
      // Recovered from the closed channel already (recovery.ts): the staker was paid.
      if (this.closure.takePendingStake(ctx, channel, packet.sequence) === undefined) {
        ctx.events.emit('xstake_settled_already', ['staker', staker], ['channel', channel], ['packet_sequence', packet.sequence.toString()]);
        return;
      }
      if (result === undefined) {
        this.store.setEscrow(ctx, channel, this.store.escrow(ctx, channel) - amount);
        this.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, this.accounts.addressCodec.decode(staker), [{ denom: p.stakeDenom, amount }]);
        ctx.events.emit('xstake_refund', ['staker', staker], ['channel', channel], ['amount', `${amount}${p.stakeDenom}`]);
        return;
      }
      const ack = XStakeAck.decode(result);
      const bar = BigInt(ack.bar);
      const position = this.store.position(ctx, channel, staker, validator) ?? emptyPosition(channel, staker, validator);
      // The consumer names the validator's consensus key as of now; a fork trial matches it.
      const consensusAddress = ack.consensusAddress.length > 0 ? ack.consensusAddress : position.consensusAddress;
      this.store.setPosition(ctx, { ...position, staked: (BigInt(position.staked) + amount).toString(), bar: (BigInt(position.bar) + bar).toString(), consensusAddress });
      return;
    }
    if (data.unstake !== undefined) {
      const id = this.store.takeInFlight(ctx, channel, packet.sequence);
      const unbonding = id === undefined ? undefined : this.store.unbonding(ctx, id);
      if (unbonding === undefined) return;
      const { staker, validator } = unbonding;
      const bar = BigInt(unbonding.bar);
      const position = this.store.position(ctx, channel, staker, validator) ?? emptyPosition(channel, staker, validator);
      if (result === undefined) {
        this.store.setPosition(ctx, { ...position, bar: (BigInt(position.bar) + bar).toString() });
        this.store.deleteUnbonding(ctx, unbonding.id);
        return;
      }
      // The principal leaves the position in proportion to the BAR unstaked.
      const before = BigInt(position.bar) + bar;
      const staked = BigInt(position.staked);
      const leaving = before === 0n ? staked : (staked * bar) / before;
      this.store.setPosition(ctx, { ...position, staked: (staked - leaving).toString() });
      // A consumer can never be paid out more than its channel escrows (less what is already
      // owed from it): its curve guarantees that, and a faulty or hostile consumer gets no more.
      const asked = BigInt(XUnstakeAck.decode(result).photon);
      const available = this.store.escrow(ctx, channel) - this.owedFrom(ctx, channel);
      const photon = asked < available ? asked : available > 0n ? available : 0n;
      if (photon < asked) ctx.events.emit('xunstake_capped', ['channel', channel], ['asked', asked.toString()], ['paid', photon.toString()]);
      this.store.setUnbonding(ctx, { ...unbonding, photon: photon.toString(), completionTime: ctx.header.time.seconds + p.unbondingPeriodSeconds });
    }
  }

  /** Hub: PHOTON acknowledged by the consumer over `channel` and not paid out yet. */
  private owedFrom(ctx: Context, channel: string): bigint {
    let owed = 0n;
    for (const u of this.store.unbondings(ctx)) if (u.channel === channel && u.completionTime > 0n) owed += BigInt(u.photon);
    return owed;
  }

  /** Hub EndBlock: pays out every unbonding whose hub-side period has passed. */
  releaseMatured(ctx: Context): void {
    const p = this.params(ctx);
    for (const u of this.store.unbondings(ctx)) {
      if (u.completionTime === 0n || u.completionTime > ctx.header.time.seconds) continue;
      const escrowed = this.store.escrow(ctx, u.channel);
      // Capped at acknowledgement (settle), so this never exceeds the escrow; an EndBlock must not fail.
      const owed = BigInt(u.photon) < escrowed ? BigInt(u.photon) : escrowed;
      this.store.setEscrow(ctx, u.channel, escrowed - owed);
      if (owed > 0n) this.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, this.accounts.addressCodec.decode(u.staker), [{ denom: p.stakeDenom, amount: owed }]);
      this.store.deleteUnbonding(ctx, u.id);
      ctx.events.emit('xunstake_complete', ['staker', u.staker], ['channel', u.channel], ['amount', `${owed}${p.stakeDenom}`]);
    }
  }

  // ---- consumer ----

  private requireStaking(): XStakingStakingKeeper {
    if (this.staking === undefined) throw ErrWrongRole.wrap('this zone composed xstaking without staking: it cannot be a consumer');
    return this.staking;
  }

  private curveSupply(ctx: Context, p: Params): { supply: bigint; reserve: bigint } {
    const c = this.store.curve(ctx);
    if (c === undefined) return { supply: initialSupply(curveOf(p)), reserve: BigInt(p.virtualReserve) };
    return { supply: BigInt(c.supply), reserve: BigInt(c.reserve) };
  }

  /** Consumer: an XStake arrived. Mints BAR by the curve and delegates it; returns the ack payload. */
  receiveXStake(ctx: Context, channel: string, staker: string, validator: string, amount: bigint): Uint8Array {
    const p = this.requireRole(ctx, Role.ROLE_CONSUMER);
    const staking = this.requireStaking();
    if (amount <= 0n) throw ErrInvalidAmount.wrap(`amount must be positive, got ${amount}`);
    if (staker === '') throw ErrInvalidPacket.wrap('staker is empty');
    if (!staking.hasValidator(ctx, validator)) throw ErrInvalidRequest.wrap(`validator ${validator} does not exist`);
    const curve = this.curveSupply(ctx, p);
    const bar = buy(curveOf(p), curve.supply, amount);
    if (bar === 0n) throw ErrInvalidAmount.wrap(`${amount} buys no BAR at the curve's current price`);
    const xstaked = this.store.xstakedBar(ctx) + bar;
    const cap = mulIntTrunc(staking.totalBondedTokens(ctx) + bar, powerCapOf(p));
    if (xstaked > cap) throw ErrPowerCap.wrap(`x-staked BAR would be ${xstaked}, over the cap ${cap}`);

    const denom = staking.bondDenom(ctx);
    const delegatorBytes = interchainDelegator(channel, staker);
    const delegator = this.accounts.addressCodec.encode(delegatorBytes);
    this.bank.mintCoins(ctx, MODULE_ACCOUNT, [{ denom, amount: bar }]);
    this.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, delegatorBytes, [{ denom, amount: bar }]);
    staking.delegate(ctx, delegator, validator, bar);

    this.store.setCurve(ctx, { supply: (curve.supply + bar).toString(), reserve: (curve.reserve + amount).toString() });
    this.store.setXStakedBar(ctx, xstaked);
    const position = this.store.position(ctx, channel, staker, validator) ?? emptyPosition(channel, staker, validator);
    this.store.setPosition(ctx, { ...position, delegator, staked: (BigInt(position.staked) + amount).toString(), bar: (BigInt(position.bar) + bar).toString() });
    ctx.events.emit('xstake_received', ['staker', staker], ['channel', channel], ['validator', validator], ['amount', amount.toString()], ['bar', `${bar}${denom}`]);
    return XStakeAck.encode({ bar: bar.toString(), consensusAddress: staking.consensusAddress(ctx, validator) ?? new Uint8Array() }).finish();
  }

  /** Consumer: an XUnstake arrived. Undelegates; the ack waits for the unbonding (see completeUnbondings). */
  receiveXUnstake(ctx: Context, packet: Packet, staker: string, validator: string, bar: bigint): void {
    this.requireRole(ctx, Role.ROLE_CONSUMER);
    const staking = this.requireStaking();
    const channel = packet.destinationChannel;
    if (bar <= 0n) throw ErrInvalidAmount.wrap(`amount must be positive, got ${bar}`);
    const position = this.store.position(ctx, channel, staker, validator);
    if (position === undefined) throw ErrNoPosition.wrap(`${staker} has no x-stake behind ${validator} over ${channel}`);
    const held = BigInt(position.bar);
    if (held < bar) throw ErrInsufficientBar.wrap(`position holds ${held} BAR, asked to unstake ${bar}`);
    const { completionTime, amount } = staking.undelegate(ctx, position.delegator, validator, bar);
    const staked = BigInt(position.staked);
    this.store.setPosition(ctx, { ...position, bar: (held - bar).toString(), staked: (staked - (staked * bar) / held).toString() });
    this.store.setXStakedBar(ctx, this.store.xstakedBar(ctx) - bar);
    const id = this.store.nextUnbondingId(ctx);
    // Whole seconds, rounded up: staking pays at completionTime, so the sale comes no earlier.
    const completion = completionTime.seconds + (completionTime.nanos > 0 ? 1n : 0n);
    this.store.setUnbonding(ctx, { id, staker, channel, validator, bar: amount.toString(), photon: '0', completionTime: completion, sequence: packet.sequence });
    this.store.setPendingPacket(ctx, id, packet);
    ctx.events.emit('xunstake_received', ['staker', staker], ['channel', channel], ['validator', validator], ['bar', bar.toString()], ['completion_time', completion.toString()]);
  }

  /**
   * Consumer EndBlock, after staking's: each unbonding that completed is sold back through the
   * curve (the staker bears BAR's price) and its XUnstake packet acknowledged with the PHOTON.
   */
  completeUnbondings(ctx: Context): void {
    const p = this.params(ctx);
    if (p.role !== Role.ROLE_CONSUMER || this.staking === undefined) return;
    const denom = this.staking.bondDenom(ctx);
    for (const u of this.store.unbondings(ctx)) {
      if (compareTime({ seconds: u.completionTime, nanos: 0 }, ctx.header.time) > 0) continue;
      const packet = this.store.pendingPacket(ctx, u.id);
      if (packet === undefined) continue;
      const position = this.store.position(ctx, u.channel, u.staker, u.validator);
      const delegator = position?.delegator || this.accounts.addressCodec.encode(interchainDelegator(u.channel, u.staker));
      const delegatorBytes = this.accounts.addressCodec.decode(delegator);
      // A slash during the unbonding leaves less than was undelegated: sell what arrived.
      const balance = this.bank.getBalance(ctx, delegatorBytes, denom);
      const bar = BigInt(u.bar) < balance ? BigInt(u.bar) : balance;
      const curve = this.curveSupply(ctx, p);
      const photon = sell(curveOf(p), curve.supply, bar);
      if (bar > 0n) {
        this.bank.sendCoinsFromAccountToModule(ctx, delegatorBytes, MODULE_ACCOUNT, [{ denom, amount: bar }]);
        this.bank.burnCoins(ctx, MODULE_ACCOUNT, [{ denom, amount: bar }]);
      }
      this.store.setCurve(ctx, { supply: (curve.supply - bar).toString(), reserve: (curve.reserve - photon).toString() });
      this.store.deleteUnbonding(ctx, u.id);
      this.channels.writeAcknowledgement(ctx, packet, ackBytes(resultAck(XUnstakeAck.encode({ photon: photon.toString(), bar: bar.toString() }).finish())));
      ctx.events.emit('xunstake_sold', ['staker', u.staker], ['channel', u.channel], ['bar', `${bar}${denom}`], ['photon', photon.toString()]);
    }
  }

  // ---- accountability ----

  /**
   * Consumer, a court verdict hook: the court slashed `trial`'s validator, so each open
   * channel whose stakers delegate to it is sent a Slash for the hub to burn their locked
   * stake by the same fraction. A channel that cannot take the packet is skipped (an event
   * says so): a verdict must not fail the block it is carried out in.
   */
  afterVerdict(ctx: Context, trial: Trial): void {
    const p = this.params(ctx);
    if (p.role !== Role.ROLE_CONSUMER) return;
    const channels = new Set<string>();
    for (const position of this.store.positions(ctx)) if (position.validator === trial.validatorAddress) channels.add(position.channel);
    const slash: SlashPacket = {
      validator: trial.validatorAddress,
      infractionHeight: trial.infractionHeight,
      fraction: decToProto(parseDec(trial.slashFraction)),
      evidenceHash: trial.evidenceHash,
      kind: trial.kind,
    };
    for (const channel of channels) {
      if (this.channels.getChannel(ctx, PORT_ID, channel)?.state !== State.STATE_OPEN) {
        ctx.events.emit('xstaking_slash_skipped', ['channel', channel], ['validator', slash.validator], ['reason', 'channel is not open']);
        continue;
      }
      try {
        const sequence = this.send(ctx, p, channel, { slash });
        ctx.events.emit('xstaking_slash_sent', ['channel', channel], ['validator', slash.validator], ['trial_id', trial.id.toString()], ['packet_sequence', sequence.toString()]);
      } catch (err) {
        if (!(err instanceof CodedError)) throw err;
        ctx.events.emit('xstaking_slash_skipped', ['channel', channel], ['validator', slash.validator], ['reason', err.message]);
      }
    }
  }

  /**
   * Hub: the consumer's court judged `slash.validator`. Burns `fraction` of the PHOTON each
   * staker locked behind it over this channel (rounded up: the zone's favour), out of the
   * channel's escrow, and records the trial in the court. A malformed Slash, or one naming
   * a validator no one here stakes behind over this channel, throws and changes nothing.
   */
  receiveSlash(ctx: Context, packet: Packet, slash: SlashPacket): ForeignTrial {
    const p = this.requireRole(ctx, Role.ROLE_HUB);
    if (this.court === undefined) throw ErrWrongRole.wrap('this zone composed xstaking without a court: it cannot carry out a consumer\'s verdict');
    const channel = packet.destinationChannel;
    if (slash.validator === '') throw ErrInvalidPacket.wrap('validator is empty');
    if (slash.evidenceHash.length === 0) throw ErrInvalidPacket.wrap('evidence hash is empty');
    if (slash.infractionHeight <= 0n) throw ErrInvalidPacket.wrap(`infraction height must be positive, got ${slash.infractionHeight}`);
    const known = [InfractionKind.INFRACTION_KIND_DOUBLE_SIGN, InfractionKind.INFRACTION_KIND_LIGHT_CLIENT_ATTACK, InfractionKind.INFRACTION_KIND_DOWNTIME];
    if (!known.includes(slash.kind)) throw ErrInvalidPacket.wrap(`unknown infraction kind ${slash.kind}`);
    let fraction: bigint;
    try {
      fraction = decFromProto(slash.fraction);
    } catch {
      throw ErrInvalidPacket.wrap(`invalid slash fraction "${slash.fraction}"`);
    }
    if (fraction <= 0n || fraction > DEC_ONE) throw ErrInvalidPacket.wrap(`slash fraction must be in (0, 1], got ${decToString(fraction)}`);
    const behind = [...this.store.positions(ctx, channel)].filter((position) => position.validator === slash.validator && BigInt(position.staked) > 0n);
    if (behind.length === 0) throw ErrNoPosition.wrap(`no x-stake behind ${slash.validator} over ${channel}`);

    const { slashed, total } = this.burnStake(ctx, p, channel, behind, fraction);
    const trial = this.court.recordForeignTrial(ctx, {
      evidenceHash: slash.evidenceHash,
      chainId: this.channels.counterpartyChainId(ctx, PORT_ID, channel) ?? '',
      portId: PORT_ID,
      channelId: channel,
      validatorAddress: slash.validator,
      kind: slash.kind,
      infractionHeight: slash.infractionHeight,
      slashFraction: decToString(fraction),
      slashed,
      denom: p.stakeDenom,
      clientId: '',
    });
    ctx.events.emit('xstaking_slash', ['channel', channel], ['validator', slash.validator], ['foreign_trial_id', trial.id.toString()], ['burned', `${total}${p.stakeDenom}`]);
    return trial;
  }

  /**
   * Hub: burns `fraction` of the PHOTON each of `positions` (over `channel`) locked, rounded
   * up (the zone's favour), out of the channel's escrow: a consumer's verdict or a fork trial.
   */
  burnStake(ctx: Context, p: Params, channel: string, positions: readonly Position[], fraction: bigint): { slashed: ForeignSlash[]; total: bigint } {
    const slashed: ForeignSlash[] = [];
    let total = 0n;
    for (const position of positions) {
      const staked = BigInt(position.staked);
      const product = staked * fraction;
      const burned = product / DEC_ONE + (product % DEC_ONE === 0n ? 0n : 1n);
      this.store.setPosition(ctx, { ...position, staked: (staked - burned).toString() });
      slashed.push({ staker: position.staker, burned: burned.toString() });
      total += burned;
    }
    // Positions' stake is part of the channel's escrow, so the escrow covers the total.
    this.store.setEscrow(ctx, channel, this.store.escrow(ctx, channel) - total);
    if (total > 0n) this.bank.burnCoins(ctx, MODULE_ACCOUNT, [{ denom: p.stakeDenom, amount: total }]);
    return { slashed, total };
  }

  endBlock(ctx: Context): void {
    const role = this.params(ctx).role;
    if (role === Role.ROLE_HUB) this.releaseMatured(ctx);
    else if (role === Role.ROLE_CONSUMER) this.completeUnbondings(ctx);
  }

  /** Every unbonding, or one staker's. */
  unbondingsOf(ctx: Context, staker?: string): Unbonding[] {
    const all = this.store.unbondings(ctx);
    return staker ? all.filter((u) => u.staker === staker) : all;
  }
}
