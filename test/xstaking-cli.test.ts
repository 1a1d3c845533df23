// `zonekit tx xstaking stake|unstake` and `zonekit query xstaking`, without a node: the
// messages a stake and an unstake build (--generate-only, the SDK's tx JSON), and the
// sentences and exit codes of bad arguments.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('offers the query service’s methods', async () => {
    const help = await ok(['query', 'xstaking', '--help']);
    for (const command of ['params', 'positions-by-staker', 'positions-by-channel', 'totals', 'unbondings', 'closed-channels']) assert.ok(help.includes(command), command);
  });
});
