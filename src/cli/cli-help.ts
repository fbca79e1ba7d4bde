import type { CommandSpec, OptionSpec } from './cli-command';

const column = (rows: ReadonlyArray<readonly [string, string]>): string[] => {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}   ${right}`);
};

const optionLabel = (name: string, spec: OptionSpec) => `--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;

function usageLine(command: CommandSpec): string {
  const args = (command.args ?? []).map((arg) => ` <${arg.name}>`).join('');
  const required = Object.entries(command.options ?? {}).filter(([, spec]) => spec.required).map(([name, spec]) => ` ${optionLabel(name, spec)}`);
  const optional = Object.values(command.options ?? {}).some((spec) => !spec.required) ? ' [options]' : '';
  return `zixly ${command.name}${args}${required.join('')}${optional}`;
}

/** The help of the top level (`''`), of a group (`keys`) or of one command (`keys create`). */
export function helpText(topic: string, commands: readonly CommandSpec[]): string {
  const command = commands.find((candidate) => candidate.name === topic);
  if (command) return commandHelp(command);
  const listed = topic === '' ? commands : commands.filter((candidate) => candidate.name.startsWith(`${topic} `));
  const title = topic === '' ? 'zixly — run and operate Zixly Ops' : `zixly ${topic} — ${topic} commands`;
  return [
    title,
    '',
    `Usage: zixly ${topic === '' ? '<command>' : `${topic} <subcommand>`} [options]`,
    '',
    'Commands:',
    ...column(listed.map((candidate) => [usageLine(candidate).replace(/^zixly /, '').replace(' [options]', ''), candidate.summary])),
    '',
    `Run "zixly ${topic === '' ? '<command>' : `${topic} <subcommand>`} --help" for its options.`,
    'Settings come from the environment and an optional .env file (see .env.example).',
    '',
  ].join('\n');
}

function commandHelp(command: CommandSpec): string {
  const args = (command.args ?? []).map((arg): [string, string] => [`<${arg.name}>`, arg.description]);
  const options = Object.entries(command.options ?? {}).map(([name, spec]): [string, string] => [
    optionLabel(name, spec),
    `${spec.description}${spec.required ? ' (required)' : ''}${spec.list ? ' (repeat it or separate with commas)' : ''}`,
  ]);
  return [
    `Usage: ${usageLine(command)}`,
    '',
    command.summary,
    ...(command.details ? ['', command.details] : []),
    ...(args.length > 0 ? ['', 'Arguments:', ...column(args)] : []),
    '',
    'Options:',
    ...column([...options, ['-h, --help', 'show this help']]),
    '',
  ].join('\n');
}
