/** The last lines a broker wrote, kept across its restarts for error messages. */
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
