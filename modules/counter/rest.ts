// The example module's REST path: an address's count, on the path grpc-gateway would give
// its Query/Count (`zonekit.counter.v1` → /zonekit/counter/v1/...).
import { z } from 'zod';
import { addressParam, type RestRoutes } from '../../app/rest/index.js';
import { MSG_INCREMENT_RESPONSE_TYPE_URL, MSG_INCREMENT_TYPE_URL, MsgIncrement, MsgIncrementResponse, QUERY_COUNT_PATH, QueryCountRequest, QueryCountResponse } from './codec.js';

export function counterRest(routes: RestRoutes): void {
  routes.types.register(MSG_INCREMENT_TYPE_URL, MsgIncrement).register(MSG_INCREMENT_RESPONSE_TYPE_URL, MsgIncrementResponse);
  routes.gateway('/zonekit/counter/v1/count/:address', {
    summary: "An address's counter (0 if it never incremented)",
    params: z.object({ address: addressParam(routes.addressCodec) }),
    method: QUERY_COUNT_PATH,
    request: ({ params }) => QueryCountRequest.encode({ address: params.address }).finish(),
    response: QueryCountResponse,
  });
}
