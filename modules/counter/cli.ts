// `zonekit tx counter increment <by> --from <key>` and `zonekit query counter count <address>`.
import type { ModuleCli } from '../../app/cli-types.js';
import { MSG_INCREMENT_TYPE_URL, MsgIncrement, QUERY_COUNT_PATH, QueryCountRequest, QueryCountResponse } from './codec.js';

export const counterCli: ModuleCli = {
  tx: [
    {
      usage: 'increment <by>',
      description: "add <by> to the --from account's counter",
      async run(ctx, [by], { from }) {
        if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the account whose counter to increment');
        if (!/^[1-9][0-9]*$/.test(by!)) throw new Error(`<by> must be a positive whole number, got ${JSON.stringify(by)}`);
        const sender = await ctx.address(from);
        await ctx.submit(from, [{ typeUrl: MSG_INCREMENT_TYPE_URL, value: MsgIncrement.encode({ sender, by: BigInt(by!) }).finish().slice() }]);
      },
    },
  ],
  query: [
    {
      usage: 'count <address>',
      description: "an account's counter",
      async run(ctx, [address]) {
        const addr = await ctx.address(address!);
        const { count } = QueryCountResponse.decode(await ctx.query(QUERY_COUNT_PATH, QueryCountRequest.encode({ address: addr }).finish()));
        ctx.print({ count: count.toString() }, () => count.toString());
      },
    },
  ],
};
