// The hub's trial of a consumer fork (MsgSubmitConsumerFork): two commits of the consumer
// chain for different blocks at one height, each of which the hub's 07-tendermint client of
// the consumer would have accepted (more than its trust level of the validators it trusts
// signed it). The consumer's own court cannot judge this, since the fork is of its own chain.
// The client is verified and frozen exactly as MsgSubmitMisbehaviour does (02-client); the
// validators that signed both commits (fork-signers.ts) are matched to the operators stakers
// chose by the consensus address the consumer's XStake acks named; every position behind them,
// on every xstaking channel over that client, loses fork_slash_fraction of its PHOTON (the
// Slash packet's burn) and each (channel, validator) gets a foreign trial in the court.
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '@cosmjs/encoding';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { Misbehaviour } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Context } from '../../app/context.js';
import { decToString } from '../../app/dec.js';
import type { AppChannelKeeper } from '../../ibc/core/app-channels.js';
import { ErrInvalidMisbehaviour } from '../../ibc/core/02-client/errors.js';
import { MISBEHAVIOUR_TYPE_URL, provenFork } from '../../ibc/light-clients/07-tendermint/index.js';
import { InfractionKind, type ForeignTrial } from '../../gen/zonekit/court/v1/types.js';
import { Role, type Position } from '../../gen/zonekit/xstaking/v1/xstaking.js';
import { ErrForkJudged, ErrInvalidFork, ErrNoPosition, ErrWrongRole } from './errors.js';
import type { XStakingClientKeeper, XStakingCourtKeeper } from './expects.js';
import type { XStakingKeeper } from './keeper.js';
import { PORT_ID } from './keys.js';
import { forkSlashFractionOf } from './params.js';

export interface ForkTrialDeps {
  keeper: XStakingKeeper;
  channels: AppChannelKeeper;
  clients?: XStakingClientKeeper;
  court?: XStakingCourtKeeper;
}

/** The client an xstaking channel of this zone runs over (its connection's), or ErrInvalidFork. */
function clientOfChannel(channels: AppChannelKeeper, ctx: Context, channelId: string): string | undefined {
  const hop = channels.getChannel(ctx, PORT_ID, channelId)?.connectionHops[0];
  return hop === undefined ? undefined : channels.getConnection(ctx, hop)?.clientId;
}

/**
 * Verifies the misbehaviour against `clientId` and freezes it. A client frozen already is
 * verified without 02-client's Active check, so a relayer's MsgSubmitMisbehaviour does not
 * spare the double signers; but a frozen client hosts one fork trial: every fork of one
 * incident (each height of it gives another pair of headers) would otherwise burn again, as
 * the SDK's tombstone prevents for a double sign.
 */
function verifyAndFreeze(clients: XStakingClientKeeper, court: XStakingCourtKeeper, ctx: Context, clientId: string, misbehaviour: Any): void {
  const status = clients.status(ctx, clientId);
  if (status === 'Active') {
    clients.updateClient(ctx, clientId, misbehaviour);
  } else if (status === 'Frozen') {
    const tried = court.foreignTrialOfClient(ctx, clientId);
    if (tried !== undefined) throw ErrForkJudged.wrap(`client ${clientId} is frozen by the fork judged in foreign trial ${tried.id}; it hosts no other`);
    const client = clients.lightClient(clientId);
    const store = clients.clientStore(ctx, clientId);
    client.verifyClientMessage(ctx, store, misbehaviour);
    if (!client.checkForMisbehaviour(ctx, store, misbehaviour)) throw ErrInvalidMisbehaviour.wrap('the headers do not conflict');
    return;
  } else {
    throw ErrInvalidFork.wrap(`client ${clientId} is ${status}: a fork can only be verified by an Active or Frozen client`);
  }
  if (clients.status(ctx, clientId) !== 'Frozen') throw ErrInvalidMisbehaviour.wrap('the headers do not conflict');
}

