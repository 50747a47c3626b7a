/** What the CLI needs from the outside world, passed in so tests can run it in-process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour only then, unless FORCE_COLOR says otherwise). */
  stdoutIsTTY: boolean;
  /** The terminal's width in columns when stdout is one (tables take a compact layout below 100). */
  columns?: number;
  /** Where relative paths (config files, --out) are resolved. */
  cwd: string;
  /** Today's date, YYYY-MM-DD, for the exchange rate's age (src/cli.ts sets it; absent: not checked). */
  today?: string;
}
