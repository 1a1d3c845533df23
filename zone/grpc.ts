// The zone's gRPC server (app.toml's [grpc]): the app's queries and the node's tx and
// tendermint services on 9090, as the SDK's node serves them to Hermes and other clients, with
// server reflection from the embedded descriptors of the protos they are defined in.
import type { AppDefinition } from '../app/app.js';
import type { BaseApp } from '../app/baseapp.js';
import { createGrpcServer, type GrpcServer } from '../app/grpc-server/server.js';
import { ProtoSchema } from '../app/proto/schema.js';
import { localQuerier } from '../app/rest/index.js';
import { descriptorSetBase64 } from '../gen/descriptor-set.js';

export interface GrpcOptions {
  enable: boolean;
  /** Where it listens; default 127.0.0.1:9090 (0.0.0.0:9090 to serve other hosts). */
  address?: string;
  /** The CometBFT RPC its tx and tendermint services call; default http://127.0.0.1:26657. */
  cometRpc?: string;
}

export const DEFAULT_GRPC_ADDRESS = '127.0.0.1:9090';

export interface RunningGrpc {
  server: GrpcServer;
  /** host:port it listens on (the real port when asked for 0). */
  address: string;
}

export async function startGrpc(definition: AppDefinition, app: BaseApp, options: GrpcOptions & { cometRpc: string; minGasPrices: string }): Promise<RunningGrpc> {
  const server = createGrpcServer({
    app: definition,
    query: localQuerier(app),
    cometRpcUrl: options.cometRpc,
    latestHeight: () => BigInt(app.lastCommitId.version),
    minGasPrices: options.minGasPrices,
    descriptors: ProtoSchema.fromBase64(descriptorSetBase64).registry,
  });
  try {
    return { server, address: await server.listen(options.address ?? DEFAULT_GRPC_ADDRESS) };
  } catch (err) {
    await server.close();
    throw err;
  }
}
