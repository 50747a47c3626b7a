/** Examples shown under each command's --help: the questions people come with, one line each. */
export const EXAMPLES: Record<string, readonly string[]> = {
  "": [
    "llm-cost estimate --params 7B --tokens 15B --gpus 2xH100",
    "llm-cost compare scratch-7b llama-2-ko-dapt sft-7b lora-7b --gpus 8xH100",
    "llm-cost plan --model llama-2-7b --tokens 15B --strategy dapt --deadline 7d",
    "llm-cost check --params 7B --tokens 15B --gpus 2xH100 --claimed-days 730",
  ],
  estimate: [
    "llm-cost estimate --params 7B --tokens 15B --gpus 2xH100",
    "llm-cost estimate --model llama-2-7b --add-vocab 14k --corpus 61GB --bytes-per-token 4.07 --gpus 8xH100 --strategy dapt",
    "llm-cost estimate --model qwen2.5-7b --examples 50k --tokens-per-example 1024 --epochs 3 --gpus 1xA100 --strategy lora,qlora",
    "llm-cost estimate --from axolotl.yaml --model-config config.json --tokens 100M --gpus 1xL40S",
    "llm-cost estimate --params 7B --tokens 15B --gpus 2xH100 --lang ko --explain",
    "llm-cost estimate --params 7B --tokens 15B --gpus 2xH100 --format json | jq '.estimates[0].costKrw'",
    "llm-cost estimate --params 7B --tokens 15B --gpus 2xH100 --format html --out report.html",
  ],
  validate: ["llm-cost validate", "llm-cost validate --memory", "llm-cost validate --speed --format csv"],
  gpus: ["llm-cost gpus", "llm-cost gpus --format csv"],
  prices: ["llm-cost prices H100", "llm-cost prices --format json"],
  models: ["llm-cost models"],
  scenarios: ["llm-cost scenarios", "llm-cost scenarios my-scenarios.json"],
  compare: [
    "llm-cost compare scratch-7b llama-2-ko-dapt sft-7b lora-7b qlora-7b --gpus 8xH100",
    "llm-cost compare sft-7b lora-7b --chart",
  ],
  plan: [
    "llm-cost plan --model llama-2-7b --tokens 15B --strategy dapt --deadline 7d",
    "llm-cost plan --params 7B --tokens chinchilla --strategy scratch --budget 3억 --top 10",
  ],
  check: [
    "llm-cost check --params 7B --tokens 15B --gpus 2xH100 --claimed-days 730",
    "llm-cost check --params 7B --tokens 15B --gpus 2xH100 --claimed-cost 2.5억",
  ],
  completion: [
    "llm-cost completion bash > ~/.local/share/bash-completion/completions/llm-cost",
    "llm-cost completion zsh > ~/.zfunc/_llm-cost  # a folder on your $fpath",
  ],
};

/** The examples block for one command ("" = the program itself). */
export function examplesText(command: string): string {
  const lines = EXAMPLES[command];
  return lines ? `\nExamples:\n${lines.map((l) => `  ${l}`).join("\n")}\n` : "";
}
