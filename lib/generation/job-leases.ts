import "server-only";
import { renewJobLeases } from "@/lib/db";

// The leases of every job running in this process, renewed together: one statement per
// renewal period for all of them, not one per job (at 1,000 concurrent streams that was
// 200 statements a second on the one server thread). A job whose process dies stops
// being renewed, and the sweep notices when its lease runs out.

/** How long a lease lasts, and how often the running jobs' leases are renewed. */
export const LEASE_MS = 15_000;
export const RENEW_EVERY_MS = 5_000;

/** What a renewal learns about one job. */
export type LeaseState = { cancelRequested: boolean; lastReadAt: Date };

type Holder = (state: LeaseState) => void;

export type JobLeases = {
  /** Renews `id`'s lease until `release`; `onRenewed` hears what each renewal learnt. */
  hold(id: string, onRenewed: Holder): void;
  release(id: string): void;
  /** One renewal of every held lease now (exported for tests; the timer calls it). */
  renewAll(): Promise<void>;
};

export function createJobLeases(
  renew: typeof renewJobLeases = renewJobLeases,
  everyMs = RENEW_EVERY_MS,
): JobLeases {
  const holders = new Map<string, Holder>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const renewAll = async () => {
    if (holders.size === 0) return;
    try {
      const states = await renew([...holders.keys()], new Date(Date.now() + LEASE_MS));
      for (const { id, ...state } of states) holders.get(id)?.(state);
    } catch {
      // A missed renewal is retried at the next tick; the lease outlasts two of them.
    }
  };
  return {
    hold(id, onRenewed) {
      holders.set(id, onRenewed);
      timer ??= setInterval(() => void renewAll(), everyMs);
    },
    release(id) {
      holders.delete(id);
      if (holders.size === 0 && timer) {
        // No job left to keep alive: nothing ticks in an idle process.
        clearInterval(timer);
        timer = undefined;
      }
    },
    renewAll,
  };
}
