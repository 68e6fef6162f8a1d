import type { Command } from 'commander';
import { isAppError } from '../shared/errors.ts';

/** Exit codes: 0 ok, 1 unexpected failure, 2 usage, 3 refused input (an AppError), 4 conflict. */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  const commanderCode = (error as { code?: string }).code;
  if (commanderCode?.startsWith('commander.')) {
    // commander has printed its own message (help, version or a usage error).
    return commanderCode === 'commander.helpDisplayed' || commanderCode === 'commander.version' || commanderCode === 'commander.help' ? 0 : 2;
  }
  if (isAppError(error)) {
    const fields = (error.details as { fields?: { path: string; message: string }[] } | undefined)?.fields;
    console.error(`rapport: ${error.message} (${error.code})`);
    for (const field of fields ?? []) console.error(`  ${field.path}: ${field.message}`);
    return error.status === 409 ? 4 : 3;
  }
  console.error(`rapport: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}
