// CometBFT's hashes recomputed from real headers and validator sets of a running network.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toHex } from '@cosmjs/encoding';
import { headerHash, validatorSetHash } from './hash.js';
import { pubKeyAddress } from './validator-set.js';
import { recordedNetwork } from './testing.js';

const net = recordedNetwork();

describe('CometBFT hashes of a recorded network', () => {
  it('every header hashes to the block id its commit signs', () => {
    for (const h of net.heights) {
      const { header, commit } = net.signedHeader(h);
      assert.equal(toHex(headerHash(header!)), toHex(commit!.blockId.hash), `height ${h}`);
    }
  });

  it("a header's last block id is the previous header's hash", () => {
    for (const h of net.heights.slice(1)) {
      assert.equal(toHex(net.signedHeader(h).header!.lastBlockId.hash), toHex(headerHash(net.signedHeader(h - 1n).header!)));
    }
  });

  it('validator set hashes match validators_hash and the previous next_validators_hash', () => {
    for (const h of net.heights) {
      const { header } = net.signedHeader(h);
      assert.equal(toHex(validatorSetHash(net.validatorSet(h))), toHex(header!.validatorsHash), `validators at ${h}`);
      assert.equal(toHex(validatorSetHash(net.validatorSet(h + 1n))), toHex(header!.nextValidatorsHash), `next validators at ${h}`);
    }
  });

  it('the recording spans a validator set change that keeps half the old power', () => {
    const before = net.validatorSet(net.changeHeight - 1n);
    const after = net.validatorSet(net.changeHeight);
    assert.notEqual(toHex(validatorSetHash(before)), toHex(validatorSetHash(after)));
    const kept = before.validators.filter((v) => after.validators.some((w) => toHex(w.address) === toHex(v.address)));
    const keptPower = kept.reduce((sum, v) => sum + v.votingPower, 0n);
    const total = before.validators.reduce((sum, v) => sum + v.votingPower, 0n);
    assert.ok(keptPower * 3n > total && keptPower * 3n <= total * 2n, `kept ${keptPower} of ${total}`);
  });

  it('validator addresses are the first 20 bytes of sha256 of their ed25519 keys', () => {
    for (const v of net.validatorSet(net.changeHeight).validators) assert.equal(toHex(pubKeyAddress(v.pubKey)), toHex(v.address));
  });

  it('a header without a validators hash has no hash, as CometBFT returns nil', () => {
    const { header } = net.signedHeader(net.heights[0]!);
    assert.equal(headerHash({ ...header!, validatorsHash: new Uint8Array() }).length, 0);
  });
});
