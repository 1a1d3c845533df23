// `zonekit completion bash|zsh|fish`: the script for the shell, from the command tree.
import { Argument, Command } from 'commander';
import { completionScript, SHELLS, type Shell } from '../completion.js';

export function completionCommand(): Command {
  return new Command('completion')
    .description('print a shell completion script: source <(zonekit completion bash), or zsh; fish: zonekit completion fish | source')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action((shell: Shell, _opts: unknown, command: Command) => {
      let root = command;
      while (root.parent) root = root.parent;
      process.stdout.write(completionScript(shell, root));
    });
}
