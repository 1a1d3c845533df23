// `zonekit init` and `zonekit testnet init-files` write genesis consensus_params.abci.
// vote_extensions_enable_height as CometBFT v0.38 names it: 0 (off) unless
// --vote-extensions-enable-height says otherwise; a bad value is refused with a sentence.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zonekitFails as fails, zonekitOk as ok } from './helpers/zonekit-cli.js';

const enableHeight = (home: string): unknown =>
  (JSON.parse(readFileSync(join(home, 'config', 'genesis.json'), 'utf8')) as { consensus_params: { abci: { vote_extensions_enable_height: unknown } } }).consensus_params.abci.vote_extensions_enable_height;

describe('vote_extensions_enable_height from the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-voteext-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('init: 0 by default, the flag sets it', async () => {
    const off = join(dir, 'off');
    const printed = JSON.parse(await ok(['init', 'v', '--chain-id', 've-1', '--home', off, '-o', 'json'])) as { chain_id: string };
    assert.equal(printed.chain_id, 've-1');
    assert.equal(enableHeight(off), '0');
    const on = join(dir, 'on');
    await ok(['init', 'v', '--chain-id', 've-1', '--home', on, '--vote-extensions-enable-height', '2', '-o', 'json']);
    assert.equal(enableHeight(on), '2');
    // The rest of CometBFT's consensus params stay as it wrote them.
    const genesis = JSON.parse(readFileSync(join(on, 'config', 'genesis.json'), 'utf8')) as { consensus_params: { block: { max_gas: string } } };
    assert.equal(genesis.consensus_params.block.max_gas, '-1');
  });

  it('init refuses a height that is not a whole number', async () => {
    await fails(['init', 'v', '--chain-id', 've-1', '--home', join(dir, 'bad'), '--vote-extensions-enable-height', '-1'], /invalid --vote-extensions-enable-height "-1": expected a whole number \(0: vote extensions off\)/);
  });

  it('testnet init-files writes it into every validator’s genesis', async () => {
    const out = join(dir, 'testnet');
    await ok(['testnet', 'init-files', '--validators', '2', '--output-dir', out, '--chain-id', 've-2', '--vote-extensions-enable-height', '3', '-o', 'json']);
    assert.equal(enableHeight(join(out, 'node0')), '3');
    assert.equal(enableHeight(join(out, 'node1')), '3');
  });
});
