import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListAssessmentTemplatesCommand } from "@aws-sdk/client-inspector";
import { BatchGetAccountStatusCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { RunningEmulator } from "../../../emulator";
import { startEmulator } from "../../../emulator";
import { SessionStore } from "../../../emulator/sts/sessions";
import { expectAwsError } from "../support/expect-aws-error";
import {
    ADMINISTRATOR,
    classicClient,
    inspector2Client,
    stsClient,
    type Credentials,
} from "../support/sdk-clients";

const STANDALONE_ROLE = "arn:aws:iam::999988887777:role/InspectorDeployer";
const ADMIN_ROLE = "arn:aws:iam::111122223333:role/InspectorDeployer";

/** A clock the test moves by hand; signatures use the real one, so the skew limit is widened. */
class Clock {
    current = Date.now();
    readonly now = () => this.current;
}

async function assumeRole(
    emulator: RunningEmulator,
    roleArn: string,
    durationSeconds?: number,
): Promise<Credentials> {
    const { Credentials: issued } = await stsClient(emulator).send(
        new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: "test",
            DurationSeconds: durationSeconds,
        }),
    );
    return {
        accessKeyId: issued?.AccessKeyId ?? "",
        secretAccessKey: issued?.SecretAccessKey ?? "",
        sessionToken: issued?.SessionToken ?? "",
    };
}

describe("temporary credentials from sts AssumeRole", () => {
    let clock: Clock;
    let emulator: RunningEmulator;
    beforeEach(async () => {
        clock = new Clock();
        emulator = await startEmulator({
            now: clock.now,
            settings: { delays: { enablingMs: 0 }, clockSkewMs: 7 * 24 * 3600 * 1000 },
        });
    });
    afterEach(() => emulator.close());

    it("sign Inspector v2 and Classic calls as the role's account", async () => {
        const role = await assumeRole(emulator, STANDALONE_ROLE);
        const enabled = await inspector2Client(emulator, { credentials: role }).send(
            new EnableCommand({ resourceTypes: ["EC2"] }),
        );
        assert.deepEqual(
            enabled.accounts?.map((account) => account.accountId),
            ["999988887777"],
        );
        const templates = await classicClient(emulator, { credentials: role }).send(
            new ListAssessmentTemplatesCommand({}),
        );
        // The seeded template belongs to the administrator, not to the role's account.
        assert.deepEqual(templates.assessmentTemplateArns, []);
        assert.deepEqual(
            emulator.admin
                .mutations()
                .map(({ service, operation, accountId }) => [service, operation, accountId]),
            [["inspector2", "Enable", "999988887777"]],
        );
        assert.deepEqual(
            emulator.admin.calls().map(({ service, accountId }) => [service, accountId]),
            [
                ["sts", "111122223333"],
                ["inspector2", "999988887777"],
                ["inspector", "999988887777"],
            ],
        );
    });

    it("are refused without their session token, or with another one, like unknown keys", async () => {
        const role = await assumeRole(emulator, ADMIN_ROLE);
        const other = await assumeRole(emulator, ADMIN_ROLE);
        for (const credentials of [
            { accessKeyId: role.accessKeyId, secretAccessKey: role.secretAccessKey },
            { ...role, sessionToken: other.sessionToken },
        ]) {
            const error = await expectAwsError(
                inspector2Client(emulator, { credentials }).send(new BatchGetAccountStatusCommand({})),
                "UnrecognizedClientException",
                403,
            );
            assert.equal(error.message, "The security token included in the request is invalid.");
            await expectAwsError(
                stsClient(emulator, { credentials }).send(new GetCallerIdentityCommand({})),
                "InvalidClientTokenId",
                403,
            );
        }
    });

    it("need their own secret: a wrong one fails the signature", async () => {
        const role = await assumeRole(emulator, ADMIN_ROLE);
        await expectAwsError(
            inspector2Client(emulator, {
                credentials: { ...role, secretAccessKey: ADMINISTRATOR.secretAccessKey },
            }).send(new BatchGetAccountStatusCommand({})),
            "InvalidSignatureException",
            403,
        );
    });

    it("work until they expire, then are refused as expired by every service", async () => {
        const role = await assumeRole(emulator, STANDALONE_ROLE, 900);
        clock.current += 899_000;
        await inspector2Client(emulator, { credentials: role }).send(new BatchGetAccountStatusCommand({}));
        clock.current += 1_000;
        const expired = await expectAwsError(
            inspector2Client(emulator, { credentials: role }).send(new BatchGetAccountStatusCommand({})),
            "ExpiredTokenException",
            403,
        );
        assert.equal(expired.message, "The security token included in the request is expired");
        await expectAwsError(
            classicClient(emulator, { credentials: role }).send(new ListAssessmentTemplatesCommand({})),
            "ExpiredTokenException",
            403,
        );
        const stsError = await expectAwsError(
            stsClient(emulator, { credentials: role }).send(new GetCallerIdentityCommand({})),
            "ExpiredToken",
            403,
        );
        assert.equal(stsError.message, "The security token included in the request is expired");
        assert.equal(emulator.admin.calls().at(-1)?.errorCode, "ExpiredToken");
    });

    it("are refused for long-term keys that come with a session token", async () => {
        const role = await assumeRole(emulator, ADMIN_ROLE);
        await expectAwsError(
            inspector2Client(emulator, {
                credentials: { ...ADMINISTRATOR, sessionToken: role.sessionToken },
            }).send(new BatchGetAccountStatusCommand({})),
            "UnrecognizedClientException",
            403,
        );
    });

    it("are forgotten by a reset, as by a restart", async () => {
        const role = await assumeRole(emulator, ADMIN_ROLE);
        emulator.admin.reset();
        await expectAwsError(
            stsClient(emulator, { credentials: role }).send(new GetCallerIdentityCommand({})),
            "InvalidClientTokenId",
            403,
        );
    });
});

