/**
 * A profile's name as --save and --profile take it and the config file holds it: one word a shell
 * needs no quotes for. Kept apart from the zod schema so the CLI checks --save without loading zod.
 */
export const PROFILE_NAME_TEXT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
