import { parseArgs } from 'node:util';
import { type CommandInput, type CommandSpec, type OptionSpec, type OptionValues, UsageError } from './cli-command';

/** What the command line asks for: help on a topic (`''` is the top level), or a command to run. */
export type ParsedCommandLine =
  | { readonly kind: 'help'; readonly topic: string }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: CommandSpec; readonly input: CommandInput };

const isHelp = (word: string | undefined) => word === '--help' || word === '-h' || word === 'help';

/** Resolves the command words, then parses its options strictly; throws UsageError on any mistake. */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[]): ParsedCommandLine {
  const [first, second] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (isHelp(first)) return { kind: 'help', topic: '' };
  if (first === '--version' || first === '-v') return { kind: 'version' };
  const groups = new Set(commands.filter((command) => command.name.includes(' ')).map((command) => command.name.split(' ')[0]!));
  if (groups.has(first)) {
    if (second === undefined || isHelp(second)) {
      if (second === undefined) throw new UsageError(`missing subcommand for "${first}"`, first);
      return { kind: 'help', topic: first };
    }
    const command = commands.find((candidate) => candidate.name === `${first} ${second}`);
    if (!command) throw new UsageError(`unknown command "${first} ${second}"`, first);
    return parseInput(command, argv.slice(2));
  }
  const command = commands.find((candidate) => candidate.name === first);
  if (!command) throw new UsageError(first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"`);
  return parseInput(command, argv.slice(1));
}

function parseInput(command: CommandSpec, words: readonly string[]): ParsedCommandLine {
  const specs = command.options ?? {};
  const parsed = parseWords(command, words, specs);
  if (parsed.values.help === true) return { kind: 'help', topic: command.name };
  const expected = command.args ?? [];
  if (parsed.positionals.length < expected.length) throw new UsageError(`missing <${expected[parsed.positionals.length]!.name}>`, command.name);
  if (parsed.positionals.length > expected.length) throw new UsageError(`unexpected argument "${parsed.positionals[expected.length]}"`, command.name);
  const options: Record<string, OptionValues[string]> = {};
  const values = parsed.values as Readonly<Record<string, unknown>>;
  for (const [name, spec] of Object.entries(specs)) options[name] = checkedValue(command.name, name, spec, values[name]);
  return { kind: 'run', command, input: { args: parsed.positionals, options } };
}

function parseWords(command: CommandSpec, words: readonly string[], specs: Readonly<Record<string, OptionSpec>>) {
  const options = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type, multiple: spec.list === true }]));
  try {
    return parseArgs({ args: [...words], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessageOf(error as Error & { code?: string }), command.name);
  }
}

/** node:util's messages explain its own syntax at length; ours name the option and stop. */
function usageMessageOf(error: Error & { code?: string }): string {
  const option = /'(-[^']*?)(?: <value>)?'/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option "${option}"`;
  if (error.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return error.message;
  if (/does not take/.test(error.message)) return `option "${option}" takes no value`;
  if (/ambiguous/.test(error.message)) return `option "${option}" needs a value (write ${option}=<value> for one starting with "-")`;
  return `option "${option}" needs a value`;
}

function checkedValue(command: string, name: string, spec: OptionSpec, raw: unknown): OptionValues[string] {
  if (raw === undefined) {
    if (spec.required) throw new UsageError(`missing --${name}`, command);
    return undefined;
  }
  if (spec.list) return (raw as string[]).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  if (typeof raw === 'string' && spec.choices && !spec.choices.includes(raw.toUpperCase())) {
    throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}, got "${raw}"`, command);
  }
  if (typeof raw === 'string' && spec.min !== undefined && !((spec.decimal || Number.isInteger(Number(raw))) && Number(raw) >= spec.min)) {
    throw new UsageError(`--${name} must be a ${spec.decimal ? 'number' : 'whole number'} of at least ${spec.min}, got "${raw}"`, command);
  }
  return typeof raw === 'string' && spec.choices ? raw.toUpperCase() : (raw as string | boolean);
}
