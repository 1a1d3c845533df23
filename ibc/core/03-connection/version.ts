// Connection versions (ICS-03): identifier "1" with the channel orderings it allows.
import type { Version } from 'cosmjs-types/ibc/core/connection/v1/connection';
import { ErrInvalidVersion, ErrVersionNegotiationFailed } from './errors.js';

export const DEFAULT_IBC_VERSION: Version = Object.freeze({ identifier: '1', features: Object.freeze(['ORDER_ORDERED', 'ORDER_UNORDERED']) as string[] });

export function compatibleVersions(): Version[] {
  return [{ identifier: DEFAULT_IBC_VERSION.identifier, features: [...DEFAULT_IBC_VERSION.features] }];
}

export function validateVersion(version: Version | undefined): void {
  if (version === undefined) throw ErrInvalidVersion.wrap('version cannot be nil');
  if (version.identifier.trim() === '') throw ErrInvalidVersion.wrap('version identifier cannot be blank');
  version.features.forEach((feature, i) => {
    if (feature.trim() === '') throw ErrInvalidVersion.wrap(`feature cannot be blank, index ${i}`);
  });
}

/** Whether `proposed` is one of `supported` with only features `supported` has. */
export function isSupportedVersion(supported: readonly Version[], proposed: Version): boolean {
  const match = supported.find((v) => v.identifier === proposed.identifier);
  if (match === undefined || proposed.features.length === 0) return false;
  return proposed.features.every((f) => match.features.includes(f));
}

export function verifySupportedFeature(version: Version, feature: string): boolean {
  return version.features.includes(feature);
}

/** The first of our versions the counterparty also offers, with the features both have. */
export function pickVersion(supported: readonly Version[], counterpartyVersions: readonly Version[]): Version {
  for (const ours of supported) {
    const theirs = counterpartyVersions.find((v) => v.identifier === ours.identifier);
    if (theirs === undefined) continue;
    const features = ours.features.filter((f) => theirs.features.includes(f));
    if (features.length > 0) return { identifier: ours.identifier, features };
  }
  throw ErrVersionNegotiationFailed.wrap(`failed to find a matching counterparty version (${JSON.stringify(counterpartyVersions)}) from the supported version list (${JSON.stringify(supported)})`);
}
