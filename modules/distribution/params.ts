// x/distribution params: the community tax and whether delegators may set a withdraw address.
// The proposer rewards are kept for wire compatibility only: v0.50 no longer pays them.
import { Params } from 'cosmjs-types/cosmos/distribution/v1beta1/distribution';
import { DEC_ONE, decFromProto, decToProto, decToString, parseDec, type Dec } from '../../app/dec.js';

export interface DistributionParams {
  communityTax: Dec;
  baseProposerReward: Dec;
  bonusProposerReward: Dec;
  withdrawAddrEnabled: boolean;
}

export const DEFAULT_DISTRIBUTION_PARAMS: Readonly<DistributionParams> = Object.freeze({
  communityTax: parseDec('0.02'),
  baseProposerReward: 0n,
  bonusProposerReward: 0n,
  withdrawAddrEnabled: true,
});

/** The SDK's Params.ValidateBasic: the community tax is a fraction in [0, 1]. */
export function validateParams(params: DistributionParams): void {
  if (params.communityTax < 0n) throw new Error(`community tax must be positive: ${decToString(params.communityTax)}`);
  if (params.communityTax > DEC_ONE) throw new Error(`community tax too large: ${decToString(params.communityTax)}`);
}

export function paramsToProto(params: DistributionParams): Params {
  return {
    communityTax: decToProto(params.communityTax),
    baseProposerReward: decToProto(params.baseProposerReward),
    bonusProposerReward: decToProto(params.bonusProposerReward),
    withdrawAddrEnabled: params.withdrawAddrEnabled,
  };
}

export function paramsFromProto(proto: Params): DistributionParams {
  return {
    communityTax: decFromProto(proto.communityTax),
    baseProposerReward: decFromProto(proto.baseProposerReward),
    bonusProposerReward: decFromProto(proto.bonusProposerReward),
    withdrawAddrEnabled: proto.withdrawAddrEnabled,
  };
}
