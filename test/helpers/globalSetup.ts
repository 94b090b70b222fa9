// Removes the run's shared sample site (test/helpers/sampleSite.ts) when the run ends.
import { removeSampleSite } from "./sampleSite.ts";

export default function setup(): () => void {
  return removeSampleSite;
}
