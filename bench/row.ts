import type { BenchOptions } from "./options";
import type { FigureRow } from "./table";

/** One row of the bench: measures its figures and returns them as report lines; progress goes to `progress`. */
export type BenchRow = (options: BenchOptions, progress: (line: string) => void) => Promise<FigureRow[]>;
