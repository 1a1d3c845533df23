// BaseApp's side of ABCI 2.0 vote extensions, for whichever modules declare hooks (see
// VoteExtensionHooks in app/module.ts):
// - ExtendVote: each module's bytes, in one envelope keyed by module name;
// - VerifyVoteExtension: the envelope well-formed, each module's part accepted by the module;
// - PrepareProposal at H+1: the signed extensions of H verified, each module's agreed data
//   derived from them, both placed as the block's first entry (InjectedVoteExtensions);
// - ProcessProposal: that entry checked again from scratch by every validator;
// - FinalizeBlock: the entry handed to the modules' preBlock, never run as a transaction.
// A zone with no such module never extends, never injects: its blocks are what they were.
import { ExtendedCommitInfo, type CommitInfo, type ExtendedVoteInfo, type RequestExtendVote, type RequestVerifyVoteExtension } from 'cosmjs-types/tendermint/abci/types';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import { InjectedVoteExtensions } from '../../gen/zonekit/abci/v1/vote_extensions.js';
import type { AppDefinition, VoteExtensionModule } from '../app.js';
import { compareBytes } from '../cometbft/canonical.js';
import type { Context } from '../context.js';
import type { VerifiedExtensions, VoteExtensionHooks } from '../module.js';
import { decodeInjected, decodeVoteExtension, encodeVoteExtension, readModuleData, toModuleData, type ModuleParts } from './envelope.js';
import { validateVoteExtensions } from './validate.js';

/** Where a module's failing hook is reported (a vote extension hook must never stop the node). */
export type HookErrorLog = (module: string, hook: string, err: unknown) => void;

const EMPTY = new Uint8Array();

export class VoteExtensions {
  /** Sorted by name: the envelope's order. */
  private readonly modules: readonly VoteExtensionModule[];
  private readonly names: ReadonlySet<string>;

  constructor(
    private readonly app: AppDefinition,
    private readonly chainId: string,
    /** This node's consensus address (empty when it has no validator key). */
    private readonly validatorAddress: Uint8Array,
    private readonly logError: HookErrorLog = () => {},
  ) {
    this.modules = [...app.voteExtensionModules].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.names = new Set(this.modules.map((m) => m.name));
  }

  /** Whether any module uses vote extensions: without one, proposals carry no injected entry. */
  get inUse(): boolean {
    return this.modules.length > 0;
  }

  extendVote(ctx: Context, req: RequestExtendVote): Uint8Array {
    const request = { ...req, validatorAddress: this.validatorAddress };
    const parts = this.modules.map(({ name, hooks }): [string, Uint8Array | undefined] => {
      try {
        return [name, hooks.extendVote?.(ctx, request)];
      } catch (err) {
        // A validator that cannot say something says nothing rather than halting.
        this.logError(name, 'extendVote', err);
        return [name, undefined];
      }
    });
    return encodeVoteExtension(toModuleData(parts));
  }

  verifyVoteExtension(ctx: Context, req: RequestVerifyVoteExtension): boolean {
    const parts = decodeVoteExtension(req.voteExtension, this.names);
    if (parts === undefined) return false;
    for (const { name, hooks } of this.modules) {
      if (!hooks.verifyVoteExtension) continue;
      const part = { hash: req.hash, height: req.height, validatorAddress: req.validatorAddress, data: parts.get(name) ?? EMPTY };
      try {
        if (hooks.verifyVoteExtension(ctx, part) !== 'accept') return false;
      } catch (err) {
        this.logError(name, 'verifyVoteExtension', err);
        return false;
      }
    }
    return true;
  }

  /**
   * PrepareProposal at `height`: the block's first entry, built from CometBFT's extended
   * commit of the height before. Throws when that commit does not verify (then no proposal of
   * this node can pass the others' ProcessProposal).
   */
  injectedEntry(ctx: Context, height: bigint, localLastCommit: ExtendedCommitInfo): Uint8Array {
    const { signed, totalPower } = this.validate(ctx, height, localLastCommit);
    const agreed = toModuleData(this.modules.map(({ name, hooks }) => [name, hooks.prepareProposal?.(ctx, this.view(name, height, localLastCommit.round, totalPower, signed))]));
    return InjectedVoteExtensions.encode({ extendedCommitInfo: ExtendedCommitInfo.encode(localLastCommit).finish(), agreed }).finish();
  }

