// Runs the default zone's ABCI server: `node dist/zone/main.js --home <dir> [--abci tcp://127.0.0.1:26658]
// [--chain-id <id>] [--minimum-gas-prices 0.025uatom] [--pruning default|nothing|everything]
// [--api-enable] [--api-address tcp://127.0.0.1:1317] [--rpc-laddr http://127.0.0.1:26657]
// [--api-cors-origins '*' | a comma-separated list, empty for none] [--grpc-enable]
// [--grpc-address 127.0.0.1:9090] [--inv-check-period N] [--state-sync.snapshot-interval N]
// [--state-sync.snapshot-keep-recent N] [--log_level info] [--log_format plain|json]`.
// Flags fall back to ZONEKIT_* environment variables. CometBFT connects to it as its proxy_app;
// the REST API and the gRPC server (off unless enabled) forward broadcasts and block queries to
// CometBFT's RPC.
import { runZoneNode } from './node-main.js';

await runZoneNode();
