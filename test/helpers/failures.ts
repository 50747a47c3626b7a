import { showArgv } from "./in-process.js";

/**
 * Failures of a fuzz run grouped by kind (the problem text with its numbers and quoted values
 * blanked), each with the argvs that hit it, so that one report lists every distinct bug once
 * with its shortest reproductions.
 */
export class Failures {
  private readonly byKind = new Map<string, { problem: string; argvs: Array<readonly string[]>; notes: string[] }>();

  add(argv: readonly string[], problem: string, note?: string): void {
    const kind = problem
      .replace(/\d+(\.\d+)?(e[-+]?\d+)?/g, "#")
      .replace(/"[^"]*"/g, '"…"')
      .slice(0, 140);
    const entry = this.byKind.get(kind) ?? { problem, argvs: [], notes: [] };
    entry.argvs.push(argv);
    entry.notes.push(note ?? "");
    this.byKind.set(kind, entry);
  }

  get size(): number {
    return this.byKind.size;
  }

  /** One paragraph per kind: the problem, how often, and the shortest argvs (as shell lines and JSON). */
  report(): string {
    return [...this.byKind.values()]
      .map(({ problem, argvs, notes }) => {
        const order = argvs
          .map((_a, i) => i)
          .sort((i, j) => argvs[i]!.join(" ").length - argvs[j]!.join(" ").length)
          .slice(0, 3);
        const lines = order.map(
          (i) =>
            `    ${showArgv(argvs[i]!)}\n    ${JSON.stringify(argvs[i])}${notes[i] ? `\n      (${notes[i]})` : ""}`,
        );
        return `${problem}\n  (${argvs.length}×) e.g.\n${lines.join("\n")}`;
      })
      .join("\n\n");
  }
}
