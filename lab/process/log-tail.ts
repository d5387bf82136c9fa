/** The last lines a process wrote (a broker: across its restarts), for error messages. */
export class LogTail {
  private readonly lines: string[] = [];

  constructor(private readonly capacity = 50) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.shift();
  }

  snapshot(): readonly string[] {
    return [...this.lines];
  }
}

/** `; its last log lines:` and the lines, indented, for the end of an error message. */
export function formatLogTail(lines: readonly string[]): string {
  return lines.length === 0 ? '; it wrote no log' : `; its last log lines:\n  ${lines.join('\n  ')}`;
}
