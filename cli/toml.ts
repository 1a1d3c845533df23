// Editing CometBFT's config.toml in place, key by key: the shipped commands (init, testnet,
// collect-gentxs) and the scripts (devnet, localnet) share it.

export type TomlValue = string | number | boolean | readonly string[];

function renderToml(value: TomlValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/**
 * Replaces `key = ...` inside `[section]` (null: the top level, before any section).
 * Throws when the key is absent, so a changed config layout fails loudly.
 */
export function setTomlValue(text: string, section: string | null, key: string, value: TomlValue): string {
  const lines = text.split('\n');
  let current: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(lines[i]!);
    if (header !== null) {
      current = header[1]!.trim();
      continue;
    }
    if (current === section && new RegExp(`^\\s*${key}\\s*=`).test(lines[i]!)) {
      lines[i] = `${key} = ${renderToml(value)}`;
      return lines.join('\n');
    }
  }
  throw new Error(`config.toml has no ${key} in ${section === null ? 'the top level' : `[${section}]`}`);
}
