// Public surface of the CLI (`zonekit/cli`): the command tree for any app, and its pieces.
export { createCli, runCli, type CliOptions } from './create-cli.js';
export { useApp, theZone, globalOptions, openKeyring, actionParts, type GlobalOptions } from './context.js';
export { CliError } from './output.js';
