/**
 * The value a lookup table holds for `key` itself, never one inherited from Object.prototype: a
 * key typed by a user ("constructor", "__proto__", "toString") must read as unknown, not as a
 * built-in function that later turns into NaN or a crash.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
