// Reading what the user types. On a terminal: a prompt on stderr (passphrases unechoed).
// Otherwise stdin is read as lines, one per question, in the order the command asks them, so
// scripts and tests can pipe answers: `printf 'pass\n' | zonekit keys add k --keyring-backend file`.
import { createInterface } from 'node:readline';

let stdinLines: Promise<string[]> | undefined;

function pipedLines(): Promise<string[]> {
  stdinLines ??= new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (text += chunk));
    process.stdin.on('end', () => resolve(text.split(/\r?\n/)));
    process.stdin.on('error', reject);
  });
  return stdinLines;
}

let nextLine = 0;

/** Asks `question`; `secret` hides the answer on a terminal. */
export async function ask(question: string, options: { secret?: boolean } = {}): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = await pipedLines();
    const line = lines[nextLine++];
    if (line === undefined || (line === '' && nextLine >= lines.length)) {
      throw new Error(`expected an answer on stdin for "${question.trim()}", but stdin has no more lines`);
    }
    return line;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (options.secret) {
    // Echo nothing of what is typed: readline writes through _writeToOutput.
    const out = rl as unknown as { _writeToOutput(s: string): void };
    let prompted = false;
    out._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stderr.write(s);
        prompted = true;
      } else if (s.includes('\n')) process.stderr.write('\n');
    };
  }
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
  }
}

/** The keyring passphrase; a new keyring asks twice on a terminal. */
export async function askKeyringPassphrase(purpose: 'open' | 'create'): Promise<string> {
  const passphrase = await ask('Enter keyring passphrase: ', { secret: true });
  if (purpose === 'create' && process.stdin.isTTY) {
    const again = await ask('Re-enter keyring passphrase: ', { secret: true });
    if (again !== passphrase) throw new Error('the passphrases differ');
  }
  return passphrase;
}

export async function confirm(question: string): Promise<boolean> {
  const answer = await ask(`${question} [y/N]: `);
  return /^y(es)?$/i.test(answer.trim());
}
