// `zonekit tx ...` and `zonekit query ...`: each module's subcommands (from its `cli`), plus
// the generic ones: tx sign|broadcast, query tx|txs|block.
import { toHex } from '@cosmjs/encoding';
import { Command, Option } from 'commander';
import type { CliCommand, CliContext } from '../../app/cli-types.js';
import { abciQuery, atNode, connectComet, connectStargate, DEFAULT_NODE, parseCoins, resolveAddress } from '../chain.js';
import { actionParts, globalOptions, openKeyring, theZone, txJson, type GlobalOptions } from '../context.js';
import { CliError, fields, print } from '../output.js';
import { broadcastTxFile, DEFAULT_GAS, SIGN_MODES, signTxFile, submitTx, type SignModeName, type TxFlags } from '../tx.js';

function addTxFlags(command: Command): Command {
  return command
    .option('--from <key_or_address>', 'the signer: a key name, or an address of a key in the keyring')
    .option('--chain-id <id>', "the chain id (checked against the node's)")
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .option('--fees <coins>', 'fees to pay, e.g. 5000uatom')
    .option('--gas <gas>', 'gas limit, or auto to simulate', DEFAULT_GAS)
    .option('--gas-adjustment <factor>', 'with --gas auto: the simulated gas times this', '1.3')
    .option('--gas-prices <price>', 'pay gas times this, e.g. 0.025uatom')
    .option('--memo <text>', 'a note in the tx', '')
    .option('-y, --yes', 'sign and broadcast without asking')
    .option('--generate-only', 'print the unsigned tx (for `tx sign`) instead of signing it');
}

function txFlags(options: Record<string, unknown>, g: GlobalOptions): TxFlags {
  return {
    ...(typeof options.chainId === 'string' ? { chainId: options.chainId } : {}),
    node: options.node as string,
    ...(typeof options.fees === 'string' ? { fees: options.fees } : {}),
    gas: options.gas as string,
    gasAdjustment: options.gasAdjustment as string,
    ...(typeof options.gasPrices === 'string' ? { gasPrices: options.gasPrices } : {}),
    memo: options.memo as string,
    yes: options.yes === true,
    generateOnly: options.generateOnly === true,
    output: g.output,
  };
}

/** The group a usage's leading plain words name (`controller register <id>` → group `controller`), made once; and the rest of the usage. */
function nestedGroup(parent: Command, usage: string): { group: Command; usage: string } {
  const words = usage.split(' ');
  let group = parent;
  while (words.length > 1 && /^[a-z][a-z0-9-]*$/.test(words[1]!)) {
    const name = words.shift()!;
    group = group.commands.find((c) => c.name() === name) ?? group.command(name).description(`${name} commands`);
  }
  return { group, usage: words.join(' ') };
}

function mount(parent: Command, spec: CliCommand, kind: 'tx' | 'query'): void {
  const { group, usage } = nestedGroup(parent, spec.usage);
  const command = group.command(usage).description(spec.description);
  for (const option of spec.options ?? []) command.option(option.flags, option.description, option.default as string | boolean | undefined);
  if (kind === 'tx') addTxFlags(command);
  else command.option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE);
  command.action(async (...args: unknown[]) => {
    const { positional, options, command: self } = actionParts(args);
    const g = globalOptions(self);
    const keyring = openKeyring(g);
    const prefix = theZone().app.bech32Prefix;
    const node = options.node as string;
    const ctx: CliContext = {
      home: g.home,
      address: async (nameOrAddress) => resolveAddress(keyring, prefix, nameOrAddress),
      coins: parseCoins,
      query: (path, request) => abciQuery(node, path, request),
      print: (value, text) => print(g.output, value, text),
      msgFromJson: (json) => txJson().types.anyFromJson(json),
      async submit(from, msgs) {
        const address = resolveAddress(keyring, prefix, from);
        const keyName = keyring.has(from) ? from : keyring.list().find((k) => k.address === address)?.name;
        await submitTx(keyring, keyName, address, msgs, txFlags(options, g));
      },
    };
    await spec.run(ctx, positional, options);
  });
}

export function txCommand(): Command {
  const tx = new Command('tx').description('sign and broadcast transactions');
  for (const module of theZone().app.modules) {
    if (!module.cli?.tx) continue;
    const name = module.cli.name ?? module.name;
    const group = tx.command(name).description(`${name} transactions`);
    for (const spec of module.cli.tx) mount(group, spec, 'tx');
  }
  tx.command('sign <file>')
    .description("sign a tx file in the SDK's JSON (from --generate-only, here or simd's) as its signer; prints the signed tx")
    .requiredOption('--from <key>', 'the key that signs')
    .option('--chain-id <id>', 'the chain id (required with --offline)')
    .option('-n, --node <url>', 'CometBFT RPC (for the account number and sequence)', DEFAULT_NODE)
    .option('--offline', 'do not ask the node: take --account-number, --sequence and --chain-id')
    .option('--account-number <n>', 'with --offline: the signer account number')
    .option('--sequence <n>', 'with --offline: the signer sequence')
    .option('--output-document <file>', 'write the signed tx here instead of stdout')
    .addOption(new Option('--sign-mode <mode>', 'direct (SIGN_MODE_DIRECT) or amino-json (SIGN_MODE_LEGACY_AMINO_JSON, as a Ledger signs)').choices(SIGN_MODES).default('direct'))
    .action(async (file: string, opts: { from: string; chainId?: string; node: string; offline?: boolean; accountNumber?: string; sequence?: string; outputDocument?: string; signMode: SignModeName }, command: Command) => {
      const g = globalOptions(command);
      const keyring = openKeyring(g);
      const address = resolveAddress(keyring, theZone().app.bech32Prefix, opts.from);
      const keyName = keyring.has(opts.from) ? opts.from : keyring.list().find((k) => k.address === address)?.name;
      if (keyName === undefined) throw new CliError(`${opts.from} is not a key in the ${g.keyringBackend} keyring`);
      await signTxFile(keyring, keyName, file, {
        node: opts.node,
        offline: opts.offline ?? false,
        signMode: opts.signMode,
        ...(opts.chainId !== undefined ? { chainId: opts.chainId } : {}),
        ...(opts.accountNumber !== undefined ? { accountNumber: opts.accountNumber } : {}),
        ...(opts.sequence !== undefined ? { sequence: opts.sequence } : {}),
        ...(opts.outputDocument !== undefined ? { outputDocument: opts.outputDocument } : {}),
      });
    });
  tx.command('broadcast <file>')
    .description('broadcast a signed tx (from `tx sign`) and wait for its block')
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .action(async (file: string, opts: { node: string }, command: Command) => {
      await broadcastTxFile(file, { node: opts.node, output: globalOptions(command).output });
    });
  return tx;
}

