// `zonekit tx interchain-accounts ...` and `zonekit query interchain-accounts ...`: the
// controller's and the host's commands under one group, as simd has them.
import type { ModuleCli } from '../../../app/cli-types.js';
import { controllerQueryCommands, controllerTxCommands } from './controller/cli.js';
import { hostQueryCommands, hostTxCommands } from './host/cli.js';

export const icaCli: ModuleCli = {
  name: 'interchain-accounts',
  tx: [...controllerTxCommands, ...hostTxCommands],
  query: [...controllerQueryCommands, ...hostQueryCommands],
};
