// xstaking's REST paths, generated from the `google.api.http` options of its query service
// (GET /zonekit/xstaking/v1/params, .../stakers/{staker}/positions, ...), and its messages
// readable in JSON (tx files).
import { gatewayRoutes, registerJsonTypes } from '../../app/proto/index.js';
import type { RestRoutes } from '../../app/rest/index.js';
import { msgCodecs, QUERY_SERVICE, queryCodecs, schema } from './schema.js';

const queryRoutes = gatewayRoutes(schema, QUERY_SERVICE, queryCodecs);

export function xstakingRest(routes: RestRoutes): void {
  registerJsonTypes(routes.types, schema, msgCodecs);
  queryRoutes(routes);
}
