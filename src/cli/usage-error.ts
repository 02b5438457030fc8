/** A mistake in how the command was called (exit code 2), as opposed to a problem in the flow or the data (exit code 1). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FLOW_ERROR = 1;
export const EXIT_USAGE = 2;
