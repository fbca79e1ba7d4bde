import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../testing/cli-process';
import { UsageError } from './cli-command';
import { commands } from './cli-commands';
import { parseCommandLine } from './cli-parser';

const parse = (line: string) => parseCommandLine(line.split(' ').filter(Boolean), commands);
const usageMistake = (line: string) => {
  try {
    parse(line);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return 'accepted';
};

describe('zixly command line', () => {
  it('prints every command with --help and exits 0', async () => {
    const { code, stdout } = await runCliProcess(['--help']);

    expect(code).toBe(0);
    for (const command of commands) expect(stdout).toContain(command.name);
  });

  it('prints the usage, arguments and options of a subcommand with --help and exits 0', async () => {
    const { code, stdout } = await runCliProcess(['keys', 'create', '--help']);

    expect(code).toBe(0);
    expect(stdout).toContain('Usage: zixly keys create <name> --role VIEWER|EDITOR|ADMIN');
    expect(stdout).toMatch(/--role VIEWER\|EDITOR\|ADMIN +VIEWER reads/);
  });

  it('names an unknown command, points to --help and exits 2', async () => {
    const { code, stdout, stderr } = await runCliProcess(['deploy']);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('zixly: unknown command "deploy"\nRun "zixly --help" for usage.\n');
  });

  it('names an unknown option of a command and exits 2', async () => {
    const { code, stderr } = await runCliProcess(['events', 'export', '--since', '2026-01-01T00:00:00Z']);

    expect(code).toBe(2);
    expect(stderr).toBe('zixly: unknown option "--since"\nRun "zixly events export --help" for usage.\n');
  });

  it('reports every invalid setting, one line each, and exits 1', async () => {
    const { code, stderr } = await runCliProcess(['keys', 'list'], { env: { PORT: 'eighty', LOG_LEVEL: 'loud' } });

    expect(code).toBe(1);
    expect(stderr).toBe('Invalid configuration:\n  - PORT must be a whole number from 0 to 65535, got "eighty"\n  - LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"\n');
  });

  it('has --help on every command and every group', () => {
    for (const command of commands) expect(parse(`${command.name} --help`)).toEqual({ kind: 'help', topic: command.name });
    expect(parse('keys --help')).toEqual({ kind: 'help', topic: 'keys' });
    expect(parse('projections -h')).toEqual({ kind: 'help', topic: 'projections' });
  });

  it('reports each kind of mistake in one line', () => {
    expect(usageMistake('')).toBe('missing command');
    expect(usageMistake('keys')).toBe('missing subcommand for "keys"');
    expect(usageMistake('keys rotate')).toBe('unknown command "keys rotate"');
    expect(usageMistake('keys create')).toBe('missing <name>');
    expect(usageMistake('keys create ci')).toBe('missing --role');
    expect(usageMistake('keys create ci --role')).toBe('option "--role" needs a value');
    expect(usageMistake('keys create ci --role OWNER')).toBe('--role must be one of VIEWER, EDITOR, ADMIN, got "OWNER"');
    expect(usageMistake('keys revoke a b')).toBe('unexpected argument "b"');
    expect(usageMistake('keys list --json=yes')).toBe('option "--json" takes no value');
    expect(usageMistake('demo seed --years -1')).toBe('option "--years" needs a value (write --years=<value> for one starting with "-")');
    expect(usageMistake('demo seed --years=0')).toBe('--years must be a number of at least 0.1, got "0"');
    expect(usageMistake('demo seed --consultants 2.5')).toBe('--consultants must be a whole number of at least 1, got "2.5"');
  });

  it('reads lists repeated or comma-separated, and roles in any case', () => {
    const exported = parse('events export --types A,B --types C --correlation-id c-1');
    expect(exported).toMatchObject({ kind: 'run', input: { options: { types: ['A', 'B', 'C'], 'correlation-id': 'c-1' } } });
    expect(parse('keys create ci --role viewer')).toMatchObject({ kind: 'run', input: { args: ['ci'], options: { role: 'VIEWER' } } });
  });
});
