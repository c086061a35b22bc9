import type { Pacer } from "./pacer.js";
import { echoes, type WriteRecord } from "./write-record.js";

/** Stops a run that would write more than the config allows (a bug or a loop, never normal work). */
export class WriteBudgetExceeded extends Error {
  readonly code = "EBUDGET";
  constructor(limit: number) {
    super(`stopped after ${limit} writes in one run (max_writes_per_run); the next run continues`);
  }
}

export interface WriteBudget {
  limit: number;
  used: number;
}

export interface WriterOptions {
  dryRun: boolean;
  budget: WriteBudget;
  /** Trigger mode only: spaces the writes that start a pipeline (see pacer.ts). */
  pacer?: Pacer;
}

export type Write = (record: WriteRecord, perform: () => Promise<unknown>) => Promise<void>;

/**
 * Records each write in `writes` and performs it, unless the run is dry or the budget is spent;
 * in trigger mode it first waits for the pacer. Every writer of the bot (plans, recurring issues)
 * goes through one of these.
 */
export function budgetedWriter(options: WriterOptions, writes: WriteRecord[]): Write {
  return async (record, perform) => {
    writes.push(record);
    if (options.dryRun) return;
    if (options.budget.used >= options.budget.limit) throw new WriteBudgetExceeded(options.budget.limit);
    options.budget.used += 1;
    if (echoes(record)) await options.pacer?.beforeWrite(record.what);
    await perform();
  };
}
