import type { StartedBroker } from './broker-launcher.js';
import type { LifecycleRecorder } from './lifecycle-recorder.js';

/** A started broker whose kill, restart and stop show up as lifecycle events, like an app's. */
export class RecordedBroker implements StartedBroker {
  #stopped = false;

  constructor(
    private readonly broker: StartedBroker,
    private readonly component: string,
    private readonly events: LifecycleRecorder,
  ) {}

  get kind() { return this.broker.kind; }
  get url() { return this.broker.url; }
  get port() { return this.broker.port; }
  pid() { return this.broker.pid(); }
  isRunning() { return this.broker.isRunning(); }

  async kill(): Promise<void> {
    const pid = this.broker.pid();
    this.#record('fault', 'SIGKILL', pid);
    await this.broker.kill();
    this.#record('exited', 'signal SIGKILL', pid);
  }

  async restart(): Promise<void> {
    this.#record('restarting');
    this.#record('starting');
    await this.broker.restart();
    this.#record('ready', undefined, this.broker.pid());
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const pid = this.broker.pid();
    await this.broker.stop();
    this.#record('stopped', undefined, pid);
  }

  #record(type: 'fault' | 'exited' | 'restarting' | 'starting' | 'ready' | 'stopped', detail?: string, pid?: number) {
    this.events.record(this.component, 0, { type, detail, pid });
  }
}
