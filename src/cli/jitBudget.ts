/**
 * V8 tuning for batches where every core analyses. V8 optimises a function once it has run a
 * budget of bytecode, on background threads. With one job those threads use the core the
 * analysis leaves idle (one job keeps about 1.4 of 2 cores busy). With a thread per core there is
 * no idle core: every isolate compiles the same hot code again, and TurboFan competes with the
 * analysis itself. A larger budget optimises only the code that stays hot. On 200 files, 2 jobs on
 * 2 cores: 2.78 → 2.33 s, and TurboFan work falls from 238 to 121 compiles. One job is left at
 * V8's default: its compiles run on the spare core for free, and on 2000 files the default was
 * 3–5% faster there.
 */
import { setFlagsFromString } from 'node:v8';
import { availableParallelism } from 'node:os';

/** Bytecode a function runs between tier-up checks when every core analyses (V8's default: 67 584). */
export const ALL_CORES_INTERRUPT_BUDGET = 500_000;

/** The V8 flags for `jobs` analysing threads on `cores` cores (none when a core is left for V8's compiler). */
export function v8FlagsForJobs(jobs: number, cores: number): string[] {
  return jobs > 1 && jobs >= cores ? [`--interrupt-budget=${ALL_CORES_INTERRUPT_BUDGET}`] : [];
}

/** Applies v8FlagsForJobs before the analysis code runs (V8 flags are per process: workers share them). */
export function tuneV8ForJobs(jobs: number, cores: number = availableParallelism()): void {
  for (const flag of v8FlagsForJobs(jobs, cores)) setFlagsFromString(flag);
}
