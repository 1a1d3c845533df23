// `zonekit tx xstaking stake|unstake <consumer-channel> <validator> <amount> --from <key>`,
// `zonekit tx xstaking recover <consumer-channel> --from <key>`,
// `zonekit tx xstaking submit-fork <channel-id> <misbehaviour.json> --from <key>`
// (written here: positional arguments read better than a generic command) and
// `zonekit query xstaking ...` (generated from the query service's descriptor).
// submit-fork reads an ibc.lightclients.tendermint.v1.Misbehaviour
// in protobuf JSON (with or without its "@type"), as relayers and ibc-go print it.
import { readFileSync } from 'node:fs';
import type { ModuleCli } from '../../app/cli-types.js';
import { queryCommands } from '../../app/proto/index.js';
import { MsgSubmitConsumerFork, MsgXRecover, MsgXStake, MsgXUnstake } from '../../gen/zonekit/xstaking/v1/tx.js';
import { MISBEHAVIOUR_TYPE_URL } from '../../ibc/light-clients/07-tendermint/codec.js';
import { MSG_SUBMIT_CONSUMER_FORK_TYPE_URL, MSG_XRECOVER_TYPE_URL, MSG_XSTAKE_TYPE_URL, MSG_XUNSTAKE_TYPE_URL, QUERY_SERVICE, queryCodecs, schema } from './schema.js';

function checkArgs(channel: string | undefined, validator: string | undefined, amount: string | undefined, what: string): void {
  if (!/^channel-[0-9]+$/.test(channel ?? '')) throw new Error(`<consumer-channel> must be a channel id like channel-0, got ${JSON.stringify(channel)}`);
  if (!validator) throw new Error('<validator> is required: the consumer validator operator address');
  if (!/^[1-9][0-9]*$/.test(amount ?? '')) throw new Error(`<amount> must be a positive whole number of ${what}, got ${JSON.stringify(amount)}`);
}

export const xstakingCli: ModuleCli = {
  tx: [
    {
      usage: 'stake <consumer-channel> <validator> <amount>',
      description: "escrow <amount> of the hub's stake denom (base units) and x-stake it behind a consumer validator",
      async run(ctx, [channel, validator, amount], { from }) {
        if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the staker');
        checkArgs(channel, validator, amount, 'base units of the stake denom');
        const staker = await ctx.address(from);
        const value = MsgXStake.encode({ staker, consumerChannel: channel!, validator: validator!, amount: amount! }).finish();
        await ctx.submit(from, [{ typeUrl: MSG_XSTAKE_TYPE_URL, value }]);
      },
    },
    {
      usage: 'unstake <consumer-channel> <validator> <bar-amount>',
      description: 'unstake <bar-amount> BAR (base units) of an x-stake; the stake denom comes back after both unbonding periods',
      async run(ctx, [channel, validator, amount], { from }) {
        if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the staker');
        checkArgs(channel, validator, amount, 'BAR base units');
        const staker = await ctx.address(from);
        const value = MsgXUnstake.encode({ staker, consumerChannel: channel!, validator: validator!, amount: amount! }).finish();
        await ctx.submit(from, [{ typeUrl: MSG_XUNSTAKE_TYPE_URL, value }]);
      },
    },
    {
      usage: 'recover <consumer-channel>',
      description: "take back the stake denom still locked over a closed xstaking channel, once the hub's unbonding period since the close has passed",
      async run(ctx, [channel], { from }) {
        if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the staker');
        if (!/^channel-[0-9]+$/.test(channel ?? '')) throw new Error(`<consumer-channel> must be a channel id like channel-0, got ${JSON.stringify(channel)}`);
        const staker = await ctx.address(from);
        const value = MsgXRecover.encode({ staker, consumerChannel: channel! }).finish();
        await ctx.submit(from, [{ typeUrl: MSG_XRECOVER_TYPE_URL, value }]);
      },
    },
    {
      usage: 'submit-fork <channel-id> <misbehaviour.json>',
      description: "put a fork of the consumer behind <channel-id> on trial: two conflicting commits at one height (a 07-tendermint Misbehaviour) against this zone's client of it",
      async run(ctx, [channel, file], { from }) {
        if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the submitter');
        if (!/^channel-[0-9]+$/.test(channel ?? '')) throw new Error(`<channel-id> must be a channel id like channel-0, got ${JSON.stringify(channel)}`);
        let json: Record<string, unknown>;
        try {
          json = JSON.parse(readFileSync(file!, 'utf8')) as Record<string, unknown>;
        } catch (err) {
          throw new Error(`cannot read the misbehaviour from ${file}: ${err instanceof Error ? err.message : String(err)}`);
        }
        if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error(`${file} must hold a JSON object: a ${MISBEHAVIOUR_TYPE_URL}`);
        const typed = { '@type': MISBEHAVIOUR_TYPE_URL, ...json };
        if (typed['@type'] !== MISBEHAVIOUR_TYPE_URL) throw new Error(`${file} holds a ${String(typed['@type'])}, not a ${MISBEHAVIOUR_TYPE_URL}`);
        if (ctx.jsonTypes === undefined) throw new Error('this CLI cannot read protobuf JSON');
        const misbehaviour = ctx.jsonTypes.anyFromJson(typed);
        const submitter = await ctx.address(from);
        const value = MsgSubmitConsumerFork.encode({ submitter, channelId: channel!, misbehaviour }).finish();
        await ctx.submit(from, [{ typeUrl: MSG_SUBMIT_CONSUMER_FORK_TYPE_URL, value }]);
      },
    },
  ],
  query: queryCommands(schema, QUERY_SERVICE, queryCodecs),
};
