import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_SETTINGS } from "../../../emulator/settings/default-settings";
import { JournalWriter, readJournal } from "../../../emulator/state/journal-file";
import { applyRecords } from "../../../emulator/state/journal-record";

describe("the state journal", () => {
    let directory: string;
    let path: string;
    beforeEach(() => {
        directory = mkdtempSync(join(tmpdir(), "inspector-emulator-journal-"));
        path = join(directory, "state.json.journal");
    });
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("reads back what was appended, with its generation", () => {
        const writer = new JournalWriter(path, "g1");
        writer.append({ services: { inspector: { snapshot: [1] } } });
        writer.append({ settings: DEFAULT_SETTINGS });
        writer.close();
        assert.deepEqual(readJournal(path), {
            generation: "g1",
            records: [{ services: { inspector: { snapshot: [1] } } }, { settings: DEFAULT_SETTINGS }],
        });
        assert.equal(readFileSync(path, "utf8").split("\n").length, 4);
    });

    it("stops at a line without its newline or with a wrong checksum, and reads no journal without a header", () => {
        const writer = new JournalWriter(path, "g1");
        for (const value of [1, 2, 3]) writer.append({ services: { inspector: { snapshot: value } } });
        writer.close();
        const whole = readFileSync(path, "utf8");
        appendFileSync(path, whole.split("\n")[1]);
        assert.equal(readJournal(path)?.records.length, 3);
        writeFileSync(path, whole.replace('"snapshot":2', '"snapshot":5'));
        assert.deepEqual(readJournal(path)?.records, [{ services: { inspector: { snapshot: 1 } } }]);
        writeFileSync(path, whole.slice(0, 20));
        assert.equal(readJournal(path), undefined);
        assert.equal(readJournal(join(directory, "absent")), undefined);
    });

    it("applies records in order: a base keeps the collections, entries set or remove by key", () => {
        const snapshot = {
            settings: DEFAULT_SETTINGS,
            services: {
                inspector2: { format: "f", statuses: { a: 1 }, tokens: { t1: { at: 1 }, t2: { at: 2 } } },
                inspector: { version: 1 },
            },
        };
        const applied = applyRecords(structuredClone(snapshot), [
            { services: { inspector2: { entries: { tokens: { t3: { at: 3 }, t1: null } } } } },
            { services: { inspector2: { base: { format: "f", statuses: { a: 2 } } } } },
            {
                services: {
                    inspector: { snapshot: { version: 1, counter: 4 } },
                    sts: { base: { format: "s" } },
                },
            },
            { settings: { ...DEFAULT_SETTINGS, seed: 7 } },
        ]);
        assert.deepEqual(applied, {
            settings: { ...DEFAULT_SETTINGS, seed: 7 },
            services: {
                inspector2: { format: "f", statuses: { a: 2 }, tokens: { t2: { at: 2 }, t3: { at: 3 } } },
                inspector: { version: 1, counter: 4 },
                sts: { format: "s" },
            },
        });
    });
});
