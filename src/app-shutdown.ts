/**
 * The stop steps of a composed app. Each part adds its step right after it starts, and steps run
 * in reverse: a failure half-way through start closes what was opened, and a stop takes things
 * down in the opposite order of their dependencies (stores last).
 */
export class Shutdown {
  private readonly steps: Array<() => Promise<void> | void> = [];

  add(step: () => Promise<void> | void): void {
    this.steps.unshift(step);
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0)) await step();
  }
}
