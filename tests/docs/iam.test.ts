import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../architecture/repo-root";
import { resourceClassName, resourceFolders, resourceOperations } from "./aws-operations";

const PROVIDER = join(repoRoot(), "provider");
const IAM = join(repoRoot(), "docs", "iam");
/** The services whose operations the provider calls itself: their actions must match the code exactly. */
const CALLED_SERVICES = ["inspector2", "inspector", "sts"];
/**
 * Actions of other services a policy may hold, each because AWS needs it on the caller's behalf although the code
 * never calls it; each must be narrowed by the condition named here.
 */
const ON_BEHALF: Readonly<Record<string, { readonly why: string; readonly condition: object }>> = {
    "iam:CreateServiceLinkedRole": {
        why: "Inspector creates its service-linked role when first enabled in an account",
        condition: { StringEquals: { "iam:AWSServiceName": "inspector2.amazonaws.com" } },
    },
};

interface Statement {
    readonly Sid?: string;
    readonly Effect: string;
    readonly Action: string | string[];
    readonly Resource: string | string[];
    readonly Condition?: object;
}
interface Policy {
    readonly Version: string;
    readonly Statement: Statement[];
}

/** `InspectorEnablement` → `inspector-enablement`. */
function kebab(name: string): string {
    return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

function readPolicy(file: string): Policy {
    return JSON.parse(readFileSync(join(IAM, file), "utf8")) as Policy;
}

function actionsOf(statement: Statement): string[] {
    return typeof statement.Action === "string" ? [statement.Action] : statement.Action;
}

describe("the least-privilege IAM policies (docs/iam)", () => {
    const folders = resourceFolders(PROVIDER);

    it("has one policy per resource, and none for a resource that does not exist", () => {
        const expected = folders.map((folder) => `${kebab(resourceClassName(PROVIDER, folder))}.json`).sort();
        assert.deepEqual(
            readdirSync(IAM)
                .filter((name) => name.endsWith(".json"))
                .sort(),
            expected,
        );
    });

    for (const folder of resourceFolders(PROVIDER)) {
        const className = resourceClassName(PROVIDER, folder);
        const file = `${kebab(className)}.json`;

        it(`${file} allows exactly the operations ${className}'s code calls`, () => {
            const policy = readPolicy(file);
            assert.equal(policy.Version, "2012-10-17");
            for (const statement of policy.Statement) assert.equal(statement.Effect, "Allow", statement.Sid);
            const called = resourceOperations(PROVIDER, folder);
            assert.ok(called.length > 0, `the scan found no call in provider/${folder}`);
            const allowed = policy.Statement.flatMap(actionsOf);
            assert.equal(new Set(allowed).size, allowed.length, `${file} names an action twice`);
            const ofCalledServices = allowed.filter((action) =>
                CALLED_SERVICES.includes(action.split(":")[0]),
            );
            assert.deepEqual(
                [...ofCalledServices].sort(),
                called,
                `${file} must allow what provider/${folder} calls (left) and nothing more`,
            );
            for (const action of allowed)
                assert.ok(!action.includes("*"), `${file}: ${action} is a wildcard`);
        });

        it(`${file} allows other services' actions only where AWS needs them, narrowed by a condition`, () => {
            for (const statement of readPolicy(file).Statement) {
                for (const action of actionsOf(statement)) {
                    if (CALLED_SERVICES.includes(action.split(":")[0])) continue;
                    const reason = ON_BEHALF[action];
                    assert.ok(
                        reason,
                        `${file}: ${action} is called by no code and has no reason to be there`,
                    );
                    assert.deepEqual(
                        statement.Condition,
                        reason.condition,
                        `${file}: ${action} (${reason.why})`,
                    );
                }
            }
        });
    }

    it("shows every policy in docs/iam.md as it is in its file", () => {
        const page = readFileSync(join(repoRoot(), "docs", "iam.md"), "utf8");
        const blocks = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map(
            (match) => JSON.parse(match[1]) as unknown,
        );
        for (const folder of folders) {
            const file = `${kebab(resourceClassName(PROVIDER, folder))}.json`;
            assert.ok(page.includes(`(iam/${file})`), `docs/iam.md does not link iam/${file}`);
            assert.ok(
                blocks.some((block) => JSON.stringify(block) === JSON.stringify(readPolicy(file))),
                `docs/iam.md does not show iam/${file} as it is`,
            );
        }
    });
});

describe("the scan of the operations a resource calls", () => {
    it("follows a resource's imports into the shared layers (the STS identity call of provider/aws/identity.ts)", () => {
        assert.ok(resourceOperations(PROVIDER, "enablement").includes("sts:GetCallerIdentity"));
    });

    it("finds Inspector Classic's commands, which come from the SDK's optional loader", () => {
        assert.ok(resourceOperations(PROVIDER, "assessment-run").includes("inspector:StartAssessmentRun"));
    });

    it("does not follow one resource's folder into another's", () => {
        assert.ok(!resourceOperations(PROVIDER, "findings-gate").includes("inspector2:Enable"));
    });
});
