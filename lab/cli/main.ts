/** The `archlab` command line. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repositoryRoot } from '../runner/index.js';
import { sweepStaleInstances } from '../process/sweep-stale-instances.js';
import { composeCommand } from './commands/compose.js';
import { schemasCommand } from './commands/schemas.js';
import { runCommand, suiteScenarios } from './commands/run.js';
import { exitCodeOf, jsonSummary, outcomeOf } from './outcome.js';
import { MissingRequirementError } from './preflight.js';
import type { ScenarioResult } from '../scenario/run-scenario.js';
import { doctorCommand } from './commands/doctor.js';
import { listCommand } from './commands/list.js';
import { studioCommand } from './commands/studio.js';
import { upCommand } from './commands/up.js';
import { oneOf, UsageError } from './usage-error.js';
import { ScenarioError } from '../scenario/schema.js';
import { ReplicasError } from '../topology/replicas.js';
import { reportCommand } from '../report/index.js';
import { resultsRoot } from '../results/paths.js';

const COMMANDS = {
  doctor: 'check Node, the brokers, Chromium and Docker; say how to install what is missing',
  list: 'the variants and their components',
  up: 'up <variant> [--replicas name=N,…] [--logs] [--seed N]: start a variant and keep it running until Ctrl-C; fault commands on stdin (type help)',
  studio: 'studio [--variants a,b] [--port N] [--rate R] [--seed N]: the variants side by side under a light load, with a page on 127.0.0.1 to watch and break them (prints its address)',
  run: 'run <scenario…> [--variants a,b] [--replicas name=N,…] [--rate N] [--seed N] [--repeat N] [--quick] [--json]: run scenarios on the variants, one after another (--quick: shortened as in the quick suite)',
  suite: 'suite [quick|full] [--variants a,b] [--repeat N] [--json]: run every scenario (quick: shortened, about twenty minutes)',
  report: 'report [run-dir] [--png]: rebuild report.html (no dir: every run in results/) and results/index.html; --png also renders each chart to PNG',
  compose: 'compose [--check]: write docker-compose.<variant>.yml and the Dockerfile, or check them for drift',
  schemas: 'schemas [--check]: write schemas/*.schema.json (scenario, run.json, timeline.json) from the lab\'s zod schemas, or check them for drift',
} as const;

export function usage(): string {
  return `usage: archlab <command> [options]\n\n${Object.entries(COMMANDS).map(([name, help]) => `  ${name.padEnd(9)} ${help}`).join('\n')}`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  sweepStaleInstances(join(repositoryRoot(), '.archlab'), (line) => console.error(line)); // brokers a killed lab left behind
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(usage());
    return command === undefined ? 2 : 0;
  }
  const print = (line: string) => console.log(line);
  switch (command) {
    case 'doctor': {
      const { text, ok } = doctorCommand();
      print(text);
      return ok ? 0 : 1;
    }
    case 'list':
      parse(rest, {});
      print(listCommand());
      return 0;
    case 'up': {
      const { values, positionals } = parse(rest, { logs: { type: 'boolean' }, seed: { type: 'string' }, replicas: { type: 'string' } });
      if (positionals.length !== 1) throw new UsageError('usage: archlab up <variant> [--replicas name=N,…] [--logs] [--seed N]');
      const baseDir = join(repositoryRoot(), '.archlab');
      mkdirSync(baseDir, { recursive: true });
      await upCommand({ variant: positionals[0] as string, logs: values.logs === true, seed: seedOf(values.seed), replicas: values.replicas, baseDir, print, input: process.stdin });
      await new Promise(() => undefined); // runs until Ctrl-C; the cleanup handler exits
      return 0;
    }
    case 'studio': {
      const { values, positionals } = parse(rest, { variants: { type: 'string' }, port: { type: 'string' }, rate: { type: 'string' }, seed: { type: 'string' } });
      if (positionals.length > 0) throw new UsageError('usage: archlab studio [--variants a,b] [--port N] [--rate R] [--seed N]');
      const baseDir = join(repositoryRoot(), '.archlab');
      mkdirSync(baseDir, { recursive: true });
      await studioCommand({ variants: values.variants, port: values.port, rate: rateOf(values.rate), seed: seedOf(values.seed), baseDir, print });
      await new Promise(() => undefined); // runs until Ctrl-C; the cleanup handler exits
      return 0;
    }
    case 'run': {
      const { values, positionals } = parse(rest, { ...RUN_OPTIONS, rate: { type: 'string' }, quick: { type: 'boolean' }, replicas: { type: 'string' } });
      const report = reporter(values.json === true);
      const timeScale = values.quick === true ? suiteScenarios('quick').timeScale : undefined;
      const results = await runCommand({ scenarios: positionals, variants: values.variants, rate: rateOf(values.rate), seed: seedOf(values.seed), repeat: repeatOf(values.repeat), replicas: values.replicas, timeScale, print: report.print });
      return report.finish(results);
    }
    case 'suite': {
      const { values, positionals } = parse(rest, { ...RUN_OPTIONS, quick: { type: 'boolean' } });
      if (positionals.length > 1 || (values.quick && positionals.length > 0)) throw new UsageError('usage: archlab suite [quick|full] [--variants a,b] [--seed N] [--repeat N] [--json]  (--quick = quick)');
      const name = values.quick ? 'quick' : (positionals[0] ?? 'quick');
      const suite = suiteScenarios(name);
      const report = reporter(values.json === true);
      const results = await runCommand({ scenarios: suite.scenarios, timeScale: suite.timeScale, suite: name, variants: values.variants, seed: seedOf(values.seed), repeat: repeatOf(values.repeat), print: report.print });
      return report.finish(results);
    }
    case 'report': {
      const { values, positionals } = parse(rest, { png: { type: 'boolean' } });
      if (positionals.length > 1) throw new UsageError('usage: archlab report [run-dir] [--png]');
      return reportCommand({ runDir: positionals[0], png: values.png === true, resultsRoot: resultsRoot(), print });
    }
    case 'compose': {
      const { values } = parse(rest, { check: { type: 'boolean' } });
      const { text, ok } = composeCommand(values.check === true);
      print(text);
      return ok ? 0 : 1;
    }
    case 'schemas': {
      const { values } = parse(rest, { check: { type: 'boolean' } });
      const { text, ok } = schemasCommand(values.check === true);
      print(text);
      return ok ? 0 : 1;
    }
    default:
      throw oneOf('command', command, Object.keys(COMMANDS));
  }
}

type OptionSpec = Record<string, { type: 'boolean' | 'string' }>;

const RUN_OPTIONS = { variants: { type: 'string' }, seed: { type: 'string' }, repeat: { type: 'string' }, json: { type: 'boolean' } } as const;

/** With `--json` the human tables go to stderr and stdout carries only the JSON summary. */
function reporter(json: boolean) {
  return {
    print: json ? (line: string) => console.error(line) : (line: string) => console.log(line),
    finish(results: readonly ScenarioResult[]): number {
      const outcomes = results.map((r) => outcomeOf(r.dir, r.run));
      if (json) console.log(jsonSummary(outcomes));
      return exitCodeOf(outcomes);
    },
  };
}

export function repeatOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 100) throw new UsageError(`--repeat takes a whole number from 1 to 100, got "${text}"`);
  return Number(text);
}

function parse<T extends OptionSpec>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function rateOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const rate = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || rate <= 0 || rate > 5_000) throw new UsageError(`--rate takes requests per second from 1 to 5000, got "${text}"`);
  return rate;
}

export function seedOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`--seed takes a whole number, got "${text}"`);
  return Number(text);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ScenarioError || error instanceof ReplicasError) {
      console.error(`archlab: ${error.message}`);
      process.exitCode = 2;
    } else if (error instanceof MissingRequirementError) {
      console.error(`archlab: ${error.message}`);
      process.exitCode = 1;
    } else {
      console.error(`archlab: ${error instanceof Error ? error.message : String(error)}`);
      if (process.env.ARCHLAB_DEBUG) console.error(error);
      process.exitCode = 1;
    }
  },
);
