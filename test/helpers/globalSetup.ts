// Removes the run's shared sites (test/helpers/sampleSite.ts, hostileSite.ts; built through oncePerRun.ts) when the run ends.
import { removeHostileSite } from "./hostileSite.ts";
import { removeSampleSite } from "./sampleSite.ts";

export default function setup(): () => void {
  return () => {
    removeSampleSite();
    removeHostileSite();
  };
}
