import assert from "node:assert/strict";
import { parseProcStatus, processMemory } from "../../bench/proc-status";

describe("bench process memory", () => {
    it("reads VmHWM and VmRSS in bytes", () => {
        const text = "Name:\tnode\nVmPeak:\t 999999 kB\nVmHWM:\t  322560 kB\nVmRSS:\t  204800 kB\n";
        assert.deepEqual(parseProcStatus(text), { peakBytes: 322_560 * 1024, residentBytes: 204_800 * 1024 });
    });

    it("says which line is missing", () => {
        assert.throws(() => parseProcStatus("VmRSS:\t1 kB\n"), /no VmHWM line/);
    });

    it("reads this process's own figures, the peak at least the resident size", () => {
        const memory = processMemory(process.pid);
        assert.ok(memory.peakBytes >= memory.residentBytes);
    });
});