function indexedTxJson(tx: { height: number; hash: string; code: number; rawLog?: string; gasUsed: bigint; gasWanted: bigint; events: readonly unknown[]; tx: Uint8Array }) {
  return { height: String(tx.height), txhash: tx.hash, code: tx.code, raw_log: tx.rawLog ?? '', gas_wanted: String(tx.gasWanted), gas_used: String(tx.gasUsed), events: tx.events, tx: Buffer.from(tx.tx).toString('base64') };
}

export function queryCommand(): Command {
  const query = new Command('query').alias('q').description('query the chain');
  for (const module of theZone().app.modules) {
    if (!module.cli?.query) continue;
    const name = module.cli.name ?? module.name;
    const group = query.command(name).description(`${name} queries`);
    for (const spec of module.cli.query) mount(group, spec, 'query');
  }
  query
    .command('tx <hash>')
    .description('a committed tx by its hash')
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .action(async (hash: string, opts: { node: string }, command: Command) => {
      const g = globalOptions(command);
      if (!/^[0-9a-fA-F]{64}$/.test(hash)) throw new CliError(`invalid tx hash ${JSON.stringify(hash)}: expected 64 hex characters`);
      const client = await connectStargate(opts.node);
      try {
        const tx = await atNode(opts.node, () => client.getTx(hash.toUpperCase()));
        if (tx === null) throw new CliError(`tx ${hash} not found on ${opts.node}`, 'it may not be in a block yet, or the node does not index txs (config.toml [tx_index] indexer = "kv")');
        const json = indexedTxJson(tx);
        print(g.output, json, () => fields([['txhash', json.txhash], ['height', json.height], ['code', json.code], ['gas used', `${json.gas_used} of ${json.gas_wanted}`], ['log', json.raw_log || '(none)']]));
      } finally {
        client.disconnect();
      }
    });
  query
    .command('txs')
    .description("committed txs matching events, e.g. --events 'message.sender=cosmos1...&transfer.recipient=cosmos1...'")
    .requiredOption('--events <events>', "'<type>.<attribute>=<value>' conditions joined by &")
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .action(async (opts: { events: string; node: string }, command: Command) => {
      const g = globalOptions(command);
      const conditions = opts.events.split('&').map((part) => {
        const match = /^([\w.-]+\.[\w.-]+)=(.+)$/.exec(part.trim());
        if (!match) throw new CliError(`invalid event condition ${JSON.stringify(part)}: expected <type>.<attribute>=<value>, e.g. message.sender=cosmos1...`);
        return { key: match[1]!, value: match[2]!.replace(/^'(.*)'$/, '$1') };
      });
      const client = await connectStargate(opts.node);
      try {
        const txs = await atNode(opts.node, () => client.searchTx(conditions));
        const json = { total_count: String(txs.length), txs: txs.map(indexedTxJson) };
        print(g.output, json, () => (txs.length === 0 ? 'no txs match' : txs.map((t) => `${t.hash}  height ${t.height}  code ${t.code}`).join('\n')));
      } finally {
        client.disconnect();
      }
    });
  query
    .command('block [height]')
    .description('a committed block (default: the latest)')
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .action(async (height: string | undefined, opts: { node: string }, command: Command) => {
      const g = globalOptions(command);
      if (height !== undefined && !/^[1-9][0-9]*$/.test(height)) throw new CliError(`invalid height ${JSON.stringify(height)}: expected a positive whole number`);
      const comet = await connectComet(opts.node);
      try {
        const { blockId, block } = await atNode(opts.node, () => comet.block(height === undefined ? undefined : Number(height))).catch((err: unknown) => {
          if (err instanceof Error && /must be less than or equal to the current blockchain height|height \d+ is not available/.test(err.message)) throw new CliError(`no block at height ${height} on ${opts.node}: ${err.message}`);
          throw err;
        });
        const h = block.header;
        const json = {
          block_id: { hash: toHex(blockId.hash).toUpperCase() },
          block: {
            header: { chain_id: h.chainId, height: String(h.height), time: h.time.toISOString(), app_hash: toHex(h.appHash).toUpperCase(), proposer_address: toHex(h.proposerAddress).toUpperCase() },
            data: { txs: block.txs.map((t) => Buffer.from(t).toString('base64')) },
          },
        };
        print(g.output, json, () =>
          fields([['height', json.block.header.height], ['hash', json.block_id.hash], ['time', json.block.header.time], ['chain id', h.chainId], ['txs', block.txs.length], ['app hash', json.block.header.app_hash], ['proposer', json.block.header.proposer_address]]),
        );
      } finally {
        comet.disconnect();
      }
    });
  return query;
}
