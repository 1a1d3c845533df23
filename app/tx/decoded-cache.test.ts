import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { decodeTx, decodedTxHashKey, txHashKey } from './decode.js';
import { DecodedTxCache, deepFreeze } from './decoded-cache.js';
import { directWallet, signTx } from './wallets.fixture.js';

const wallet = await directWallet();
const txs = await Promise.all([0, 1, 2].map((sequence) => signTx(wallet, { sequence })));

describe('DecodedTxCache', () => {
  it('keeps its tx bytes under maxBytes, dropping the oldest (a flood of large txs stays bounded)', () => {
    // Room for the last two txs only.
    const budget = txs[1]!.length + txs[2]!.length;
    const cache = new DecodedTxCache<string>(100, budget);
    const keys = txs.map((tx) => DecodedTxCache.keyOf(tx));
    txs.forEach((tx, i) => cache.add(keys[i]!, decodeTx(tx)));
    assert.equal(cache.size, 2);
    assert.equal(cache.bytes, budget);
    assert.equal(cache.get(keys[0]!), undefined, 'the oldest went first');
    cache.delete(keys[1]!);
    assert.equal(cache.bytes, txs[2]!.length);
    cache.clear();
    assert.equal(cache.bytes, 0);
  });

  it('keeps decoded txs by sha256 of their bytes, frozen, oldest out first', () => {
    const cache = new DecodedTxCache<string>(2);
    const keys = txs.map((tx) => DecodedTxCache.keyOf(tx));
    assert.equal(keys[0], createHash('sha256').update(txs[0]!).digest('latin1'));
    assert.equal(keys[0], txHashKey(txs[0]!));
    const entry = cache.add(keys[0]!, decodeTx(txs[0]!));
    assert.equal(cache.add(keys[0]!, decodeTx(txs[0]!)), entry, 'a second add keeps the first entry');
    assert.ok(Object.isFrozen(entry.tx) && Object.isFrozen(entry.tx.body) && Object.isFrozen(entry.tx.authInfo.signerInfos[0]));
    assert.throws(() => ((entry.tx.body as { memo: string }).memo = 'changed'), TypeError);
    assert.equal(decodedTxHashKey(entry.tx), keys[0], 'the hash is remembered for the signature cache');
    assert.equal(cache.setMessages(entry, 'first'), 'first');
    assert.equal(cache.setMessages(entry, 'second'), 'first');
    cache.add(keys[1]!, decodeTx(txs[1]!));
    cache.add(keys[2]!, decodeTx(txs[2]!));
    assert.equal(cache.size, 2);
    assert.equal(cache.get(keys[0]!), undefined);
    cache.delete(keys[1]!);
    assert.equal(cache.get(keys[1]!), undefined);
    assert.ok(cache.get(keys[2]!));
    assert.throws(() => new DecodedTxCache(0), /positive integer/);
  });

  it('deepFreeze leaves byte arrays and class instances alone', () => {
    class Route {
      n = 1;
    }
    const route = new Route();
    const value = deepFreeze({ a: [{ b: 1 }], bytes: new Uint8Array(2), route });
    assert.ok(Object.isFrozen(value.a[0]));
    value.bytes[0] = 7;
    route.n = 2;
    assert.equal(value.bytes[0], 7);
    assert.equal(Object.isFrozen(route), false);
  });
});
