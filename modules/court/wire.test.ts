// The court's records and queries through the generated codecs (gen/zonekit/court/v1) give
// the bytes the hand-written codecs gave before proto/ became the source, pinned here as hex:
// trials and the evidence params live in the court's Merkle store, so these bytes are
// consensus state, and cosmjs clients decode the queries.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '@cosmjs/encoding';
import { QueryParamsRequest, QueryParamsResponse, QueryTrialRequest, QueryTrialResponse, QueryTrialsRequest, QueryTrialsResponse } from '../../gen/zonekit/court/v1/query.js';
import { EvidenceParams, EvidenceSource, InfractionKind, SlashedStake, Trial, Verdict } from '../../gen/zonekit/court/v1/types.js';
import { DEFAULT_PARAMS, evidenceToProto, toSlashingParams } from './params.js';
import type { StoredTrial } from './trials.js';

const full: StoredTrial = {
  id: 7n,
  evidenceHash: Uint8Array.from({ length: 32 }, (_, i) => i),
  kind: InfractionKind.INFRACTION_KIND_DOUBLE_SIGN,
  source: EvidenceSource.EVIDENCE_SOURCE_TX,
  submitter: 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4',
  validatorAddress: 'cosmosvaloper1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnp8m3kj',
  consensusAddress: 'cosmosvalcons1qqqsyqcyq5rqwzqfpg9scrgwpugpzysn3yq8zd',
  infractionHeight: 41n,
  infractionTime: { seconds: 1_700_000_000n, nanos: 123_456_789 },
  distributionHeight: 40n,
  power: 1000n,
  slashFraction: '0.050000000000000000',
  verdict: Verdict.VERDICT_TOMBSTONED,
  slashed: {
    burned: '50000',
    fromValidator: '40000',
    fromUnbondingDelegations: [{ delegatorAddress: 'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu', amount: '6000' }],
    fromRedelegations: [
      { delegatorAddress: 'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu', validatorDstAddress: 'cosmosvaloper1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5xn8y5c', amount: '4000' },
    ],
  },
  jailedUntil: { seconds: 253_402_300_799n, nanos: 0 },
  judgedHeight: 42n,
  judgedTime: { seconds: 1_700_000_006n, nanos: 5 },
};

// Zero and negative values, empty lists, a zero time: defaults are left off the wire, but the
// message fields (times, slashed stake) are always written, even when zero.
const downtime: StoredTrial = {
  ...full,
  id: 8n,
  kind: InfractionKind.INFRACTION_KIND_DOWNTIME,
  source: EvidenceSource.EVIDENCE_SOURCE_COMETBFT,
  submitter: '',
  infractionHeight: -1n,
  distributionHeight: 0n,
  power: 0n,
  slashFraction: '0.010000000000000000',
  verdict: Verdict.VERDICT_SLASHED_AND_JAILED,
  slashed: { burned: '0', fromValidator: '', fromUnbondingDelegations: [], fromRedelegations: [] },
  infractionTime: { seconds: 0n, nanos: 0 },
};

const zeroTime = { seconds: 0n, nanos: 0 };
const empty: StoredTrial = {
  ...Trial.fromPartial({}),
  infractionTime: zeroTime,
  slashed: SlashedStake.fromPartial({}),
  jailedUntil: zeroTime,
  judgedTime: zeroTime,
};

const evidence = { maxAgeNumBlocks: 100_000n, maxAgeDuration: { seconds: 172_800n, nanos: 0 } };

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

function pinned<T>(codec: Codec<T>, value: T, hex: string): [Codec<unknown>, unknown, string] {
  return [codec as Codec<unknown>, value, hex];
}

