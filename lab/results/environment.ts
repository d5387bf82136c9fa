/** Where a run ran: enough to judge whether two runs can be compared. */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, type, release, arch } from 'node:os';
import { repositoryRoot } from '../runner/index.js';

export interface RunEnvironment {
  readonly node: string;
  readonly os: string;
  readonly arch: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly gitCommit: string;
  readonly gitDirty: boolean;
}

export function runEnvironment(): RunEnvironment {
  const cpuList = cpus();
  return {
    node: process.version,
    os: `${type()} ${release()}`,
    arch: arch(),
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    gitCommit: git(['rev-parse', 'HEAD']) ?? 'unknown',
    gitDirty: (git(['status', '--porcelain', '--untracked-files=no']) ?? '').length > 0,
  };
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: repositoryRoot(), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return undefined;
  }
}
