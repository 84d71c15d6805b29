import assert from "node:assert/strict";
import { join } from "node:path";
import type { ESLint as ESLintClass, Linter } from "eslint";
import { repoRoot } from "./repo-root";

/**
 * The rule in eslint.config.mjs that keeps the provider and the emulator apart, shown failing when broken: each
 * snippet is linted as if it were a file at `path` in the repository (the file need not exist).
 */
describe("the import boundary between provider/ and emulator/", function () {
    this.timeout(60_000);
    const root = repoRoot();
    let eslint: ESLintClass;

    before(() => {
        const { ESLint } = require("eslint") as typeof import("eslint");
        eslint = new ESLint({ cwd: root });
    });

    async function restrictedImports(path: string, code: string): Promise<Linter.LintMessage[]> {
        const [result] = await eslint.lintText(code, { filePath: join(root, path) });
        assert.equal(result.fatalErrorCount, 0, JSON.stringify(result.messages));
        return result.messages.filter((message) => message.ruleId === "no-restricted-imports");
    }

    it("refuses a provider file importing the emulator by relative path", async () => {
        const messages = await restrictedImports(
            "provider/enablement/boundary-probe.ts",
            'import { startEmulator } from "../../emulator";\nexport const start = startEmulator;\n',
        );
        assert.equal(messages.length, 1, JSON.stringify(messages));
        assert.equal(messages[0].severity, 2);
    });

    it("refuses a provider file importing a module inside the emulator", async () => {
        const messages = await restrictedImports(
            "provider/boundary-probe.ts",
            'import type { EmulatorSettings } from "../emulator/settings/settings";\nexport type S = EmulatorSettings;\n',
        );
        assert.equal(messages.length, 1, JSON.stringify(messages));
    });

    it("refuses a provider file importing pulumi-inspector/emulator", async () => {
        const messages = await restrictedImports(
            "provider/aws/boundary-probe.ts",
            'import { startEmulator } from "pulumi-inspector/emulator";\nexport const start = startEmulator;\n',
        );
        assert.equal(messages.length, 1, JSON.stringify(messages));
        assert.equal(messages[0].severity, 2);
    });

    it("refuses an emulator file importing from the provider", async () => {
        const messages = await restrictedImports(
            "emulator/signature/boundary-probe.ts",
            'import { REGION_PATTERN } from "../../provider/aws/region";\nexport const pattern = REGION_PATTERN;\n',
        );
        assert.equal(messages.length, 1, JSON.stringify(messages));
        assert.equal(messages[0].severity, 2);
    });

    it("refuses an emulator file importing the package's main entry", async () => {
        const messages = await restrictedImports(
            "emulator/boundary-probe.ts",
            'import { AssessmentRun } from "pulumi-inspector";\nexport const run = AssessmentRun;\n',
        );
        assert.equal(messages.length, 1, JSON.stringify(messages));
    });

    it("lets a provider file import within the provider", async () => {
        const messages = await restrictedImports(
            "provider/enablement/boundary-probe.ts",
            [
                'import { REGION_PATTERN } from "../aws/region";',
                'import { InspectorEnablement } from "./resource";',
                "export const used = [REGION_PATTERN, InspectorEnablement];",
                "",
            ].join("\n"),
        );
        assert.deepEqual(messages, []);
    });

    it("lets an emulator file import within the emulator", async () => {
        const messages = await restrictedImports(
            "emulator/http/boundary-probe.ts",
            [
                'import type { RunningEmulator } from "../emulator-api";',
                'import { Inspector2State } from "../inspector2/state";',
                'import { REGION_PATTERN } from "../region-pattern";',
                'import { DEFAULT_SETTINGS } from "../settings/default-settings";',
                "export type R = RunningEmulator;",
                "export const used = [Inspector2State, REGION_PATTERN, DEFAULT_SETTINGS];",
                "",
            ].join("\n"),
        );
        assert.deepEqual(messages, []);
    });

    it("lets a test import both parts", async () => {
        const messages = await restrictedImports(
            "tests/enablement/boundary-probe.test.ts",
            [
                'import { startEmulator } from "../../emulator";',
                'import { InspectorEnablement } from "../../provider";',
                "export const used = [startEmulator, InspectorEnablement];",
                "",
            ].join("\n"),
        );
        assert.deepEqual(messages, []);
    });
});
