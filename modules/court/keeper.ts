// The court keeper: its params, the signing infos and the trial record, and the staking
// keeper it acts through. The judging itself lives in liveness.ts, equivocation.ts and
// unjail.ts; this file only owns state.
import { Params as SlashingParams } from 'cosmjs-types/cosmos/slashing/v1beta1/slashing';
import type { Context } from '../../app/context.js';
import type { CourtAddresses } from './addresses.js';
import { EvidenceParams } from '../../gen/zonekit/court/v1/types.js';
import type { CourtStakingKeeper } from './expects.js';
import { EVIDENCE_PARAMS_KEY, SLASHING_PARAMS_KEY, STORE_KEY } from './keys.js';
import { DEFAULT_PARAMS, evidenceFromProto, evidenceToProto, fromSlashingParams, toSlashingParams, type CourtParams } from './params.js';
import { SigningInfos } from './signing-infos.js';
import { Trials } from './trials.js';

export class CourtKeeper {
  readonly signingInfos = new SigningInfos();
  readonly trials: Trials;

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

  /** A validator's consensus address as `<prefix>valcons1...`. */
  consAddressString(consAddress: Uint8Array): string {
    return this.addresses.consensus.encode(consAddress);
  }
}