// Captured from modules/court/codec.ts (the hand-written codecs) before it was deleted.
const FIXTURES: Record<string, [Codec<unknown>, unknown, string]> = {
  'Trial (every field set)': pinned(
    Trial,
    full,
    '08071220000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f180120022a2d636f736d6f733139726c34636d32686d723861667934' +
      '6b6c6470787a33666b61346a6775713061757164616c343234636f736d6f7376616c6f70657231717171737971637971357271777a7166706739736372677770' +
      '7567707a79736e70386d336b6a3a34636f736d6f7376616c636f6e7331717171737971637971357271777a71667067397363726777707567707a79736e337971' +
      '387a6440294a0b0880e2cfaa0610959aef3a502858e8076214302e303530303030303030303030303030303030680272b2010a05353030303012053430303030' +
      '1a350a2d636f736d6f7331717970717870713971637273737a673270767871367273307a716733797963356c7a76377875120436303030226b0a2d636f736d6f' +
      '7331717970717870713971637273737a673270767871367273307a716733797963356c7a763778751234636f736d6f7376616c6f706572317179707178707139' +
      '71637273737a673270767871367273307a71673379796335786e387935631a04343030307a0708ff82d1ffaf0780012a8a01080886e2cfaa061005',
  ),
  'Trial (downtime: zeros, a negative height, empty lists)': pinned(
    Trial,
    downtime,
    '08081220000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f180320013234636f736d6f7376616c6f706572317171717379716379' +
      '71357271777a71667067397363726777707567707a79736e70386d336b6a3a34636f736d6f7376616c636f6e7331717171737971637971357271777a71667067' +
      '397363726777707567707a79736e337971387a6440ffffffffffffffffff014a006214302e303130303030303030303030303030303030680172030a01307a07' +
      '08ff82d1ffaf0780012a8a01080886e2cfaa061005',
  ),
  'Trial (all defaults: only the message fields)': pinned(Trial, empty, '4a0072007a008a0100'),
  SlashedStake: pinned(
    SlashedStake,
    full.slashed,
    '0a053530303030120534303030301a350a2d636f736d6f7331717970717870713971637273737a673270767871367273307a716733797963356c7a7637787512' +
      '0436303030226b0a2d636f736d6f7331717970717870713971637273737a673270767871367273307a716733797963356c7a763778751234636f736d6f737661' +
      '6c6f70657231717970717870713971637273737a673270767871367273307a71673379796335786e387935631a0434303030',
  ),
  EvidenceParams: pinned(EvidenceParams, evidence, '08a08d0612040880c60a'),
  'EvidenceParams (zero: the duration is still written)': pinned(EvidenceParams, { maxAgeNumBlocks: 0n, maxAgeDuration: zeroTime }, '1200'),
  QueryTrialRequest: pinned(QueryTrialRequest, { id: 7n }, '0807'),
  QueryTrialResponse: pinned(
    QueryTrialResponse,
    { trial: full },
    '0abb0308071220000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f180120022a2d636f736d6f733139726c34636d32686d723861' +
      '6679346b6c6470787a33666b61346a6775713061757164616c343234636f736d6f7376616c6f70657231717171737971637971357271777a7166706739736372' +
      '6777707567707a79736e70386d336b6a3a34636f736d6f7376616c636f6e7331717171737971637971357271777a71667067397363726777707567707a79736e' +
      '337971387a6440294a0b0880e2cfaa0610959aef3a502858e8076214302e303530303030303030303030303030303030680272b2010a05353030303012053430' +
      '3030301a350a2d636f736d6f7331717970717870713971637273737a673270767871367273307a716733797963356c7a76377875120436303030226b0a2d636f' +
      '736d6f7331717970717870713971637273737a673270767871367273307a716733797963356c7a763778751234636f736d6f7376616c6f706572317179707178' +
      '70713971637273737a673270767871367273307a71673379796335786e387935631a04343030307a0708ff82d1ffaf0780012a8a01080886e2cfaa061005',
  ),
  'QueryTrialResponse (no trial)': pinned(QueryTrialResponse, { trial: undefined }, ''),
  QueryTrialsRequest: pinned(
    QueryTrialsRequest,
    { validator: full.validatorAddress, pagination: { key: Uint8Array.of(1, 2, 3), offset: 0n, limit: 100n, countTotal: true, reverse: true } },
    '0a34636f736d6f7376616c6f70657231717171737971637971357271777a71667067397363726777707567707a79736e70386d336b6a120b0a03010203186420' +
      '012801',
  ),
  QueryTrialsResponse: pinned(
    QueryTrialsResponse,
    { trials: [full, downtime], pagination: { nextKey: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 9), total: 2n } },
    '0abb0308071220000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f180120022a2d636f736d6f733139726c34636d32686d723861' +
      '6679346b6c6470787a33666b61346a6775713061757164616c343234636f736d6f7376616c6f70657231717171737971637971357271777a7166706739736372' +
      '6777707567707a79736e70386d336b6a3a34636f736d6f7376616c636f6e7331717171737971637971357271777a71667067397363726777707567707a79736e' +
      '337971387a6440294a0b0880e2cfaa0610959aef3a502858e8076214302e303530303030303030303030303030303030680272b2010a05353030303012053430' +
      '3030301a350a2d636f736d6f7331717970717870713971637273737a673270767871367273307a716733797963356c7a76377875120436303030226b0a2d636f' +
      '736d6f7331717970717870713971637273737a673270767871367273307a716733797963356c7a763778751234636f736d6f7376616c6f706572317179707178' +
      '70713971637273737a673270767871367273307a71673379796335786e387935631a04343030307a0708ff82d1ffaf0780012a8a01080886e2cfaa0610050ad5' +
      '0108081220000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f180320013234636f736d6f7376616c6f7065723171717173797163' +
      '7971357271777a71667067397363726777707567707a79736e70386d336b6a3a34636f736d6f7376616c636f6e7331717171737971637971357271777a716670' +
      '67397363726777707567707a79736e337971387a6440ffffffffffffffffff014a006214302e303130303030303030303030303030303030680172030a01307a' +
      '0708ff82d1ffaf0780012a8a01080886e2cfaa061005120c0a0800000000000000091002',
  ),
  QueryParamsRequest: pinned(QueryParamsRequest, {}, ''),
  QueryParamsResponse: pinned(
    QueryParamsResponse,
    { slashing: toSlashingParams(DEFAULT_PARAMS), evidence: evidenceToProto(DEFAULT_PARAMS) },
    '0a41086412123530303030303030303030303030303030301a0308d804221135303030303030303030303030303030302a113130303030303030303030303030' +
      '303030120a08a08d0612040880c60a',
  ),
};

describe('court wire format (generated codecs)', () => {
  for (const [name, [codec, value, hex]] of Object.entries(FIXTURES)) {
    it(`${name}: the same bytes as the hand-written codec, and back`, () => {
      assert.equal(toHex(codec.encode(value).finish()), hex);
      assert.deepEqual(codec.decode(fromHex(hex)), value);
    });
  }

  it('keeps the type URLs', () => {
    assert.equal(`/${Trial.$type}`, '/zonekit.court.v1.Trial');
    assert.equal(`/${QueryParamsResponse.$type}`, '/zonekit.court.v1.QueryParamsResponse');
  });
});
