import { Command } from 'commander';
import { VERSION } from '../version.ts';
import { backupCommand } from './backup.command.ts';
import { demoCommand } from './demo.command.ts';
import { emailCommand } from './email.command.ts';
import { thanksCommand } from './thanks.command.ts';
import { winbackCommand } from './winback.command.ts';
import { todayCommand } from './today.command.ts';
import { importCommand } from './import.command.ts';
import { exportCommand, restoreCommand } from './export.command.ts';
import { runCli } from './run.ts';
import { migrateCommand } from './migrate.command.ts';
import { modelCommand, recomputeCommand } from './model.command.ts';
import { reportCommand } from './report.command.ts';
import { segmentCommand } from './segment.command.ts';
import { serveCommand } from './serve.command.ts';
import { userCommand } from './user.command.ts';
import { workspaceCommand } from './workspace.command.ts';

const program = new Command('rapport')
  .description('Rapport: customer-intelligence CRM for small businesses')
  .version(VERSION, '-V, --version-flag', 'print the version');

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(userCommand());
program.addCommand(workspaceCommand());
program.addCommand(backupCommand());
program.addCommand(importCommand());
program.addCommand(exportCommand());
program.addCommand(restoreCommand());
program.addCommand(recomputeCommand());
program.addCommand(modelCommand());
program.addCommand(demoCommand());
program.addCommand(reportCommand());
program.addCommand(segmentCommand());
program.addCommand(emailCommand());
program.addCommand(thanksCommand());
program.addCommand(winbackCommand());
program.addCommand(todayCommand());
program
  .command('version')
  .description('print the Rapport version')
  .action(() => {
    console.log(VERSION);
  });

await runCli(program, process.argv);
