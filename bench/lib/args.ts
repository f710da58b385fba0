/**
 * Command-line flags for the benchmarks: `--name value`, `--name=value` and bare `--flag`.
 */
export class Flags {
  private readonly values = new Map<string, string | true>();

  constructor(argv: readonly string[]) {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (!arg.startsWith('--')) continue;
      const eq = arg.indexOf('=');
      if (eq > 0) {
        this.values.set(arg.slice(2, eq), arg.slice(eq + 1));
      } else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) {
        this.values.set(arg.slice(2), argv[++i]!);
      } else {
        this.values.set(arg.slice(2), true);
      }
    }
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  number(name: string, fallback: number): number {
    const v = this.values.get(name);
    if (v === undefined || v === true) return fallback;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number (got "${v}")`);
    return n;
  }

  string(name: string, fallback: string): string {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : fallback;
  }
}
