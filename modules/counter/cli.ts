// `zonekit tx counter increment <by> --from <key>` (written here: a positional amount reads
// better than a generic command) and `zonekit query counter count <address>` (generated from the
// query service's descriptor).
import type { ModuleCli } from '../../app/cli-types.js';
import { queryCommands } from '../../app/proto/index.js';
import { MSG_INCREMENT_TYPE_URL, MsgIncrement, QUERY_SERVICE, queryCodecs, schema } from './schema.js';

export const counterCli: ModuleCli = {
  tx: [
    {
      usage: 'increment <by>',
      description: "add <by> to the --from account's counter",
      async run(ctx, [by], { from }) {
        if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the account whose counter to increment');
        if (!/^[1-9][0-9]*$/.test(by!)) throw new Error(`<by> must be a positive whole number, got ${JSON.stringify(by)}`);
        const sender = await ctx.address(from);
        await ctx.submit(from, [{ typeUrl: MSG_INCREMENT_TYPE_URL, value: MsgIncrement.encode({ sender, by: BigInt(by!) }).finish() }]);
      },
    },
  ],
  query: queryCommands(schema, QUERY_SERVICE, queryCodecs),
};
