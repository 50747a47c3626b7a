/**
 * The fixed lists that the preset schemas (./schemas.ts) and the command-line flags share. They
 * live apart from the schemas so that a command can check a flag without loading zod, which the
 * CLI keeps off its start-up (the presets are validated at build time: see ./load.ts).
 */

export const PRICE_KINDS = ["on-demand", "spot", "reserved"] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

export const STRATEGY_IDS = ["scratch", "dapt", "tapt", "sft", "lora", "qlora"] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];
