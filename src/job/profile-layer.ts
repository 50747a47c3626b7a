import { usage } from "../errors.js";
import { type Origin, quoted } from "../i18n/message.js";
import type { LoadedConfig } from "../inputs/user-config.js";
import { given, type JobLayer } from "./spec.js";

/**
 * --profile NAME: the saved measurement from the config file, with the job it was measured on. Its
 * GPUs, strategy and sequence length fill in what the flags, a scenario or a trainer's YAML leave
 * open (they rank above the config file's defaults: the profile is about this job, the config's
 * `gpus` about any job); the resolver (./apply-profile.ts) turns its speed into the job's tokens/s.
 */
export function profileLayer(loaded: LoadedConfig | undefined, name: string | undefined): JobLayer {
  if (name === undefined) return {};
  if (loaded === undefined) throw usage("profile.noConfig", { name: quoted(name) });
  const profiles = loaded.config.profiles;
  const profile = profiles.find((p) => p.name === name);
  if (profile === undefined)
    throw usage("profile.unknown", {
      name: quoted(name),
      file: quoted(loaded.file),
      known: profiles.length === 0 ? undefined : profiles.map((p) => p.name),
    });
  const origin: Origin = { kind: "profile", name, file: loaded.file };
  return {
    profile: given(profile, origin),
    gpus: given(`${profile.gpuCount}x${profile.gpu}`, origin),
    strategy: given([profile.strategy], origin),
    seqLen: given(profile.seqLen, origin),
  };
}
