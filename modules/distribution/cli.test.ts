// The CLI commands against a stand-in CliContext: the messages they sign and what they print.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MsgWithdrawDelegatorReward, MsgWithdrawValidatorCommission } from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import { QueryCommunityPoolResponse, QueryDelegatorValidatorsResponse } from 'cosmjs-types/cosmos/distribution/v1beta1/query';
import type { CliContext, EncodedMsg } from '../../app/cli-types.js';
import { distributionCli } from './cli.js';
import { account, valoper } from './fixture.js';

function context(answers: Record<string, Uint8Array> = {}) {
  const submitted: Array<{ from: string; msgs: readonly EncodedMsg[] }> = [];
  const printed: Array<{ value: unknown; text: string }> = [];
  const ctx: CliContext = {
    home: '/nonexistent',
    address: async (name) => (name === 'alice' ? account(0xa1) : name),
    coins: (text) => [{ denom: 'uatom', amount: text.replace('uatom', '') }],
    query: async (path) => answers[path] ?? new Uint8Array(),
    submit: async (from, msgs) => void submitted.push({ from, msgs }),
    print: (value, text) => void printed.push({ value, text: text() }),
  };
  return { ctx, submitted, printed };
}

const command = (kind: 'tx' | 'query', name: string) => distributionCli[kind]!.find((c) => c.usage.startsWith(name))!;

describe('distribution CLI', () => {
  it('withdraw-rewards --commission adds the commission message only for the operator itself', async () => {
    const { ctx, submitted } = context();
    await command('tx', 'withdraw-rewards').run(ctx, [valoper(0xa1)], { from: 'alice', commission: true });
    assert.deepEqual(submitted[0]!.msgs.map((m) => m.typeUrl), [MsgWithdrawDelegatorReward.typeUrl, MsgWithdrawValidatorCommission.typeUrl]);
    await assert.rejects(command('tx', 'withdraw-rewards').run(ctx, [valoper(0xb1)], { from: 'alice', commission: true }), /is not the operator of/);
  });

  it('withdraw-rewards takes the validator as delegate does: a valoper address, or a key name or account address of its operator', async () => {
    const { ctx, submitted } = context();
    await command('tx', 'withdraw-rewards').run(ctx, ['alice'], { from: 'alice' });
    await command('tx', 'withdraw-rewards').run(ctx, [account(0xb1)], { from: 'alice' });
    const validators = submitted.map((s) => MsgWithdrawDelegatorReward.decode(s.msgs[0]!.value).validatorAddress);
    assert.deepEqual(validators, [valoper(0xa1), valoper(0xb1)]);
    await assert.rejects(command('tx', 'withdraw-rewards').run(ctx, ['cosmosvaloper1nope'], { from: 'alice' }), /invalid validator address "cosmosvaloper1nope"/);
  });

  it('withdraw-all-rewards sends one withdrawal per validator the delegator has', async () => {
    const validators = QueryDelegatorValidatorsResponse.encode({ validators: [valoper(1), valoper(2)] }).finish();
    const { ctx, submitted } = context({ '/cosmos.distribution.v1beta1.Query/DelegatorValidators': validators });
    await command('tx', 'withdraw-all-rewards').run(ctx, [], { from: 'alice' });
    assert.deepEqual(submitted[0]!.msgs.map((m) => MsgWithdrawDelegatorReward.decode(m.value).validatorAddress), [valoper(1), valoper(2)]);
  });

  it('query community-pool prints decimal amounts', async () => {
    const pool = QueryCommunityPoolResponse.encode({ pool: [{ denom: 'uatom', amount: '1500000000000000000' }] }).finish();
    const { ctx, printed } = context({ '/cosmos.distribution.v1beta1.Query/CommunityPool': pool });
    await command('query', 'community-pool').run(ctx, [], {});
    assert.deepEqual(printed[0], { value: { pool: [{ denom: 'uatom', amount: '1.500000000000000000' }] }, text: '1.500000000000000000uatom' });
  });
});
