/**
 * Progress for long work: one redrawn line on a terminal, one line per phase change otherwise (CI logs).
 */
export interface Progress {
  update(label: string, fraction: number): void;
  log(line: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let lastLabel = '';
  let drawn = false;
  const clear = () => {
    if (tty && drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    update(label, fraction) {
      const clamped = Math.max(0, Math.min(1, fraction));
      if (tty) {
        const width = 24;
        const filled = Math.round(clamped * width);
        clear();
        stream.write(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(clamped * 100)).padStart(3)}%  ${label}`.slice(0, (stream.columns ?? 100) - 1));
        drawn = true;
      } else if (label !== lastLabel) {
        stream.write(`${label}\n`);
      }
      lastLabel = label;
    },
    log(line) {
      clear();
      stream.write(`${line}\n`);
    },
    done: clear,
  };
}
