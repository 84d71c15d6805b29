import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnableCommand } from "@aws-sdk/client-inspector2";
import { CLIENT_TOKEN_WINDOW_MS } from "../../../emulator";
import { readStateFile } from "../../../emulator/state/state-file";
import { MEMBER, OTHER_MEMBER, mutationsOf, startHarness, type Harness } from "./inspector2-harness";

/** The client tokens the state on disk remembers (their scoped keys' last part), sorted. */
function tokensOnDisk(stateFile: string): string[] {
    const state = readStateFile(stateFile) as unknown as { services: { inspector2: { tokens: object } } };
    return Object.keys(state.services.inspector2.tokens)
        .map((key) => (JSON.parse(key) as string[])[3])
        .sort();
}

describe("inspector2 client tokens expire after 24 hours (through the SDK, with the emulator's clock)", () => {
    let harness: Harness;
    let directory: string;
    let stateFile: string;
    beforeEach(async () => {
        directory = mkdtempSync(join(tmpdir(), "inspector2-token-expiry-"));
        stateFile = join(directory, "state.json");
        // The SDK signs with the real clock while the emulator's moves by days: a wide skew limit lets it through.
        harness = await startHarness({ clockSkewMs: 7 * CLIENT_TOKEN_WINDOW_MS }, stateFile);
    });
    afterEach(async () => {
        await harness.close();
        rmSync(directory, { recursive: true, force: true });
    });

    const enable = (accountId: string, clientToken: string) =>
        harness
            .client()
            .send(new EnableCommand({ accountIds: [accountId], resourceTypes: ["EC2"], clientToken }));

    it("is 24 hours", () => assert.equal(CLIENT_TOKEN_WINDOW_MS, 86_400_000));

    it("replays a retry within the window, executes one after it, and the state file forgets the expired token", async () => {
        await enable(MEMBER, "first");
        harness.clock.advance(CLIENT_TOKEN_WINDOW_MS - 1);
        await enable(MEMBER, "first");
        assert.equal(mutationsOf(harness, "Enable"), 1);
        await enable(OTHER_MEMBER, "second");
        assert.deepEqual(tokensOnDisk(stateFile), ["first", "second"]);

        harness.clock.advance(1);
        // 24 hours after its first call the token is new again, even for another request (no conflict).
        await enable(OTHER_MEMBER, "first");
        assert.equal(mutationsOf(harness, "Enable"), 3);
        assert.deepEqual(tokensOnDisk(stateFile), ["first", "second"]);

        harness.clock.advance(CLIENT_TOKEN_WINDOW_MS);
        await enable(MEMBER, "third");
        assert.deepEqual(tokensOnDisk(stateFile), ["third"]);
    });

    it("keeps counting the window across a restart", async () => {
        await enable(MEMBER, "kept");
        await harness.close();
        harness = await startHarness({ clockSkewMs: 7 * CLIENT_TOKEN_WINDOW_MS }, stateFile);
        harness.clock.advance(CLIENT_TOKEN_WINDOW_MS - 60_000);
        await enable(MEMBER, "kept");
        assert.equal(mutationsOf(harness, "Enable"), 0);
        harness.clock.advance(120_000);
        await enable(MEMBER, "kept");
        assert.equal(mutationsOf(harness, "Enable"), 1);
    });
});