/** Judges the fork in `misbehaviour` (an Any) submitted over `channelId`; returns the foreign trials recorded. */
export function judgeConsumerFork({ keeper, channels, clients, court }: ForkTrialDeps, ctx: Context, channelId: string, misbehaviour: Any): ForeignTrial[] {
  const p = keeper.params(ctx);
  if (p.role !== Role.ROLE_HUB) throw ErrWrongRole.wrap(`this zone's xstaking role is ${Role[p.role]}, the action needs ROLE_HUB`);
  if (court === undefined || clients === undefined) throw ErrWrongRole.wrap('this zone composed xstaking without a court or IBC clients: it cannot try a consumer fork');
  if (misbehaviour.typeUrl !== MISBEHAVIOUR_TYPE_URL) throw ErrInvalidFork.wrap(`misbehaviour must be a ${MISBEHAVIOUR_TYPE_URL}, got "${misbehaviour.typeUrl}"`);
  let m: Misbehaviour;
  try {
    m = Misbehaviour.decode(misbehaviour.value);
  } catch {
    throw ErrInvalidFork.wrap('cannot unmarshal the misbehaviour');
  }
  const clientId = clientOfChannel(channels, ctx, channelId);
  if (clientId === undefined) throw ErrInvalidFork.wrap(`${channelId} is not an xstaking channel of this zone`);
  if (m.clientId !== clientId) throw ErrInvalidFork.wrap(`the misbehaviour is for client ${m.clientId}, but ${channelId} runs over client ${clientId}`);
  // ibc-go's misbehaviour has no hash of its own: this one is over its canonical encoding (so
  // re-encoding it makes no new evidence), which carries the client id.
  const evidenceHash = sha256(Misbehaviour.encode(m).finish());
  const judged = court.foreignTrialByEvidence(ctx, evidenceHash);
  if (judged !== undefined) throw ErrForkJudged.wrap(`this fork was judged in foreign trial ${judged.id}`);

  const fork = provenFork(m);
  verifyAndFreeze(clients, court, ctx, clientId, misbehaviour);

  const signers = new Set(fork.doubleSigners.map((address) => toHex(address)));
  // Every xstaking channel over this client stakes on the same chain: all are judged at once
  // (the client hosts one fork trial).
  const targets = new Map<string, Map<string, Position[]>>();
  for (const position of keeper.store.positions(ctx)) {
    if (BigInt(position.staked) === 0n || !signers.has(toHex(position.consensusAddress))) continue;
    if (clientOfChannel(channels, ctx, position.channel) !== clientId) continue;
    const byValidator = targets.get(position.channel) ?? new Map<string, Position[]>();
    byValidator.set(position.validator, [...(byValidator.get(position.validator) ?? []), position]);
    targets.set(position.channel, byValidator);
  }
  if (targets.size === 0) {
    const names = fork.doubleSigners.map((a) => toHex(a).toUpperCase()).join(', ') || 'none';
    throw ErrNoPosition.wrap(`no x-stake behind the validators that signed both commits (${names}) over the channels of client ${clientId}`);
  }

  const fraction = forkSlashFractionOf(p);
  const chainId = channels.counterpartyChainId(ctx, PORT_ID, channelId) ?? '';
  const trials: ForeignTrial[] = [];
  for (const [channel, byValidator] of targets) {
    for (const [validator, positions] of byValidator) {
      const { slashed, total } = keeper.burnStake(ctx, p, channel, positions, fraction);
      const trial = court.recordForeignTrial(ctx, {
        evidenceHash,
        chainId,
        portId: PORT_ID,
        channelId: channel,
        validatorAddress: validator,
        kind: InfractionKind.INFRACTION_KIND_LIGHT_CLIENT_ATTACK,
        infractionHeight: fork.height.revisionHeight,
        slashFraction: decToString(fraction),
        slashed,
        denom: p.stakeDenom,
        clientId,
      });
      trials.push(trial);
      ctx.events.emit(
        'xstaking_fork_slash',
        ['channel', channel],
        ['validator', validator],
        ['consensus_address', toHex(positions[0]!.consensusAddress).toUpperCase()],
        ['foreign_trial_id', trial.id.toString()],
        ['burned', `${total}${p.stakeDenom}`],
      );
    }
  }
  return trials;
}