describe("temporary credentials and the state file", () => {
    let directory: string;
    beforeEach(() => (directory = mkdtempSync(join(tmpdir(), "inspector-emulator-sts-"))));
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("survive a restart with the state file", async () => {
        const stateFile = join(directory, "state.json");
        const first = await startEmulator({ stateFile });
        const role = await assumeRole(first, STANDALONE_ROLE);
        await first.close();
        const second = await startEmulator({ stateFile });
        try {
            const identity = await stsClient(second, { credentials: role }).send(
                new GetCallerIdentityCommand({}),
            );
            assert.equal(identity.Account, "999988887777");
        } finally {
            await second.close();
        }
    });
});

describe("SessionStore", () => {
    const role = {
        accountId: "111122223333",
        roleArn: ADMIN_ROLE,
        roleName: "InspectorDeployer",
        roleId: "AROAAAAAAAAAAAAAAAAAA",
        sessionName: "s",
        partition: "aws",
    };

    it("keeps expired credentials for a day (to answer ExpiredToken), then forgets them", () => {
        const store = new SessionStore();
        const old = store.issue({ ...role, expiresAt: 1_000 }, 0);
        store.issue({ ...role, expiresAt: 10_000_000_000 }, 1_000 + 24 * 3600 * 1000 - 1);
        assert.ok(store.find(old.accessKeyId));
        store.issue({ ...role, expiresAt: 10_000_000_000 }, 1_000 + 24 * 3600 * 1000);
        assert.equal(store.find(old.accessKeyId), undefined);
        assert.equal(store.issuedCount, 3);
    });

    it("restores what it snapshots and refuses anything else", () => {
        const store = new SessionStore();
        const session = store.issue({ ...role, expiresAt: 5_000 }, 0);
        const copy = new SessionStore();
        copy.restore(JSON.parse(JSON.stringify(store.snapshot())));
        assert.deepEqual(copy.signingKey(session.accessKeyId), {
            accountId: "111122223333",
            secretAccessKey: session.secretAccessKey,
            session: { token: session.sessionToken, expiresAt: 5_000 },
        });
        assert.throws(() => copy.restore({ sessions: [] }), /not a snapshot in format sts-state\/1/);
        assert.throws(() => copy.restore({ format: "sts-state/2", sessions: [] }), /or sts-state\/2/);
    });

    it("restores the list of sessions of older state files (sts-state/1)", () => {
        const store = new SessionStore();
        const session = store.issue({ ...role, expiresAt: 5_000 }, 0);
        const copy = new SessionStore();
        copy.restore({ format: "sts-state/1", sessions: [session] });
        assert.deepEqual(copy.snapshot(), store.snapshot());
    });

    it("tells the state file's journal which sessions were issued and which forgotten", () => {
        const store = new SessionStore();
        const old = store.issue({ ...role, expiresAt: 1_000 }, 0);
        assert.deepEqual(store.takeChanges(), { [old.accessKeyId]: old });
        assert.deepEqual(store.takeChanges(), {});
        const fresh = store.issue({ ...role, expiresAt: 10_000_000_000 }, 1_000 + 24 * 3600 * 1000);
        assert.deepEqual(store.takeChanges(), { [old.accessKeyId]: null, [fresh.accessKeyId]: fresh });
        store.reset();
        assert.deepEqual(store.takeChanges(), { [fresh.accessKeyId]: null });
    });
});
