import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appTomlTemplate, loadAppConfig } from './app-config.js';
import { parseCoins } from './chain.js';

const RPC = 'http://127.0.0.1:26657';

function homeWith(appToml: string): string {
  const home = mkdtempSync(join(tmpdir(), 'zonekit-apptoml-'));
  mkdirSync(join(home, 'config'));
  writeFileSync(join(home, 'config', 'app.toml'), appToml);
  return home;
}

describe('app.toml', () => {
  it('the template init writes loads with the defaults', () => {
    const config = loadAppConfig(homeWith(appTomlTemplate()), RPC);
    assert.deepEqual(config, {
      minGasPrices: '',
      pruning: { strategy: 'default' },
      api: { enable: false, address: 'tcp://127.0.0.1:1317', cometRpc: RPC, corsOrigins: ['*'] },
      grpc: { enable: true, address: '127.0.0.1:9090', cometRpc: RPC },
      stateSync: { snapshotInterval: 0, snapshotKeepRecent: 2 },
    });
  });

  it('[state-sync] takes the snapshot interval and keep-recent, and flags override them', () => {
    const toml = appTomlTemplate().replace('snapshot-interval = 0', 'snapshot-interval = 100').replace('snapshot-keep-recent = 2', 'snapshot-keep-recent = 5');
    assert.deepEqual(loadAppConfig(homeWith(toml), RPC).stateSync, { snapshotInterval: 100, snapshotKeepRecent: 5 });
    const flagged = loadAppConfig(homeWith(toml), RPC, { 'state-sync.snapshot-interval': 10, 'state-sync.snapshot-keep-recent': 0 });
    assert.deepEqual(flagged.stateSync, { snapshotInterval: 10, snapshotKeepRecent: 0 });
  });

  it('flags override app.toml', () => {
    const config = loadAppConfig(homeWith(appTomlTemplate()), RPC, {
      'minimum-gas-prices': '0.025uatom',
      pruning: 'nothing',
      'api.enable': true,
      'api.address': 'tcp://127.0.0.1:1318',
      'grpc.enable': false,
      'grpc.address': '0.0.0.0:9091',
    });
    assert.equal(config.minGasPrices, '0.025uatom');
    assert.deepEqual(config.pruning, { strategy: 'nothing' });
    assert.equal(config.api.enable, true);
    assert.equal(config.api.address, 'tcp://127.0.0.1:1318');
    assert.deepEqual(config.grpc, { enable: false, address: '0.0.0.0:9091', cometRpc: RPC });
  });

  it('an app.toml from before the gRPC server keeps it off', () => {
    const old = appTomlTemplate().replace('enable = true\n\n# Where it listens (host:port); 0.0.0.0:9090 serves other hosts.\naddress = "127.0.0.1:9090"', 'enable = false\naddress = "localhost:9090"');
    assert.deepEqual(loadAppConfig(homeWith(old), RPC).grpc, { enable: false, address: 'localhost:9090', cometRpc: RPC });
  });

  it('custom pruning takes keep-recent and interval', () => {
    const toml = appTomlTemplate().replace('pruning = "default"', 'pruning = "custom"').replace('pruning-keep-recent = "0"', 'pruning-keep-recent = "100"').replace('pruning-interval = "0"', 'pruning-interval = "10"');
    assert.deepEqual(loadAppConfig(homeWith(toml), RPC).pruning, { strategy: 'custom', keepRecent: 100, interval: 10 });
    const noInterval = appTomlTemplate().replace('pruning = "default"', 'pruning = "custom"');
    assert.throws(() => loadAppConfig(homeWith(noInterval), RPC), /pruning-interval.*at least 1/);
  });

  it('a bad value names the key and what it accepts', () => {
    const bad = (from: string, to: string) => homeWith(appTomlTemplate().replace(from, to));
    assert.throws(() => loadAppConfig(bad('pruning = "default"', 'pruning = "sometimes"'), RPC), /invalid pruning .*must be one of default, nothing, everything, custom; got "sometimes"/);
    assert.throws(() => loadAppConfig(bad('minimum-gas-prices = ""', 'minimum-gas-prices = "cheap"'), RPC), /invalid minimum-gas-prices .*like "0.025uatom"/);
    assert.throws(() => loadAppConfig(bad('address = "tcp://127.0.0.1:1317"', 'address = "localhost"'), RPC), /\[api\] address.*must be tcp:\/\/host:port/);
    assert.throws(() => loadAppConfig(bad('address = "127.0.0.1:9090"', 'address = "tcp://nowhere"'), RPC), /\[grpc\] address.*must be host:port/);
    assert.throws(() => loadAppConfig(bad('enable = true', 'enable = "yes"'), RPC), /\[grpc\] enable.*must be true or false/);
    assert.throws(() => loadAppConfig(bad('snapshot-interval = 0', 'snapshot-interval = -5'), RPC), /\[state-sync\] snapshot-interval.*must be a whole number, got -5/);
    assert.throws(() => loadAppConfig(bad('pruning-keep-recent = "0"', 'pruning-keep-recent = "many"'), RPC), /pruning-keep-recent.*whole number/);
    assert.throws(() => loadAppConfig(homeWith('pruning = '), RPC), /cannot read .*app\.toml/);
  });
});

describe('coin amounts', () => {
  it('parses a list and sorts it by denom', () => {
    assert.deepEqual(parseCoins('5ustake, 10uatom'), [
      { denom: 'uatom', amount: '10' },
      { denom: 'ustake', amount: '5' },
    ]);
  });
  it('refuses anything else with the expected form', () => {
    for (const bad of ['10', 'uatom', '1.5uatom', '-1uatom', '', '10uatom,3uatom']) assert.throws(() => parseCoins(bad), /10uatom|appears twice/, bad);
  });
});
