import assert from "node:assert/strict";
import { shellQuote, startupBanner } from "../../../emulator/cli/startup-banner";

describe("startupBanner", () => {
    it("shows the address, the template and one export line per variable", () => {
        const banner = startupBanner(
            "http://127.0.0.1:9",
            "arn:aws:inspector:us-east-1:1:target/t/template/u",
            {
                AWS_REGION: "us-east-1",
                AWS_SECRET_ACCESS_KEY: "a/b+c",
            },
        );
        const lines = banner.split("\n");
        assert.equal(lines[0], "Inspector emulator listening on http://127.0.0.1:9");
        assert.equal(
            lines[1],
            "Seeded Inspector Classic assessment template: arn:aws:inspector:us-east-1:1:target/t/template/u",
        );
        assert.deepEqual(
            lines.filter((line) => line.startsWith("export ")),
            ["export AWS_REGION=us-east-1", "export AWS_SECRET_ACCESS_KEY=a/b+c"],
        );
        assert.ok(
            lines.includes(
                'Admin API: http://127.0.0.1:9/_emulator/ with the header "X-Emulator-Token: $INSPECTOR_EMULATOR_TOKEN" (GET health, POST reset, GET/POST settings, GET calls, GET mutations)',
            ),
            banner,
        );
    });
});

describe("shellQuote", () => {
    for (const [value, quoted] of [
        ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
        ["http://127.0.0.1:4566", "http://127.0.0.1:4566"],
        ["two words", "'two words'"],
        ["it's", "'it'\\''s'"],
        ["$HOME", "'$HOME'"],
        ["", "''"],
    ]) {
        it(`quotes ${JSON.stringify(value)} as ${quoted}`, () => assert.equal(shellQuote(value), quoted));
    }
});
