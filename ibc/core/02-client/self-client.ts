// What this chain looks like to a light client of it (ibc-go's 07-tendermint ConsensusHost):
// our consensus state at a past height, from staking's HistoricalInfo, and the checks a
// counterparty's client of us must pass before a connection to it opens.
import { Any } from 'cosmjs-types/google/protobuf/any';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { ClientState, ConsensusState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { HashOp } from 'cosmjs-types/cosmos/ics23/v1/proofs';
import type { Context } from '../../../app/context.js';
import { ErrClientFrozen, ErrInvalidClient, ErrInvalidHeight, ErrSelfConsensusStateNotFound } from './errors.js';
import type { SelfConsensusSource } from './expects.js';
import { compareHeights, formatHeight, isZeroHeight, parseChainId, selfHeight } from './height.js';

export const TENDERMINT_CLIENT_STATE_TYPE_URL = '/ibc.lightclients.tendermint.v1.ClientState';
export const TENDERMINT_CONSENSUS_STATE_TYPE_URL = '/ibc.lightclients.tendermint.v1.ConsensusState';
/** The SDK's upgrade path for IBC client upgrades: `upgrade/upgradedIBCState`. */
const UPGRADE_PATH = ['upgrade', 'upgradedIBCState'];

export function getSelfConsensusState(ctx: Context, source: SelfConsensusSource, height: Height): Any {
  const revision = parseChainId(ctx.chainId);
  if (revision !== height.revisionNumber) {
    throw ErrInvalidHeight.wrap(`chainID revision number does not match height revision number: expected ${revision}, got ${height.revisionNumber}`);
  }
  const info = source.historicalInfo(ctx, height.revisionHeight);
  if (info === undefined) throw ErrSelfConsensusStateNotFound.wrap(`height ${height.revisionHeight}`);
  const state = ConsensusState.fromPartial({
    timestamp: info.header.time,
    root: { hash: info.header.appHash },
    nextValidatorsHash: info.header.nextValidatorsHash,
  });
  return Any.fromPartial({ typeUrl: TENDERMINT_CONSENSUS_STATE_TYPE_URL, value: ConsensusState.encode(state).finish() });
}

const durationNanos = (d: { seconds: bigint; nanos: number } | undefined) => (d === undefined ? 0n : d.seconds * 1_000_000_000n + BigInt(d.nanos));

export function validateSelfClient(ctx: Context, source: SelfConsensusSource, clientStateAny: Any): void {
  if (clientStateAny.typeUrl !== TENDERMINT_CLIENT_STATE_TYPE_URL) {
    throw ErrInvalidClient.wrap(`client must be a Tendermint client, expected: ${TENDERMINT_CLIENT_STATE_TYPE_URL}, got: ${clientStateAny.typeUrl}`);
  }
  let cs: ClientState;
  try {
    cs = ClientState.decode(clientStateAny.value);
  } catch (err) {
    throw ErrInvalidClient.wrap(`cannot decode client state: ${(err as Error).message}`);
  }
  if (!isZeroHeight(cs.frozenHeight)) throw ErrClientFrozen;
  if (cs.chainId !== ctx.chainId) throw ErrInvalidClient.wrap(`invalid chain-id. expected: ${ctx.chainId}, got: ${cs.chainId}`);
  const revision = parseChainId(ctx.chainId);
  if (cs.latestHeight.revisionNumber !== revision) {
    throw ErrInvalidClient.wrap(`client is not in the same revision as the chain. expected revision: ${revision}, got: ${cs.latestHeight.revisionNumber}`);
  }
  const self = selfHeight(ctx);
  if (compareHeights(cs.latestHeight, self) >= 0) {
    throw ErrInvalidClient.wrap(`client has LatestHeight ${formatHeight(cs.latestHeight)} greater than or equal to chain height ${formatHeight(self)}`);
  }
  if (!hasSdkProofSpecs(cs)) throw ErrInvalidClient.wrap('client has invalid proof specs: expected the SDK specs (iavl, tendermint)');
  const { numerator, denominator } = cs.trustLevel;
  if (denominator === 0n || numerator * 3n < denominator || numerator > denominator) {
    throw ErrInvalidClient.wrap(`trust-level invalid: trustLevel must be within [1/3, 1], given ${numerator}/${denominator}`);
  }
  const expectedUnbonding = source.unbondingTimeSeconds(ctx) * 1_000_000_000n;
  const unbonding = durationNanos(cs.unbondingPeriod);
  if (unbonding !== expectedUnbonding) {
    throw ErrInvalidClient.wrap(`invalid unbonding period. expected: ${expectedUnbonding}ns, got: ${unbonding}ns`);
  }
  const trusting = durationNanos(cs.trustingPeriod);
  if (unbonding < trusting) {
    throw ErrInvalidClient.wrap(`unbonding period must be greater than trusting period. unbonding period (${unbonding}) < trusting period (${trusting})`);
  }
  if (cs.upgradePath.length !== 0 && (cs.upgradePath.length !== 2 || cs.upgradePath[0] !== UPGRADE_PATH[0] || cs.upgradePath[1] !== UPGRADE_PATH[1])) {
    throw ErrInvalidClient.wrap(`upgrade path must be the upgrade path defined by upgrade module. expected [${UPGRADE_PATH.join(' ')}], got [${cs.upgradePath.join(' ')}]`);
  }
}

/** IAVL leaves then the Tendermint simple-merkle store root: sha256 leaves prefixed 0x00. */
function hasSdkProofSpecs(cs: ClientState): boolean {
  if (cs.proofSpecs.length !== 2) return false;
  return cs.proofSpecs.every((spec) => spec.leafSpec?.hash === HashOp.SHA256 && spec.leafSpec.prefix.length === 1 && spec.leafSpec.prefix[0] === 0);
}
