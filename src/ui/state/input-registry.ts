/**
 * Which file is registered for which logical input, and which of those are the bundled sample files (which can be
 * fetched again after a reload, unlike a user's own file).
 */
export class InputRegistry {
  /** The file name each input was registered under; an input the flow now expects by another name is missing. */
  private readonly files = new Map<string, string>();
  private readonly samples = new Set<string>();
  /** Inputs whose bundled sample file is being registered now: that registration keeps their sample mark. */
  private readonly registeringSamples = new Set<string>();

  /** A file is now registered for this input: a user's own file clears its sample mark, a sample's sets it. */
  registered(inputName: string, fileName: string): void {
    this.files.set(inputName, fileName);
    if (this.registeringSamples.has(inputName)) this.samples.add(inputName);
    else this.samples.delete(inputName);
  }

  /** Input name → the file name it was registered under. */
  fileNames(): ReadonlyMap<string, string> {
    return this.files;
  }

  inputNames(): string[] {
    return [...this.files.keys()];
  }

  /** Marks inputs as reading the bundled samples before their files arrive, so an autosave meanwhile remembers them. */
  expectSamples(inputNames: Iterable<string>): void {
    for (const name of inputNames) this.samples.add(name);
  }

  /** Runs `register` (which ends in `registered` when it succeeds) as the registration of this input's sample file. */
  async registerSample(inputName: string, register: () => Promise<void>): Promise<void> {
    this.registeringSamples.add(inputName);
    try {
      await register();
    } finally {
      this.registeringSamples.delete(inputName);
    }
  }

  /** Forgets the inputs of these that read a bundled sample; returns them. A user's own files stay. */
  forgetSamples(inputNames: readonly string[]): string[] {
    const dropped = inputNames.filter((name) => this.samples.has(name));
    for (const name of dropped) {
      this.samples.delete(name);
      this.files.delete(name);
    }
    return dropped;
  }

  sampleInputs(): string[] {
    return [...this.samples];
  }
}
