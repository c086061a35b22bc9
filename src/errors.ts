/**
 * Errors the CLI maps to exit codes. Each has a code to dispatch on and a message that says how
 * to fix it (semantic-release's error definitions); no code path looks at message strings.
 */
export class CareerBotError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line usage or missing settings: exit 2. */
export class UsageError extends CareerBotError {
  constructor(message: string) {
    super("EUSAGE", message, 2);
  }
}

/** The config file, a workflow definition or a template is wrong: exit 2. */
export class ConfigError extends CareerBotError {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super("ECONFIG", message, 2);
  }
}
