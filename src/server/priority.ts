/**
 * The analysis server runs at a lower CPU priority than the editor. Analysis is background work:
 * when the cores are busy (a 5 MB article analysed on a 2-core machine), the extension host and
 * the workbench should get a core first and the underlines wait a few milliseconds longer, rather
 * than the editor stutter while the server holds both cores.
 */
import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/** The priority the server lowers itself to (nice 10 on Unix, "below normal" on Windows). */
export const SERVER_PRIORITY = constants.priority.PRIORITY_BELOW_NORMAL;

/**
 * Lowers this process to SERVER_PRIORITY and returns how many threads it lowered, or throws. On
 * Linux the nice value belongs to each thread, and V8's helper threads exist before any of our
 * code runs, so every thread of /proc/self/task is lowered (threads started later inherit the
 * value from the thread that starts them). Elsewhere the priority belongs to the process.
 * `tasksDir` is for tests.
 */
export function lowerProcessPriority(platform: NodeJS.Platform = process.platform, tasksDir = '/proc/self/task'): number {
  if (platform !== 'linux') {
    setPriority(SERVER_PRIORITY);
    return 1;
  }
  let lowered = 0;
  for (const tid of readdirSync(tasksDir)) {
    try {
      setPriority(Number(tid), SERVER_PRIORITY);
      lowered++;
    } catch (err) {
      // A thread that ended since the listing is fine; anything else is reported.
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  }
  return lowered;
}
