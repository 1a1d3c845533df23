// MerkleProof verification against real proofs from zonekit's own store: what a
// counterparty's 07-tendermint client checks when it verifies our state.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ics23, iavlSpec, tendermintSpec } from '@confio/ics23';
import type { CodedError } from '../../../app/errors.js';
import { scratchStores } from '../../../app/store/testing.js';
import type { CommitMultiStore } from '../../../app/store/index.js';
import { ErrInvalidMerkleProof, ErrInvalidProof } from './errors.js';
import { applyPrefix } from './merkle-path.js';
import { SDK_SPECS, sdkProofSpecs, toIcs23Spec } from './proof-specs.js';
import { convertProofs } from './utils.js';
import { decodeMerkleProof, verifyMembership, verifyNonMembership } from './verify.js';

const enc = new TextEncoder();
const IBC_PREFIX = enc.encode('ibc');
const COMMITMENT = 'commitments/ports/transfer/channels/channel-0/sequences/7';
const ABSENT = 'receipts/ports/transfer/channels/channel-0/sequences/8';
const VALUE = Uint8Array.from({ length: 32 }, (_, i) => i);

const rejects = (fn: () => void, root: CodedError, pattern: RegExp) =>
  assert.throws(fn, (err: CodedError) => {
    assert.ok(err.is(root), `expected ${root.message}, got: ${err.message}`);
    assert.match(err.message, pattern);
    return true;
  });

