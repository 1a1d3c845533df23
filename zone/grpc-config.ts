// The gRPC server's settings (app.toml's [grpc], plus the CometBFT RPC its services call),
// checked with zod so a bad value stops start-up with the key's name and what it accepts.
import { z } from 'zod';
import { grpcBindAddress } from '../app/grpc-server/server.js';
import { booleanText } from './api-config.js';
import { DEFAULT_GRPC_ADDRESS, type GrpcOptions } from './grpc.js';

const grpcAddress = z.string().refine(
  (address) => {
    try {
      grpcBindAddress(address);
      return true;
    } catch {
      return false;
    }
  },
  { error: (issue) => `must be host:port (e.g. ${DEFAULT_GRPC_ADDRESS}, or 0.0.0.0:9090 for other hosts), got ${JSON.stringify(issue.input)}` },
);

/** The settings by their app.toml names; on unless told otherwise, as in the SDK. */
export const GrpcSection = z.object({
  enable: booleanText.default(true),
  address: grpcAddress.default(DEFAULT_GRPC_ADDRESS),
});

/**
 * Checks the settings as read (flags, environment or a parsed app.toml); `nameOf` says how the
 * user wrote each key (`--grpc-address`, `[grpc] address`). `cometRpc` is CometBFT's RPC URL.
 */
export function parseGrpcSection(raw: Readonly<Record<string, unknown>>, cometRpc: string, nameOf: (key: string) => string): GrpcOptions {
  const result = GrpcSection.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`invalid ${nameOf(String(issue.path[0] ?? ''))}: ${issue.message}`);
  }
  return { enable: result.data.enable, address: result.data.address, cometRpc };
}
