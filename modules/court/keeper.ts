// The court keeper: its params, the signing infos and the trial record, and the staking
// keeper it acts through. The judging itself lives in liveness.ts, equivocation.ts and
// unjail.ts; this file only owns state.
import { Params as SlashingParams } from 'cosmjs-types/cosmos/slashing/v1beta1/slashing';
import type { Context } from '../../app/context.js';
import type { CourtAddresses } from './addresses.js';
import { EvidenceParams, type ForeignTrial, type Trial } from '../../gen/zonekit/court/v1/types.js';
import type { CourtStakingKeeper, VerdictHooks } from './expects.js';
import { EVIDENCE_PARAMS_KEY, SLASHING_PARAMS_KEY, STORE_KEY } from './keys.js';
import { DEFAULT_PARAMS, evidenceFromProto, evidenceToProto, fromSlashingParams, toSlashingParams, type CourtParams } from './params.js';
import { ForeignTrials, type NewForeignTrial } from './foreign-trials.js';
import { SigningInfos } from './signing-infos.js';
import { Trials } from './trials.js';

export class CourtKeeper {
  readonly signingInfos = new SigningInfos();
  readonly trials: Trials;
  readonly foreignTrials = new ForeignTrials();
  /** Told of every verdict this court carries out (interchain staking forwards them). */
  private readonly verdictHooks: VerdictHooks[] = [];

  constructor(
    readonly staking: CourtStakingKeeper,
    readonly addresses: CourtAddresses,
  ) {
    this.trials = new Trials(addresses);
  }

  /** The params; the defaults before genesis has written any. */
  params(ctx: Context): CourtParams {
    const store = ctx.kvStore(STORE_KEY);
    const slashing = store.get(SLASHING_PARAMS_KEY);
    const evidence = store.get(EVIDENCE_PARAMS_KEY);
    if (slashing === undefined || evidence === undefined) return { ...DEFAULT_PARAMS };
    return { ...fromSlashingParams(SlashingParams.decode(slashing)), ...evidenceFromProto(EvidenceParams.decode(evidence)) };
  }

  setParams(ctx: Context, params: CourtParams): void {
    const store = ctx.kvStore(STORE_KEY);
    store.set(SLASHING_PARAMS_KEY, SlashingParams.encode(toSlashingParams(params)).finish());
    store.set(EVIDENCE_PARAMS_KEY, EvidenceParams.encode(evidenceToProto(params)).finish());
  }

  addVerdictHooks(hooks: VerdictHooks): void {
    this.verdictHooks.push(hooks);
  }

  /** Records another zone's verdict, already carried out here by the caller (interchain staking). */
  recordForeignTrial(ctx: Context, trial: NewForeignTrial): ForeignTrial {
    return this.foreignTrials.record(ctx, trial);
  }

  /** The first foreign trial recorded for this evidence hash, if any. */
  foreignTrialByEvidence(ctx: Context, evidenceHash: Uint8Array): ForeignTrial | undefined {
    return this.foreignTrials.byEvidence(ctx, evidenceHash);
  }

  /** The first fork trial whose fork was verified against `clientId`, if any. */
  foreignTrialOfClient(ctx: Context, clientId: string): ForeignTrial | undefined {
    return this.foreignTrials.byClient(ctx, clientId);
  }

  /** Runs the verdict hooks (verdict.ts, once the trial is recorded). */
  afterVerdict(ctx: Context, trial: Trial): void {
    for (const hooks of this.verdictHooks) hooks.afterVerdict(ctx, trial);
  }

  /** A validator's consensus address as `<prefix>valcons1...`. */
  consAddressString(consAddress: Uint8Array): string {
    return this.addresses.consensus.encode(consAddress);
  }
}
