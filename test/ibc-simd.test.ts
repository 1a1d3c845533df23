// The IBC harness on its own, with no zonekit in it: two ibc-go simd chains linked by the Go
// relayer (`rly tx link`), an ICS-20 transfer from A to B relayed with `rly tx flush`, and the
// voucher checked on B. The same harness links a zone to simd.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { Relayer, rlyBinary } from '../scripts/lib/relayer.js';
import { simdBinary, simdTransfer, startSimdChain, type SimdAccount } from '../scripts/lib/simd.js';
import { ProcessGroup } from './helpers/processes.js';

const newMnemonic = async (): Promise<string> => (await DirectSecp256k1HdWallet.generate(24)).mnemonic;

/** The denom of `baseDenom` after one hop into a chain through its `channel` on port transfer. */
function voucherDenom(channel: string, baseDenom: string): string {
  return `ibc/${createHash('sha256').update(`transfer/${channel}/${baseDenom}`).digest('hex').toUpperCase()}`;
}

test('an ICS-20 transfer between two simd chains, relayed by rly', { timeout: 120_000 }, async () => {
  // Both throw "... Run scripts/install-ibc-peers.sh ..." when the peers are not installed.
  simdBinary();
  rlyBinary();

  const dir = mkdtempSync(join(tmpdir(), 'zonekit-ibc-simd-'));
  const group = new ProcessGroup();
  let passed = false;
  try {
    const names = ['validator', 'sender', 'receiver', 'relayer'];
    const accounts: SimdAccount[] = await Promise.all(names.map(async (name) => ({ name, mnemonic: await newMnemonic(), coins: '100000000000stake' })));
    const relayerMnemonic = accounts.find((a) => a.name === 'relayer')!.mnemonic;
    const [chainA, chainB] = await Promise.all(
      ['simd-a-1', 'simd-b-1'].map((chainId) => startSimdChain({ home: join(dir, chainId), chainId, accounts, group })),
    );

    const relayer = await Relayer.init(join(dir, 'rly'), { group });
    for (const chain of [chainA!, chainB!]) {
      await relayer.addChain({ chainId: chain.chainId, rpcUrl: chain.rpcUrl, mnemonic: relayerMnemonic, gasPrices: chain.minGasPrices });
    }
    await relayer.newPath('a-b', chainA!.chainId, chainB!.chainId);
    const path = await relayer.link('a-b');
    assert.match(path.src.channelId, /^channel-\d+$/);
    assert.match(path.dst.channelId, /^channel-\d+$/);
    assert.match(path.src.clientId, /^07-tendermint-\d+$/);

    const sender = chainA!.addresses.sender!;
    const receiver = chainB!.addresses.receiver!;
    const senderBefore = await chainA!.balance(sender, 'stake');
    await simdTransfer(chainA!, { from: 'sender', channel: path.src.channelId, receiver, amount: '1000stake' });
    await relayer.relayAll('a-b', path.src.channelId);

    const voucher = voucherDenom(path.dst.channelId, 'stake');
    assert.equal(await chainB!.balance(receiver, voucher), 1000n, `${receiver} on ${chainB!.chainId} should hold 1000${voucher}`);
    assert.ok((await chainA!.balance(sender, 'stake')) <= senderBefore - 1000n, 'the sender paid 1000stake into escrow');
    assert.deepEqual(await relayer.unrelayed('a-b', path.src.channelId), { packets: { src: [], dst: [] }, acks: { src: [], dst: [] } });
    passed = true;
  } finally {
    await group.stopAll();
    // A failed run keeps its folder: every chain's and the relayer's logs are in it.
    if (passed) rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir} (simd and rly logs)`);
  }
});
