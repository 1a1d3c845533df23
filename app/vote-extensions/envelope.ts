// Several modules' bytes in one deterministic envelope (zonekit.abci.v1.ModuleData entries):
// sorted by module name, each module once, none empty, in the one protobuf encoding. A vote
// extension and the agreed data of an injected entry are both such lists; anything else
// (unknown modules, another order, extra fields) is not one, so a signed extension has
// exactly one reading.
import { InjectedVoteExtensions, VoteExtension, type ModuleData } from '../../gen/zonekit/abci/v1/vote_extensions.js';
import { compareBytes } from '../cometbft/canonical.js';

/** Module name → its bytes. */
export type ModuleParts = ReadonlyMap<string, Uint8Array>;

/** The entries of `parts` with bytes, sorted by module name. */
export function toModuleData(parts: Iterable<readonly [string, Uint8Array | undefined]>): ModuleData[] {
  const entries: ModuleData[] = [];
  for (const [module, data] of parts) if (data !== undefined && data.length > 0) entries.push({ module, data });
  return entries.sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
}

/** The parts of a well-formed list, or undefined. */
export function readModuleData(entries: readonly ModuleData[], known: ReadonlySet<string>): ModuleParts | undefined {
  const parts = new Map<string, Uint8Array>();
  let previous: string | undefined;
  for (const { module, data } of entries) {
    if (!known.has(module) || data.length === 0) return undefined;
    if (previous !== undefined && !(previous < module)) return undefined;
    previous = module;
    parts.set(module, data);
  }
  return parts;
}

/** A validator's vote extension: empty bytes when no module has anything to say. */
export function encodeVoteExtension(entries: ModuleData[]): Uint8Array {
  return VoteExtension.encode({ modules: entries }).finish();
}

/** The parts of a vote extension, or undefined when it is not one zonekit signs. */
export function decodeVoteExtension(bytes: Uint8Array, known: ReadonlySet<string>): ModuleParts | undefined {
  let envelope: VoteExtension;
  try {
    envelope = VoteExtension.decode(bytes);
  } catch {
    return undefined;
  }
  if (compareBytes(VoteExtension.encode(envelope).finish(), bytes) !== 0) return undefined;
  return readModuleData(envelope.modules, known);
}

/** The injected entry, or undefined when `bytes` is not one in the one encoding. */
export function decodeInjected(bytes: Uint8Array): InjectedVoteExtensions | undefined {
  let entry: InjectedVoteExtensions;
  try {
    entry = InjectedVoteExtensions.decode(bytes);
  } catch {
    return undefined;
  }
  return compareBytes(InjectedVoteExtensions.encode(entry).finish(), bytes) === 0 ? entry : undefined;
}
