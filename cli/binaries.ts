// Where the pinned peer binaries are: the project's `.bin/`, else PATH. Shipped commands
// (`start --with-cometbft`, `comet`, `rollback`) need this as much as the scripts do, so it
// lives with the CLI and scripts/lib re-exports it.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file with a package.json (works from src and dist). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (no package.json above cli/)');
    dir = parent;
  }
  return dir;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Path to a pinned peer binary: the project's `.bin/<name>`, else one on PATH; throws saying
 * how to install it (`install`, e.g. "Run scripts/install-cometbft.sh ...") if neither.
 */
export function projectBinary(name: string, install: string): string {
  const local = join(projectRoot(), '.bin', name);
  if (isExecutable(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && isExecutable(join(dir, name))) return join(dir, name);
  }
  throw new Error(`${name} not found (looked in ${local} and on PATH). ${install}`);
}

/** Path to cometbft: the project's `.bin/cometbft`, else one on PATH; throws with the fix if neither. */
export function cometbftBinary(): string {
  return projectBinary('cometbft', 'Run scripts/install-cometbft.sh to install the pinned CometBFT v0.38.');
}
