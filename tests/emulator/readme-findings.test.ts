import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SCAN_RESOURCES } from "../../emulator/settings/default-scan-resources";
import { FINDING_FIELDS } from "../../emulator/inspector2/scans/finding-fields";
import { COVERAGE_FIELDS } from "../../emulator/inspector2/scans/coverage-fields";

/** The emulator's coverage and findings part (docs/emulator.md): the documented seed and filters are the code's. */
const EMULATOR = readFileSync(join(__dirname, "..", "..", "..", "docs", "emulator.md"), "utf8");
const SECTION = EMULATOR.slice(
    EMULATOR.indexOf("## Coverage and findings"),
    EMULATOR.indexOf("## Admin API"),
);

describe("the emulator documentation's coverage and findings section", () => {
    it("names the three operations among the served ones", () => {
        const served = EMULATOR.slice(EMULATOR.indexOf("Served operations"), EMULATOR.indexOf("## Start it"));
        for (const operation of ["ListCoverage", "ListFindings", "ListFindingAggregations"])
            assert.ok(served.includes(`\`${operation}\``), operation);
    });

    it("documents every seeded resource and finding", () => {
        const text = SECTION.replace(/\s+/g, " ");
        for (const resource of DEFAULT_SCAN_RESOURCES) {
            assert.ok(text.includes(resource.resourceId), resource.resourceId);
            for (const finding of resource.findings ?? []) {
                assert.ok(
                    text.includes(
                        `${finding.severity} \`${finding.vulnerabilityId}\` in ${finding.packageName}`,
                    ),
                    finding.vulnerabilityId,
                );
                if (finding.fixedInVersion)
                    assert.ok(text.includes(finding.fixedInVersion), finding.fixedInVersion);
            }
            if (resource.unsupported) assert.ok(text.includes(`unsupported: ${resource.unsupported}`));
        }
    });

    it("lists as honoured every filter the emulator gives values to", () => {
        const listed = (start: string, end: string) => {
            const part = SECTION.slice(SECTION.indexOf(start), SECTION.indexOf(end, SECTION.indexOf(start)));
            return new Set([...part.matchAll(/`([a-zA-Z0-9]+)`/g)].map((match) => match[1]));
        };
        const coverage = listed("- **`ListCoverage`**", "- **`ListFindings`**");
        for (const field of Object.keys(COVERAGE_FIELDS).filter((name) => !name.endsWith("Tags")))
            assert.ok(coverage.has(field), `ListCoverage filter ${field}`);
        const findings = listed("- **`ListFindings`**", "- **`ListFindingAggregations`**");
        for (const field of Object.keys(FINDING_FIELDS))
            assert.ok(findings.has(field), `ListFindings filter ${field}`);
    });
});
