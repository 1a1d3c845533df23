// zonekit's own distribution records through the generated codecs (gen/zonekit/distribution/v1)
// and the conversion at the store's boundary give the bytes records.ts wrote by hand before
// proto/ became the source, pinned here as hex: the records are consensus state.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '@cosmjs/encoding';
import { parseDec } from '../../app/dec.js';
import { DelegationRewardSnapshot, ValidatorRewardsPerShare } from '../../gen/zonekit/distribution/v1/types.js';
import { decCoinsFromProto, decCoinsToProto, type DecCoins } from './dec-coins.js';
import { PER_SHARE_ONE, snapshotFromProto, snapshotToProto, type DelegationSnapshot } from './rewards-per-share.js';

const encodeRewards = (rewards: DecCoins): string => toHex(ValidatorRewardsPerShare.encode({ rewardsPerShare: decCoinsToProto(rewards) }).finish());
const decodeRewards = (hex: string): DecCoins => decCoinsFromProto(ValidatorRewardsPerShare.decode(fromHex(hex)).rewardsPerShare);
const encodeSnapshot = (snapshot: DelegationSnapshot): string => toHex(DelegationRewardSnapshot.encode(snapshotToProto(snapshot)).finish());
const decodeSnapshot = (hex: string): DelegationSnapshot => snapshotFromProto(DelegationRewardSnapshot.decode(fromHex(hex)));

// Captured from modules/distribution/records.ts (the hand-written codecs) before it was deleted.
const REWARDS: Array<[string, DecCoins, string]> = [
  [
    'two denoms, 36 decimal places',
    [{ denom: 'uatom', amount: (15n * PER_SHARE_ONE) / 10n }, { denom: 'ustake', amount: 1n }],
    '0a2e0a057561746f6d1225313530303030303030303030303030303030303030303030303030303030303030303030300a0b0a06757374616b65120131',
  ],
  ['none', [], ''],
];

const SNAPSHOTS: Array<[string, DelegationSnapshot, string]> = [
  [
    'shares and rewards per share',
    { shares: parseDec('12.5'), rewardsPerShare: [{ denom: 'uatom', amount: 3n * PER_SHARE_ONE + 7n }] },
    '0a143132353030303030303030303030303030303030122e0a057561746f6d122533303030303030303030303030303030303030303030303030303030303030' +
      '303030303037',
  ],
  ['zero shares stay off the wire', { shares: 0n, rewardsPerShare: [] }, ''],
  ['the smallest share, no rewards yet', { shares: 1n, rewardsPerShare: [] }, '0a0131'],
];

describe('distribution wire format (generated codecs)', () => {
  for (const [name, rewards, hex] of REWARDS) {
    it(`ValidatorRewardsPerShare, ${name}: the same bytes as records.ts, and back`, () => {
      assert.equal(encodeRewards(rewards), hex);
      assert.deepEqual(decodeRewards(hex), rewards);
    });
  }
  for (const [name, snapshot, hex] of SNAPSHOTS) {
    it(`DelegationRewardSnapshot, ${name}: the same bytes as records.ts, and back`, () => {
      assert.equal(encodeSnapshot(snapshot), hex);
      assert.deepEqual(decodeSnapshot(hex), snapshot);
    });
  }

  it('keeps the type names', () => {
    assert.equal(`/${ValidatorRewardsPerShare.$type}`, '/zonekit.distribution.v1.ValidatorRewardsPerShare');
    assert.equal(`/${DelegationRewardSnapshot.$type}`, '/zonekit.distribution.v1.DelegationRewardSnapshot');
  });
});