  /** ProcessProposal at `height`: why `entry` is not what a proposal must carry, or undefined when it is. */
  rejectInjectedEntry(ctx: Context, height: bigint, entry: Uint8Array | undefined, proposedLastCommit: CommitInfo): string | undefined {
    if (entry === undefined) return 'the proposal has no injected vote extensions';
    const decoded = this.decode(entry);
    if (typeof decoded === 'string') return decoded;
    const { commit, agreed } = decoded;
    let validated;
    try {
      validated = this.validate(ctx, height, commit, proposedLastCommit);
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
    for (const { name, hooks } of this.modules) {
      const extensions = this.view(name, height, commit.round, validated.totalPower, validated.signed);
      try {
        if (!this.followsFrom(ctx, hooks, agreed.get(name), extensions)) return `the agreed data of module ${name} does not follow from the signed vote extensions`;
      } catch (err) {
        this.logError(name, 'processProposal', err);
        return `module ${name} failed to check its agreed data`;
      }
    }
    return undefined;
  }

  private followsFrom(ctx: Context, hooks: VoteExtensionHooks, proposed: Uint8Array | undefined, extensions: VerifiedExtensions): boolean {
    if (hooks.processProposal) return hooks.processProposal(ctx, proposed, extensions) === 'accept';
    const expected = hooks.prepareProposal?.(ctx, extensions);
    if (expected === undefined || expected.length === 0) return proposed === undefined;
    return proposed !== undefined && compareBytes(expected, proposed) === 0;
  }

  /**
   * FinalizeBlock: hands each module its agreed data and the extensions. ProcessProposal of
   * more than 2/3 of the power already verified the entry, so signatures are not checked again
   * (a node catching up by block sync never ran ProcessProposal on it).
   */
  preBlock(ctx: Context, height: bigint, entry: Uint8Array): void {
    const decoded = this.decode(entry);
    if (typeof decoded === 'string') return;
    const { commit, agreed } = decoded;
    const committed = commit.votes.filter((vote) => vote.blockIdFlag === BlockIDFlag.BLOCK_ID_FLAG_COMMIT);
    const totalPower = commit.votes.reduce((sum, vote) => sum + vote.validator.power, 0n);
    for (const { name, hooks } of this.modules) hooks.preBlock?.(ctx, agreed.get(name), this.view(name, height, commit.round, totalPower, committed));
  }

  private decode(entry: Uint8Array): { commit: ExtendedCommitInfo; agreed: ModuleParts } | string {
    const injected = decodeInjected(entry);
    if (injected === undefined) return 'the first entry of the proposal is not injected vote extensions';
    let commit: ExtendedCommitInfo;
    try {
      commit = ExtendedCommitInfo.decode(injected.extendedCommitInfo);
    } catch {
      return 'the injected extended commit info does not decode';
    }
    const agreed = readModuleData(injected.agreed, this.names);
    if (agreed === undefined) return 'the injected agreed data is not sorted by module, once each, for modules with vote extensions';
    return { commit, agreed };
  }

  private validate(ctx: Context, height: bigint, extendedCommit: ExtendedCommitInfo, lastCommit?: CommitInfo) {
    const consensusKey = this.app.consensusKey!;
    return validateVoteExtensions({
      chainId: this.chainId,
      height,
      extendedCommit,
      ...(lastCommit ? { lastCommit } : {}),
      consensusKey: (address) => consensusKey(ctx, address),
    });
  }

  /** The signed votes cut to one module's part (empty for an extension zonekit would not sign: it says nothing). */
  private view(module: string, height: bigint, round: number, totalPower: bigint, signed: readonly ExtendedVoteInfo[]): VerifiedExtensions {
    return {
      height: height - 1n,
      round,
      totalPower,
      votes: signed.map((vote) => ({
        validatorAddress: vote.validator.address,
        power: vote.validator.power,
        data: decodeVoteExtension(vote.voteExtension, this.names)?.get(module) ?? EMPTY,
      })),
    };
  }
}
