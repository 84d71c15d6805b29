import assert from "node:assert/strict";
import {
    chunkToken,
    defaultClientToken,
    enablementId,
    operationToken,
    type Operation,
} from "../../provider/enablement/token";

const URN = "urn:pulumi:dev::scanning-project::pulumi-nodejs:dynamic/inspector:InspectorEnablement::scanning";
const CREATE: Operation = {
    kind: "create",
    region: "eu-west-1",
    to: { accountIds: ["111122223333"], resourceTypes: ["EC2"] },
};
/** operationToken("my-token", CREATE), pinned like the other golden values below. */
const CREATE_TOKEN = "a1e7ba4ead1725d20fe24b9bab3bfa8201a74cb144ba80ceca06fd5d6426e565";

describe("enablement tokens", () => {
    // Pinned values: an interrupted `pulumi up` may be retried with a newer provider, which must send the very
    // tokens the first attempt sent.
    const golden: [string, () => string, string][] = [
        [
            "default token of a resource",
            () => defaultClientToken(URN),
            "pulumi-7afc23a8d1697c64c61822bcc598ff336e07c04c",
        ],
        [
            "default token of the same resource in another stack",
            () => defaultClientToken(URN.replace(":dev::", ":prod::")),
            "pulumi-468ca75c22bf3e3bd94d407164158de7fbd1efa9",
        ],
        ["token of a create", () => operationToken("my-token", CREATE), CREATE_TOKEN],
        [
            "token of a chunk",
            () => chunkToken(CREATE_TOKEN, { accountIds: ["111122223333"], resourceTypes: ["EC2"] }, 1),
            "pulumi-3521bf9c68046c04e05c261c47c1ced7704ef7dd",
        ],
    ];
    for (const [name, derive, expected] of golden) {
        it(`derives the pinned ${name}`, () => assert.equal(derive(), expected));
    }

    it("keeps chunk tokens within Inspector's 64 characters", () => {
        const token = chunkToken(
            CREATE_TOKEN,
            { accountIds: Array(100).fill("123456789012"), resourceTypes: ["EC2"] },
            99,
        );
        assert.equal(token.length, 47);
        assert.match(token, /^pulumi-[0-9a-f]{40}$/);
    });

    it("ignores the order and repetition of accounts and types", () => {
        const a = { accountIds: ["444455556666", "111122223333"], resourceTypes: ["ECR", "EC2"] } as const;
        const b = {
            accountIds: ["111122223333", "444455556666", "111122223333"],
            resourceTypes: ["EC2", "ECR"],
        } as const;
        assert.equal(chunkToken("op", a, 1), chunkToken("op", b, 1));
        assert.equal(
            operationToken("base", { ...CREATE, to: a }),
            operationToken("base", { ...CREATE, to: b }),
        );
    });

    const variants: [string, () => string][] = [
        ["another base token", () => operationToken("other-token", CREATE)],
        ["another region", () => operationToken("my-token", { ...CREATE, region: "eu-west-2" })],
        [
            "other accounts",
            () =>
                operationToken("my-token", { ...CREATE, to: { ...CREATE.to, accountIds: ["444455556666"] } }),
        ],
        [
            "other types",
            () => operationToken("my-token", { ...CREATE, to: { ...CREATE.to, resourceTypes: ["ECR"] } }),
        ],
        [
            "an update to the same end state",
            () =>
                operationToken("my-token", {
                    ...CREATE,
                    kind: "update",
                    from: { accountIds: ["111122223333"], resourceTypes: ["ECR"] },
                }),
        ],
    ];
    for (const [name, derive] of variants) {
        it(`gives ${name} a different operation token`, () => assert.notEqual(derive(), CREATE_TOKEN));
    }

    it("gives updates from different starting points different tokens", () => {
        const update = (from: string[]): string =>
            operationToken("my-token", {
                ...CREATE,
                kind: "update",
                from: { accountIds: ["111122223333"], resourceTypes: from as never },
            });
        assert.notEqual(update(["ECR"]), update(["LAMBDA"]));
        assert.equal(update(["ECR"]), update(["ECR"]));
    });

    it("gives each chunk and each re-send of a chunk its own token", () => {
        const chunk = { accountIds: ["111122223333"], resourceTypes: ["EC2"] } as const;
        const tokens = new Set([
            chunkToken(CREATE_TOKEN, chunk, 1),
            chunkToken(CREATE_TOKEN, chunk, 2),
            chunkToken(CREATE_TOKEN, { ...chunk, accountIds: ["444455556666"] }, 1),
            chunkToken(CREATE_TOKEN, { ...chunk, resourceTypes: ["ECR"] }, 1),
            chunkToken("another operation", chunk, 1),
        ]);
        assert.equal(tokens.size, 5);
    });

    it("gives the resource an ID of its region and a short hash of its URN", () => {
        const id = enablementId("eu-west-1", URN);
        assert.match(id, /^inspector2:eu-west-1:[0-9a-f]{16}$/);
        assert.equal(enablementId("eu-west-1", URN), id);
        assert.notEqual(enablementId("eu-west-2", URN), id);
        assert.notEqual(enablementId("eu-west-1", URN.replace(":dev::", ":prod::")), id);
    });
});