describe('23-commitment MerkleProof verification', () => {
  const stores = scratchStores(['acc', 'bank', 'ibc']);
  let ms: CommitMultiStore;
  let appHash: Uint8Array;
  let laterAppHash: Uint8Array;
  const prove = (key: string, store = 'ibc', version = 1) => convertProofs(ms.query(store, enc.encode(key), version, true).proofOps!);

  before(async () => {
    ms = stores.open();
    const branch = ms.branch();
    for (let i = 0; i < 300; i++) {
      branch.getStore('ibc').set(enc.encode(`commitments/ports/transfer/channels/channel-0/sequences/${1000 + i}`), enc.encode(`c${i}`));
      branch.getStore('bank').set(enc.encode(`balances/${i}`), enc.encode(`${i}`));
    }
    branch.getStore('ibc').set(enc.encode(COMMITMENT), VALUE);
    branch.getStore('bank').set(enc.encode(COMMITMENT), VALUE);
    branch.write();
    appHash = (await ms.commit()).hash;
    const next = ms.branch();
    next.getStore('acc').set(enc.encode('x'), enc.encode('y'));
    next.write();
    laterAppHash = (await ms.commit()).hash;
  });
  after(async () => {
    await ms.close();
    stores.removeAll();
  });

  it('the SDK specs are iavl then tendermint, and survive the client-state protobuf round trip', () => {
    const specs = sdkProofSpecs();
    assert.equal(specs.length, 2);
    const canonical = (spec: ics23.IProofSpec) => ics23.ProofSpec.toObject(ics23.ProofSpec.fromObject(spec), { defaults: true, bytes: String, longs: String });
    assert.deepEqual(canonical(toIcs23Spec(specs[0]!)), canonical(iavlSpec));
    assert.deepEqual(canonical(toIcs23Spec(specs[1]!)), canonical(tendermintSpec));
  });

  it('verifies a value at an ICS-24 path under the app hash', () => {
    verifyMembership(SDK_SPECS, appHash, prove(COMMITMENT), applyPrefix(IBC_PREFIX, COMMITMENT), VALUE);
  });

  it('verifies the absence of a path', () => {
    verifyNonMembership(SDK_SPECS, appHash, prove(ABSENT), applyPrefix(IBC_PREFIX, ABSENT));
  });

  it('rejects a wrong value', () => {
    const wrong = Uint8Array.from(VALUE);
    wrong[0]! ^= 1;
    rejects(() => verifyMembership(SDK_SPECS, appHash, prove(COMMITMENT), applyPrefix(IBC_PREFIX, COMMITMENT), wrong), ErrInvalidProof, /failed to verify membership of value: 01010203.* at index 0/);
  });

  it('rejects a proof of another path, or of the same key in another store', () => {
    const other = 'commitments/ports/transfer/channels/channel-0/sequences/1000';
    rejects(() => verifyMembership(SDK_SPECS, appHash, prove(other), applyPrefix(IBC_PREFIX, COMMITMENT), VALUE), ErrInvalidProof, /proves key .*sequences\/1000", not .*sequences\/7"/);
    rejects(() => verifyMembership(SDK_SPECS, appHash, prove(COMMITMENT, 'bank'), applyPrefix(IBC_PREFIX, COMMITMENT), VALUE), ErrInvalidProof, /at index 1.*"bank", not "ibc"/);
    rejects(() => verifyNonMembership(SDK_SPECS, appHash, prove(ABSENT), applyPrefix(IBC_PREFIX, COMMITMENT)), ErrInvalidProof, /could not verify absence of key commitments/);
  });

  it('rejects a proof for another root', () => {
    rejects(() => verifyMembership(SDK_SPECS, laterAppHash, prove(COMMITMENT), applyPrefix(IBC_PREFIX, COMMITMENT), VALUE), ErrInvalidProof, /did not commit to expected root/);
    rejects(() => verifyNonMembership(SDK_SPECS, laterAppHash, prove(ABSENT), applyPrefix(IBC_PREFIX, ABSENT)), ErrInvalidProof, /did not commit to expected root/);
    // The same key proved at the later height verifies against that height's root only.
    verifyMembership(SDK_SPECS, laterAppHash, prove(COMMITMENT, 'ibc', 2), applyPrefix(IBC_PREFIX, COMMITMENT), VALUE);
  });

  it('rejects an absence proof for membership and an existence proof for absence', () => {
    rejects(() => verifyMembership(SDK_SPECS, appHash, prove(ABSENT), applyPrefix(IBC_PREFIX, ABSENT), VALUE), ErrInvalidProof, /contains nonexistence proof at index 0/);
    rejects(() => verifyNonMembership(SDK_SPECS, appHash, prove(COMMITMENT), applyPrefix(IBC_PREFIX, COMMITMENT)), ErrInvalidProof, /got ExistenceProof in VerifyNonMembership/);
  });

  it('rejects malformed arguments as ibc-go does', () => {
    const proof = prove(COMMITMENT);
    const path = applyPrefix(IBC_PREFIX, COMMITMENT);
    rejects(() => verifyMembership(SDK_SPECS, appHash, new Uint8Array(), path, VALUE), ErrInvalidMerkleProof, /proof cannot be empty/);
    rejects(() => verifyMembership(SDK_SPECS, appHash, Uint8Array.of(0x0a, 0x05, 1), path, VALUE), ErrInvalidProof, /failed to unmarshal proof/);
    rejects(() => verifyMembership(SDK_SPECS, new Uint8Array(), proof, path, VALUE), ErrInvalidMerkleProof, /root cannot be empty/);
    rejects(() => verifyMembership(SDK_SPECS.slice(0, 1), appHash, proof, path, VALUE), ErrInvalidMerkleProof, /length of specs: 1 not equal to length of proof: 2/);
    rejects(() => verifyMembership(SDK_SPECS, appHash, proof, { keyPath: [COMMITMENT] }, VALUE), ErrInvalidProof, /path length 1 not same as proof 2/);
    rejects(() => verifyMembership(SDK_SPECS, appHash, proof, path, new Uint8Array()), ErrInvalidProof, /empty value in membership proof/);
    rejects(() => convertProofs([]), ErrInvalidMerkleProof, /tendermint proof is nil/);
  });

  it('rejects a proof with any byte flipped, unless the decoder reads the very same proof', () => {
    const proof = prove(COMMITMENT);
    const path = applyPrefix(IBC_PREFIX, COMMITMENT);
    // protobufjs, like every JS protobuf decoder, lets a nested message read past a length
    // prefix that was shortened; such a flip decodes to the original proof and proves nothing new.
    const decoded = (bytes: Uint8Array) => decodeMerkleProof(bytes).map((p) => Buffer.from(ics23.CommitmentProof.encode(p).finish()).toString('hex'));
    let rejected = 0;
    for (let i = 0; i < proof.length; i++) {
      const bad = Uint8Array.from(proof);
      bad[i]! ^= 0x20;
      try {
        verifyMembership(SDK_SPECS, appHash, bad, path, VALUE);
        assert.deepEqual(decoded(bad), decoded(proof), `flipped byte ${i} was accepted with a different proof`);
      } catch (err) {
        assert.ok((err as CodedError).is(ErrInvalidProof) || (err as CodedError).is(ErrInvalidMerkleProof), `byte ${i}: ${(err as Error).message}`);
        rejected++;
      }
    }
    assert.ok(rejected > proof.length * 0.9, `rejected ${rejected} of ${proof.length}`);
  });
});
