import assert from "node:assert/strict";
import {
    filterKinds,
    matchesCriteria,
    matchesFilterList,
    timestampMs,
    type FilterKind,
} from "../../../../emulator/inspector2/scans/filter-criteria";

const eq = (value: string) => ({ comparison: "EQUALS", value });
const ne = (value: string) => ({ comparison: "NOT_EQUALS", value });
const prefix = (value: string) => ({ comparison: "PREFIX", value });

describe("inspector2 filter criteria", () => {
    const table: readonly [string, FilterKind, Record<string, unknown>[], unknown, boolean][] = [
        ["EQUALS matches the same text", "string", [eq("HIGH")], "HIGH", true],
        ["EQUALS is case-sensitive", "string", [eq("high")], "HIGH", false],
        ["EQUALS filters OR together", "string", [eq("LOW"), eq("HIGH")], "HIGH", true],
        ["PREFIX matches the start", "string", [prefix("arn:aws:ecr")], "arn:aws:ecr:us-east-1", true],
        ["PREFIX does not match the middle", "string", [prefix("ecr")], "arn:aws:ecr:us-east-1", false],
        ["NOT_EQUALS passes another value", "string", [ne("LOW")], "HIGH", true],
        ["NOT_EQUALS filters AND together", "string", [ne("LOW"), ne("HIGH")], "HIGH", false],
        ["NOT_EQUALS and EQUALS both apply", "string", [eq("HIGH"), ne("HIGH")], "HIGH", false],
        ["a list value matches on any item", "string", [eq("v1")], ["latest", "v1"], true],
        ["NOT_EQUALS refuses a list holding the value", "string", [ne("v1")], ["latest", "v1"], false],
        ["an absent value matches no EQUALS", "string", [eq("TCP")], undefined, false],
        ["an absent value passes NOT_EQUALS", "string", [ne("TCP")], undefined, true],
        ["a date inside the range", "date", [{ startInclusive: 1, endInclusive: 2 }], 1500, true],
        ["a date on the end of the range", "date", [{ startInclusive: 1, endInclusive: 2 }], 2000, true],
        ["a date past the range", "date", [{ startInclusive: 1, endInclusive: 2 }], 2001, false],
        ["an open-ended date range", "date", [{ startInclusive: 1 }], 10_000_000, true],
        ["date ranges OR together", "date", [{ endInclusive: 1 }, { startInclusive: 5 }], 6000, true],
        ["an absent date", "date", [{ startInclusive: 0 }], undefined, false],
        ["a number inside the range", "number", [{ lowerInclusive: 7, upperInclusive: 10 }], 7, true],
        ["a number below the range", "number", [{ lowerInclusive: 7 }], 6.9, false],
        [
            "a map with the key and value",
            "map",
            [{ comparison: "EQUALS", key: "team", value: "a" }],
            { team: "a" },
            true,
        ],
        ["a map with the key only", "map", [{ comparison: "EQUALS", key: "team" }], { team: "b" }, true],
        ["a map without the key", "map", [{ comparison: "EQUALS", key: "team" }], {}, false],
        ["no open port", "port", [{ beginInclusive: 22 }], undefined, false],
        [
            "a package with the name and version",
            "package",
            [{ name: eq("zlib"), version: prefix("1.") }],
            [{ name: "zlib", version: "1.2.11" }],
            true,
        ],
        [
            "a package filter needs one package to pass all its members",
            "package",
            [{ name: eq("zlib"), version: eq("2.0") }],
            [
                { name: "zlib", version: "1.2.11" },
                { name: "curl", version: "2.0" },
            ],
            false,
        ],
        ["no packages", "package", [{ name: eq("zlib") }], [], false],
    ];
    for (const [title, kind, filters, value, expected] of table) {
        it(`${expected ? "passes" : "refuses"} ${title}`, () => {
            assert.equal(matchesFilterList(kind, filters, value), expected);
        });
    }

    it("reads each criteria member's kind from the model", () => {
        const kinds = filterKinds("FilterCriteria");
        assert.equal(kinds.get("severity"), "string");
        assert.equal(kinds.get("firstObservedAt"), "date");
        assert.equal(kinds.get("inspectorScore"), "number");
        assert.equal(kinds.get("resourceTags"), "map");
        assert.equal(kinds.get("portRange"), "port");
        assert.equal(kinds.get("vulnerablePackages"), "package");
        assert.equal(filterKinds("CoverageFilterCriteria").get("lastScannedAt"), "date");
    });

    it("ANDs the criteria's fields and passes everything without criteria", () => {
        const values: Record<string, unknown> = { severity: "HIGH", findingStatus: "ACTIVE" };
        const valueOf = (field: string) => values[field];
        assert.equal(matchesCriteria("FilterCriteria", undefined, valueOf), true);
        assert.equal(matchesCriteria("FilterCriteria", { severity: [eq("HIGH")] }, valueOf), true);
        assert.equal(
            matchesCriteria(
                "FilterCriteria",
                { severity: [eq("HIGH")], findingStatus: [eq("CLOSED")] },
                valueOf,
            ),
            false,
        );
    });

    it("reads request timestamps as epoch seconds or ISO 8601 text", () => {
        assert.equal(timestampMs(1.5), 1500);
        assert.equal(timestampMs("1970-01-01T00:00:02Z"), 2000);
        assert.equal(timestampMs(undefined), undefined);
    });
});
