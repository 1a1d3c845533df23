// The example module: a counter per address, with its own message, query, genesis and
// amino JSON (from `amino.name` in its .proto). The chain builder's walkthrough starts here.
import type { AddressCodec } from '../../app/address-codec.js';
import { defineModule } from '../../app/module.js';
import { aminoConverters } from '../../app/proto/index.js';
import { counterCli } from './cli.js';
import { counterGenesis } from './genesis.js';
import { CounterKeeper, MODULE_NAME, STORE_KEY } from './keeper.js';
import { incrementHandler } from './msgs.js';
import { counterRest } from './rest.js';
import { MSG_INCREMENT_TYPE_URL, msgCodecs, QUERY_COUNT_PATH, QueryCountRequest, QueryCountResponse, schema } from './schema.js';

export interface CounterModuleDeps {
  /** How addresses are written (the account keeper's codec). */
  addressCodec: AddressCodec;
}

export function counterModule({ addressCodec }: CounterModuleDeps) {
  const keeper = new CounterKeeper();
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    msgs: { [MSG_INCREMENT_TYPE_URL]: incrementHandler(keeper, addressCodec) },
    queries: {
      [QUERY_COUNT_PATH]: (ctx, data) => {
        const { address } = QueryCountRequest.decode(data);
        return QueryCountResponse.encode({ count: keeper.getCount(ctx, addressCodec.decode(address)) }).finish();
      },
    },
    genesis: counterGenesis(keeper, addressCodec),
    rest: counterRest,
    cli: counterCli,
    aminoConverters: aminoConverters(schema, msgCodecs),
  });
}

export type CounterModule = ReturnType<typeof counterModule>;
