// A zonekit zone and ibc-go's simd v8.8.0 through each stock relayer, from ordinary chain
// configs: Hermes 1.10.5 (whose health check must find the zone healthy, with no version
// warning) and the Go relayer v2.6.0 run the same ICS-20 flow (test/helpers/zone-simd-ics20.ts):
// one test table, two relayers.
import { test } from 'node:test';
import { hermesRow, rlyRow, zoneSimdIcs20 } from './helpers/zone-simd-ics20.js';

for (const row of [hermesRow, rlyRow]) {
  test(`zonekit ↔ simd through ${row.name}: link from nothing, ICS-20 both ways, unwind, timeout and error-ack refunds, continuous relaying`, { timeout: 420_000 }, () => zoneSimdIcs20(row));
}
