// The zone's ABCI server with the attest module added: what the vote extension network test
// runs on every validator (scripts/lib/localnet's appMainScript).
import { runZoneNode } from '../node-main.js';
import { attestModule } from './attest.js';

await runZoneNode({ extraModules: [attestModule()] });
