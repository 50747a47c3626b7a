/**
 * What the renderers colour text with: chalk's styles when the output is coloured, the text as it
 * is otherwise (PLAIN). Only the four styles the renderers use, so that a run without colour needs
 * no chalk at all (src/cli/color.ts).
 */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
}

/** No colour: what chalk returns at level 0, without loading it. */
export const PLAIN: Paint = { bold: (text) => text, dim: (text) => text, green: (text) => text, red: (text) => text };
