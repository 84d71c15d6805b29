import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SETTINGS } from "../../emulator/settings/default-settings";
import { mergeSettings } from "../../emulator/settings/merge-settings";
import type { PartialSettings } from "../../emulator/settings/settings";
import { settingsProblems } from "../../emulator/settings/settings-validation";

/** The emulator's documentation (docs/emulator.md), so it cannot drift from what the emulator accepts. */
const SECTION = readFileSync(join(__dirname, "..", "..", "..", "docs", "emulator.md"), "utf8");

describe("the emulator's documentation", () => {
    it("shows a config file the emulator accepts", () => {
        const start = SECTION.indexOf("## Settings and the config file");
        const block = /```json\n([\s\S]*?)```/.exec(SECTION.slice(start))?.[1];
        assert.ok(block, "no JSON config example");
        const config = JSON.parse(block) as PartialSettings;
        assert.deepEqual(settingsProblems(mergeSettings(DEFAULT_SETTINGS, config)), []);
    });

    it("lists the default accounts and keys", () => {
        for (const account of DEFAULT_SETTINGS.accounts) {
            const row = SECTION.split("\n").find((line) => line.startsWith(`| \`${account.accountId}\``));
            assert.ok(row, `no row for ${account.accountId}`);
            assert.ok(
                row.includes(account.role === "administrator" ? "delegated administrator" : account.role),
                row,
            );
            if (account.accessKeyId)
                assert.ok(
                    row.includes(account.accessKeyId) && row.includes(account.secretAccessKey ?? ""),
                    row,
                );
        }
    });

    it("lists the default roles with their external IDs", () => {
        for (const role of DEFAULT_SETTINGS.roles) {
            const row = SECTION.split("\n").find((line) => line.startsWith(`| \`${role.roleArn}\``));
            assert.ok(row, `no row for ${role.roleArn}`);
            assert.ok(row.includes(role.externalId ? `\`${role.externalId}\`` : "none"), row);
        }
    });

    it("shows the environment lines the emulator prints, with the default keys", () => {
        for (const line of [
            "export AWS_ENDPOINT_URL_STS=http://127.0.0.1:4566",
            "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
            "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            `export AWS_REGION=${DEFAULT_SETTINGS.region}`,
        ]) {
            assert.ok(SECTION.includes(line), line);
        }
    });
});
