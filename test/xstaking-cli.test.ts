// `zonekit tx xstaking stake|unstake` and `zonekit query xstaking`, without a node: the
// messages a stake and an unstake build (--generate-only, the SDK's tx JSON), and the
// sentences and exit codes of bad arguments.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Misbehaviour } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { addSeconds, signHeader, testValidators, validatorSetOf } from '../ibc/light-clients/07-tendermint/testing.js';
import { zonekitFails as fails, zonekitOk as ok } from './helpers/zonekit-cli.js';

const STAKER = 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du';
const VALOPER = 'cosmosvaloper1qyqszqgpqyqszqgpqyqszqgpqyqszqgpzdq6re';

describe('zonekit tx/query xstaking', () => {
  const home = mkdtempSync(join(tmpdir(), 'zonekit-xstaking-cli-'));
  const common = ['--home', home, '--keyring-backend', 'test', '--chain-id', 'hub-1', '-o', 'json'];
  after(() => rmSync(home, { recursive: true, force: true }));

  it('stake and unstake build MsgXStake and MsgXUnstake', async () => {
    for (const [command, typeUrl] of [['stake', '/zonekit.xstaking.v1.MsgXStake'], ['unstake', '/zonekit.xstaking.v1.MsgXUnstake']] as const) {
      const tx = JSON.parse(await ok(['tx', 'xstaking', command, 'channel-3', VALOPER, '2500', '--from', STAKER, '--generate-only', ...common]));
      assert.deepEqual(tx.body.messages, [{ '@type': typeUrl, staker: STAKER, consumer_channel: 'channel-3', validator: VALOPER, amount: '2500' }]);
    }
  });

  it('recover builds MsgXRecover', async () => {
    const tx = JSON.parse(await ok(['tx', 'xstaking', 'recover', 'channel-3', '--from', STAKER, '--generate-only', ...common]));
    assert.deepEqual(tx.body.messages, [{ '@type': '/zonekit.xstaking.v1.MsgXRecover', staker: STAKER, consumer_channel: 'channel-3' }]);
    await fails(['tx', 'xstaking', 'recover', 'chan-3', '--from', STAKER, ...common], /<consumer-channel> must be a channel id like channel-0, got "chan-3"/);
    await fails(['tx', 'xstaking', 'recover', 'channel-3', ...common], /--from <key_or_address> is required/);
  });

  it('refuses bad arguments with a sentence and a non-zero exit', async () => {
    await fails(['tx', 'xstaking', 'stake', 'chan-3', VALOPER, '5', '--from', STAKER, ...common], /<consumer-channel> must be a channel id like channel-0, got "chan-3"/);
    await fails(['tx', 'xstaking', 'stake', 'channel-3', VALOPER, '0', '--from', STAKER, ...common], /<amount> must be a positive whole number/);
    await fails(['tx', 'xstaking', 'unstake', 'channel-3', VALOPER, '5', ...common], /--from <key_or_address> is required/);
  });

  it('submit-fork reads a Misbehaviour from JSON (with or without its @type) into MsgSubmitConsumerFork', async () => {
    const validators = testValidators(2, 'xstaking-cli');
    const header = (tag: string) => ({
      signedHeader: signHeader(validators, { chainId: 'consumer-1', height: 12n, time: addSeconds({ seconds: 1_700_000_000n, nanos: 0 }, 60n), appHash: new TextEncoder().encode(tag) }),
      validatorSet: validatorSetOf(validators),
      trustedHeight: { revisionNumber: 1n, revisionHeight: 10n },
      trustedValidators: validatorSetOf(validators),
    });
    const misbehaviour = Misbehaviour.fromPartial({ clientId: '07-tendermint-4', header1: header('a'), header2: header('b') });
    const plain = join(home, 'misbehaviour.json');
    const typed = join(home, 'misbehaviour-typed.json');
    writeFileSync(plain, JSON.stringify(Misbehaviour.toJSON(misbehaviour)));
    writeFileSync(typed, JSON.stringify({ '@type': '/ibc.lightclients.tendermint.v1.Misbehaviour', ...(Misbehaviour.toJSON(misbehaviour) as object) }));
    for (const file of [plain, typed]) {
      const tx = JSON.parse(await ok(['tx', 'xstaking', 'submit-fork', 'channel-2', file, '--from', STAKER, '--generate-only', ...common]));
      const [msg] = tx.body.messages;
      assert.deepEqual([msg['@type'], msg.submitter, msg.channel_id], ['/zonekit.xstaking.v1.MsgSubmitConsumerFork', STAKER, 'channel-2']);
      assert.equal(msg.misbehaviour['@type'], '/ibc.lightclients.tendermint.v1.Misbehaviour');
      assert.equal(msg.misbehaviour.client_id, '07-tendermint-4');
      const signed = msg.misbehaviour.header2.signed_header;
      assert.equal(signed.header.height, '12');
      assert.equal(signed.commit.block_id.hash, Buffer.from(misbehaviour.header2!.signedHeader!.commit!.blockId.hash).toString('base64'));
    }
  });

  it('submit-fork refuses bad arguments with a sentence and a non-zero exit', async () => {
    const file = join(home, 'misbehaviour.json');
    await fails(['tx', 'xstaking', 'submit-fork', 'chan-2', file, '--from', STAKER, ...common], /<channel-id> must be a channel id like channel-0, got "chan-2"/);
    await fails(['tx', 'xstaking', 'submit-fork', 'channel-2', join(home, 'missing.json'), '--from', STAKER, ...common], /cannot read the misbehaviour from .*missing\.json/);
    const header = join(home, 'header.json');
    writeFileSync(header, JSON.stringify({ '@type': '/ibc.lightclients.tendermint.v1.Header' }));
    await fails(['tx', 'xstaking', 'submit-fork', 'channel-2', header, '--from', STAKER, ...common], /holds a \/ibc.lightclients.tendermint.v1.Header, not a \/ibc.lightclients.tendermint.v1.Misbehaviour/);
    await fails(['tx', 'xstaking', 'submit-fork', 'channel-2', file, ...common], /--from <key_or_address> is required: the submitter/);
  });

  it('offers the query service’s methods', async () => {
    const help = await ok(['query', 'xstaking', '--help']);
    for (const command of ['params', 'positions-by-staker', 'positions-by-channel', 'totals', 'unbondings', 'closed-channels']) assert.ok(help.includes(command), command);
  });
});
