// The in-process CLI fuzz (test/fuzz-cli.test.ts) again, on another seed, for the 40 % of its plan
// that `npm test` leaves out to stay fast: with this file, every CI run tries 10,000 vectors.
process.env["FUZZ_SEED"] ??= String(0x11c0_5eed + 10_007);
process.env["FUZZ_SCALE"] ??= "0.4";
await import("../fuzz-cli.test.js");
