import assert from "node:assert/strict";
import { providerSettings } from "../../provider/plugin/config";

describe("plugin provider configuration", () => {
    it("reads the aws:* keys under the plugin's names, bare (Configure's args) or namespaced (its variables)", () => {
        const bare = providerSettings({ region: "eu-west-1", profile: "audit" });
        const namespaced = providerSettings({
            "inspector:region": "eu-west-1",
            "inspector:profile": "audit",
        });
        assert.deepEqual(bare, { region: "eu-west-1", credentials: { profile: "audit" } });
        assert.deepEqual(namespaced, bare);
    });

    it("takes a role to assume as JSON text or as a value", () => {
        const role = { roleArn: "arn:aws:iam::123456789012:role/Deployer" };
        for (const assumeRole of [role, JSON.stringify(role)]) {
            assert.deepEqual(providerSettings({ assumeRole }).credentials?.assumeRoles, [role]);
        }
    });

    it("names the plugin's keys in its problems, never a secret's value", () => {
        const settings = providerSettings({ accessKey: "AKIAEXAMPLE", assumeRole: { roleArn: "nope" } });
        const problems = settings.problems ?? [];
        assert.deepEqual(
            problems.map((problem) => problem.property),
            ["inspector:secretKey", "inspector:assumeRole.roleArn"],
        );
        for (const { reason } of problems) {
            assert.doesNotMatch(reason, /\baws:/);
            assert.doesNotMatch(reason, /AKIAEXAMPLE/);
        }
        assert.match(problems[0].reason, /inspector:accessKey is set but inspector:secretKey is not/);
    });
});
