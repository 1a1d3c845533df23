// Interchain staking's params: the role, the hub's stake denom and periods, and the
// consumer's curve and power cap. Stored as zonekit.xstaking.v1.Params (power_cap in its wire
// form, the LegacyDec's digits).
import { DEC_ONE, decFromProto, decToProto, decToString, parseDec, type Dec } from '../../app/dec.js';
import { validateDenom } from '../../app/coins.js';
import { Params, Role } from '../../gen/zonekit/xstaking/v1/xstaking.js';
import { curveParamsProblem, type CurveParams } from './curve.js';
import { ErrInvalidParams } from './errors.js';

export const DEFAULT_PARAMS: Params = Params.fromPartial({
  role: Role.ROLE_UNSPECIFIED,
  stakeDenom: 'uphoton',
  reserveRatioNumerator: 1,
  reserveRatioDenominator: 2,
  virtualReserve: '1000000000',
  virtualSupply: '1000000000',
  powerCap: decToProto(DEC_ONE),
  unbondingPeriodSeconds: 21n * 24n * 3600n,
  packetTimeoutSeconds: 600n,
  forkSlashFraction: decToProto(parseDec('0.05')),
});

export function curveOf(p: Params): CurveParams {
  return {
    ratioNum: BigInt(p.reserveRatioNumerator),
    ratioDen: BigInt(p.reserveRatioDenominator),
    virtualReserve: BigInt(p.virtualReserve || '0'),
    virtualSupply: BigInt(p.virtualSupply || '0'),
  };
}

/** Params stored before fork_slash_fraction existed read it as the default. */
export function forkSlashFractionOf(p: Params): Dec {
  return decFromProto(p.forkSlashFraction === '' ? DEFAULT_PARAMS.forkSlashFraction : p.forkSlashFraction);
}

export function powerCapOf(p: Params): Dec {
  return decFromProto(p.powerCap);
}

/** Throws ErrInvalidParams saying what is wrong. */
export function validateParams(p: Params): void {
  if (p.role !== Role.ROLE_UNSPECIFIED && p.role !== Role.ROLE_HUB && p.role !== Role.ROLE_CONSUMER) throw ErrInvalidParams.wrap(`unknown role ${p.role}`);
  try {
    validateDenom(p.stakeDenom);
  } catch (e) {
    throw ErrInvalidParams.wrap(`stake_denom: ${(e as Error).message}`);
  }
  for (const field of ['virtualReserve', 'virtualSupply'] as const) {
    if (!/^[0-9]+$/.test(p[field])) throw ErrInvalidParams.wrap(`${field} must be an unsigned integer, got "${p[field]}"`);
  }
  const problem = curveParamsProblem(curveOf(p));
  if (problem !== undefined) throw ErrInvalidParams.wrap(problem);
  const cap = powerCapOf(p);
  if (cap <= 0n || cap > DEC_ONE) throw ErrInvalidParams.wrap(`power_cap must be in (0, 1], got ${p.powerCap}`);
  let fork: Dec;
  try {
    fork = forkSlashFractionOf(p);
  } catch {
    throw ErrInvalidParams.wrap(`fork_slash_fraction is not a decimal: "${p.forkSlashFraction}"`);
  }
  if (fork <= 0n || fork > DEC_ONE) throw ErrInvalidParams.wrap(`fork_slash_fraction must be in (0, 1], got ${decToString(fork)}`);
  if (p.packetTimeoutSeconds === 0n) throw ErrInvalidParams.wrap('packet_timeout_seconds must be positive');
}
