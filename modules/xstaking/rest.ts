// xstaking's REST paths, generated from the `google.api.http` options of its query service
// (GET /zonekit/xstaking/v1/params, .../stakers/{staker}/positions, ...), and its messages
// readable in JSON (tx files).
import { Misbehaviour } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { gatewayRoutes, registerJsonTypes } from '../../app/proto/index.js';
import { MISBEHAVIOUR_TYPE_URL } from '../../ibc/light-clients/07-tendermint/codec.js';
import type { RestRoutes } from '../../app/rest/index.js';
import { msgCodecs, QUERY_SERVICE, queryCodecs, schema } from './schema.js';

const queryRoutes = gatewayRoutes(schema, QUERY_SERVICE, queryCodecs);

export function xstakingRest(routes: RestRoutes): void {
  registerJsonTypes(routes.types, schema, msgCodecs);
  // MsgSubmitConsumerFork's Any, so tx files show and read the misbehaviour's fields.
  routes.types.register(MISBEHAVIOUR_TYPE_URL, Misbehaviour);
  queryRoutes(routes);
}
