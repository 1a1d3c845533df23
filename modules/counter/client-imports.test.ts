// What a client pulls in when it imports the counter's registry types and amino converters:
// codecs and descriptors only, never the keeper, the store (LMDB) or a server (fastify, gRPC).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT = /^(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm;

function closure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (spec!.startsWith('.')) walk(resolve(dirname(file), spec!));
      else packages.add(spec!);
    }
  };
  walk(entry);
  return { files: [...files], packages: [...packages].sort() };
}

it("a client importing modules/counter/schema.js loads codecs and descriptors only", () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const { files, packages } = closure(resolve(here, 'schema.js'));
  assert.deepEqual(packages, ['@bufbuild/protobuf', '@bufbuild/protobuf/wire', '@bufbuild/protobuf/wkt'].sort());
  const root = resolve(here, '../..');
  const local = files.map((f) => relative(root, f));
  for (const file of local) assert.doesNotMatch(file, /keeper|store|rest|grpc|module\.js|zone\//, `${file} is not a codec`);
});
