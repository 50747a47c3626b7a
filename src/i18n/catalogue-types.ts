/** A message's arguments as a catalogue entry receives them: already rendered to text (./render.ts). */
export type Args = Readonly<Record<string, string | undefined>>;
