import { jsonPath } from "../catalog/zod-error.js";

/** An open object or array while scanning: its keys so far (objects), where it sits in its parent. */
interface Frame {
  keys: Set<string> | undefined;
  parent: Frame | undefined;
  /** its key or index in the parent */
  at: PropertyKey | undefined;
  /** the current key (objects) or index (arrays) inside it */
  key: string;
  index: number;
}

const pathOf = (frame: Frame, last: PropertyKey): PropertyKey[] => {
  const path: PropertyKey[] = [last];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.unshift(f.at!);
  return path;
};

/**
 * The JSON path of the first key that appears twice in one object of `text` (valid JSON), or
 * undefined. JSON.parse keeps the last value silently; YAML calls a duplicate an error, and so does
 * llm-cost for both, since one of the two values is lost. One linear pass (files are up to 10 MB,
 * and may nest deeply: paths are built only for the duplicate found).
 */
export function duplicateJsonKey(text: string): string | undefined {
  let top: Frame | undefined;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) return jsonPath(pathOf(top, key));
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end;
    } else if (c === "{" || c === "[") {
      const at = top === undefined ? undefined : top.keys ? top.key : top.index;
      top = { keys: c === "{" ? new Set() : undefined, parent: top, at, key: "", index: 0 };
      expectKey = c === "{";
    } else if (c === "}" || c === "]") {
      top = top?.parent;
    } else if (c === ",") {
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}
