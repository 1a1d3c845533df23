// A module for tests of vote extensions (not in the default zone): every validator extends
// its precommit at height H with sha256(H as 8 bytes big-endian ‖ its consensus address), any
// other extension is rejected, and the block at H+1 records under H the validators whose
// signed extension was right, as (address ‖ extension) pairs in CometBFT's vote order.
import { createHash } from 'node:crypto';
import { defineModule, type Module, type VerifiedExtensions } from '../../app/module.js';
import { bytesEqual } from '../../app/tx/address.js';

export const ATTEST_STORE_KEY = 'attest';

/** What the validator with consensus address `address` extends its precommit at `height` with. */
export function attestation(height: bigint, address: Uint8Array): Uint8Array {
  const h = Buffer.alloc(8);
  h.writeBigUInt64BE(height);
  return new Uint8Array(createHash('sha256').update(h).update(address).digest());
}

/** The store key of the record for extensions signed at `height`. */
export function attestedKey(height: bigint): Uint8Array {
  const key = Buffer.alloc(8);
  key.writeBigUInt64BE(height);
  return new Uint8Array(key);
}

/** A record's (address, extension) pairs. */
export function decodeAttested(bytes: Uint8Array): Array<{ address: Uint8Array; extension: Uint8Array }> {
  const pairs = [];
  for (let i = 0; i + 52 <= bytes.length; i += 52) pairs.push({ address: bytes.slice(i, i + 20), extension: bytes.slice(i + 20, i + 52) });
  return pairs;
}

function agreed(extensions: VerifiedExtensions): Uint8Array | undefined {
  const right = extensions.votes.filter((v) => bytesEqual(v.data, attestation(extensions.height, v.validatorAddress)));
  if (right.length === 0) return undefined;
  return new Uint8Array(Buffer.concat(right.flatMap((v) => [v.validatorAddress, v.data])));
}

export function attestModule(): Module {
  return defineModule({
    name: 'attest',
    storeKey: ATTEST_STORE_KEY,
    voteExtensions: {
      extendVote: (_ctx, req) => (req.validatorAddress.length === 0 ? undefined : attestation(req.height, req.validatorAddress)),
      verifyVoteExtension: (_ctx, req) => (bytesEqual(req.data, attestation(req.height, req.validatorAddress)) ? 'accept' : 'reject'),
      prepareProposal: (_ctx, extensions) => agreed(extensions),
      preBlock: (ctx, data, extensions) => {
        if (data !== undefined) ctx.kvStore(ATTEST_STORE_KEY).set(attestedKey(extensions.height), data);
      },
    },
  });
}
