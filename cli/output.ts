// What commands print: text for people by default, `--output json` for scripts; errors that
// say what went wrong and what to do, and a spinner while waiting on the chain.
export type OutputFormat = 'text' | 'json';

/** An error the user can act on: `message` says what went wrong, `hint` what to do. Exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function parseOutputFormat(value: string): OutputFormat {
  if (value !== 'text' && value !== 'json') throw new CliError(`--output must be text or json, got ${JSON.stringify(value)}`);
  return value;
}

/** bigint-safe JSON (amounts and heights as strings, as the SDK writes them). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v), 2);
}

export function print(format: OutputFormat, value: unknown, text: () => string): void {
  process.stdout.write((format === 'json' ? toJson(value) : text()) + '\n');
}

/** Aligned `key: value` lines. */
export function fields(entries: ReadonlyArray<readonly [string, unknown]>): string {
  const width = Math.max(...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${String(v)}`).join('\n');
}

/** Runs `work` with a spinner on stderr, only when stderr is a terminal (never in pipes or logs). */
export async function withSpinner<T>(label: string, work: Promise<T>): Promise<T> {
  if (!process.stderr.isTTY) return work;
  const frames = ['|', '/', '-', '\\'];
  let i = 0;
  const timer = setInterval(() => process.stderr.write(`\r${frames[i++ % frames.length]} ${label}`), 100);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    process.stderr.write(`\r${' '.repeat(label.length + 2)}\r`);
  }
}
