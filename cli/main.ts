#!/usr/bin/env node
// The `zonekit` command: the CLI of the default zone. A chain's own binary is the same two
// lines with its own app factory.
import { zoneClientFactory, zoneFactory } from '../zone/zone.js';
import { createCli, runCli } from './create-cli.js';

await runCli(createCli(zoneFactory, { clientApp: zoneClientFactory }));
