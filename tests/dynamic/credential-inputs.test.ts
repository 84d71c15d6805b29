import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { ASSESSMENT_RUN_TYPE_TOKEN, assessmentRunProvider } from "../../provider/assessment-run/resource";
import { ENABLEMENT_TYPE_TOKEN, enablementProvider } from "../../provider/enablement/resource";
import {
    checkAssumeRole,
    checkCredentialInputs,
    checkProfile,
    parseDuration,
    resourceCredentials,
} from "../../provider/dynamic/credential-inputs";
import { InputCheck, UNKNOWN } from "../../provider/dynamic/check";
import {
    HostError,
    resourceUrn,
    serializeDynamicProvider,
    startDynamicProviderHost,
    withProvider,
    type DynamicProviderHost,
    type Properties,
} from "../support/dynamic-provider-host";

/** Runs one validator on a fresh check; returns its value and the failures. */
function run<T>(validate: (check: InputCheck) => T): { value: T; failures: string[] } {
    const check = new InputCheck();
    const value = validate(check);
    return { value, failures: check.failures.map((failure) => `${failure.property}: ${failure.reason}`) };
}

const ROLE = "arn:aws:iam::999988887777:role/InspectorDeployer";

describe("the credential inputs (profile, assumeRole) through the check kit", () => {
    describe("profile", () => {
        const accepted: [unknown, unknown][] = [
            ["standalone", "standalone"],
            ["my profile.with-dots_1", "my profile.with-dots_1"],
            [undefined, undefined],
            [null, undefined],
            ["", undefined],
            [UNKNOWN, UNKNOWN],
        ];
        for (const [value, expected] of accepted) {
            it(`accepts ${String(value)}`, () => {
                assert.deepEqual(
                    run((check) => checkProfile(check, "profile", value)),
                    {
                        value: expected,
                        failures: [],
                    },
                );
            });
        }
        const refused: unknown[] = [" padded", "[brackets]", "two\nlines", 42, ["a"]];
        for (const value of refused) {
            it(`refuses ${JSON.stringify(value)}, naming the property, the value and the rule`, () => {
                const { value: checked, failures } = run((check) => checkProfile(check, "profile", value));
                assert.equal(checked, undefined);
                assert.equal(failures.length, 1);
                assert.match(
                    failures[0],
                    /^profile: profile .* is not a profile name: give the name of a profile/,
                );
            });
        }
    });

    describe("assumeRole", () => {
        const accepted: [string, unknown, unknown][] = [
            ["a role ARN alone", { roleArn: ROLE }, { roleArn: ROLE }],
            [
                "every setting",
                { roleArn: ROLE, sessionName: "ci@build.42", externalId: "ext-id:1/2", durationSeconds: 900 },
                { roleArn: ROLE, sessionName: "ci@build.42", externalId: "ext-id:1/2", durationSeconds: 900 },
            ],
            ["a role with a path", { roleArn: "arn:aws:iam::123456789012:role/a/b/Deployer" }, undefined],
            ["a GovCloud role", { roleArn: "arn:aws-us-gov:iam::123456789012:role/Deployer" }, undefined],
            ["the longest session", { roleArn: ROLE, durationSeconds: 43_200 }, undefined],
            ["an unknown ARN", { roleArn: UNKNOWN }, { roleArn: UNKNOWN }],
            ["an unknown object", UNKNOWN, UNKNOWN],
            ["nothing", undefined, undefined],
        ];
        for (const [name, value, expected] of accepted) {
            it(`accepts ${name}`, () => {
                const { value: checked, failures } = run((check) =>
                    checkAssumeRole(check, "assumeRole", value),
                );
                assert.deepEqual(failures, []);
                assert.deepEqual(checked, expected === undefined && value !== undefined ? value : expected);
            });
        }

        const refused: [string, unknown, string[]][] = [
            [
                "a string",
                ROLE,
                [
                    `assumeRole: assumeRole "${ROLE}" is not an object: give { roleArn: ` +
                        '"arn:aws:iam::123456789012:role/InspectorDeployer" } with any of sessionName, externalId or ' +
                        "durationSeconds",
                ],
            ],
            [
                "no role ARN",
                { sessionName: "ci" },
                [
                    "assumeRole.roleArn: assumeRole.roleArn is missing: give the ARN of the role to assume, such as " +
                        "arn:aws:iam::123456789012:role/InspectorDeployer",
                ],
            ],
            [
                "a user ARN",
                { roleArn: "arn:aws:iam::999988887777:user/alice" },
                [
                    'assumeRole.roleArn: assumeRole.roleArn "arn:aws:iam::999988887777:user/alice" is not an IAM ' +
                        "role ARN: use arn:aws:iam::<12-digit account ID>:role/<name>, such as " +
                        "arn:aws:iam::123456789012:role/InspectorDeployer",
                ],
            ],
            [
                "an account ID of 11 digits",
                { roleArn: "arn:aws:iam::99998888777:role/X" },
                [/is not an IAM role ARN/.source],
            ],
            [
                "a session name of one character",
                { roleArn: ROLE, sessionName: "x" },
                [
                    'assumeRole.sessionName: assumeRole.sessionName "x" is not a session name: use 2 to 64 letters, ' +
                        "digits and +=,.@_-",
                ],
            ],
            [
                "a session name with a space",
                { roleArn: ROLE, sessionName: "my session" },
                [/is not a session name/.source],
            ],
            [
                "a session name of 65 characters",
                { roleArn: ROLE, sessionName: "s".repeat(65) },
                [/is not a session name/.source],
            ],
            [
                "an external ID with a space",
                { roleArn: ROLE, externalId: "a b" },
                [
                    'assumeRole.externalId: assumeRole.externalId "a b" is not an external ID: use 2 to 1224 ' +
                        "letters, digits and +=,.@:/_-",
                ],
            ],
            [
                "a session shorter than 15 minutes",
                { roleArn: ROLE, durationSeconds: 899 },
                [
                    "assumeRole.durationSeconds: assumeRole.durationSeconds 899 is not allowed: use a whole number of " +
                        "seconds from 900 to 43200",
                ],
            ],
            [
                "a session longer than 12 hours",
                { roleArn: ROLE, durationSeconds: 43_201 },
                [/from 900 to 43200/.source],
            ],
            [
                "a fraction of a second",
                { roleArn: ROLE, durationSeconds: 1000.5 },
                [/from 900 to 43200/.source],
            ],
            [
                "a misspelt setting",
                { roleArn: ROLE, sesionName: "ci" },
                [
                    "assumeRole.sesionName: assumeRole.sesionName is not a setting of assumeRole: did you mean sessionName?",
                ],
            ],
            [
                "a stack-only setting on a resource",
                { roleArn: ROLE, policy: "{}" },
                [
                    "assumeRole.policy: assumeRole.policy is not a setting of assumeRole; its settings are roleArn, " +
                        "sessionName, externalId or durationSeconds",
                ],
            ],
        ];
        for (const [name, value, expected] of refused) {
            it(`refuses ${name}`, () => {
                const { value: checked, failures } = run((check) =>
                    checkAssumeRole(check, "assumeRole", value),
                );
                assert.equal(checked, undefined);
                assert.equal(failures.length, expected.length, failures.join("\n"));
                failures.forEach((failure, index) => {
                    const want = expected[index];
                    if (want.startsWith("assumeRole")) assert.equal(failure, want);
                    else assert.match(failure, new RegExp(want));
                });
            });
        }

        it("takes @pulumi/aws's other settings in the stack's config, and duration as a Go duration", () => {
            const { value, failures } = run((check) =>
                checkAssumeRole(
                    check,
                    "aws:assumeRole",
                    {
                        roleArn: ROLE,
                        duration: "1h30m",
                        policy: '{"Version":"2012-10-17"}',
                        policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                        tags: { team: "security" },
                        transitiveTagKeys: ["team"],
                        sourceIdentity: "alice",
                    },
                    { stack: true },
                ),
            );
            assert.deepEqual(failures, []);
            assert.deepEqual(value, {
                roleArn: ROLE,
                durationSeconds: 5400,
                policy: '{"Version":"2012-10-17"}',
                policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                tags: { team: "security" },
                transitiveTagKeys: ["team"],
                sourceIdentity: "alice",
            });
        });

        it("refuses a duration out of range and both duration settings at once", () => {
            assert.deepEqual(
                run((check) =>
                    checkAssumeRole(
                        check,
                        "aws:assumeRole",
                        { roleArn: ROLE, duration: "5m" },
                        { stack: true },
                    ),
                ).failures,
                [
                    'aws:assumeRole.duration: aws:assumeRole.duration "5m" is not allowed: use a duration from 15m to ' +
                        '12h, such as "1h" or "1h30m"',
                ],
            );
            assert.deepEqual(
                run((check) =>
                    checkAssumeRole(
                        check,
                        "aws:assumeRole",
                        { roleArn: ROLE, duration: "1h", durationSeconds: 3600 },
                        { stack: true },
                    ),
                ).failures,
                [
                    "aws:assumeRole.duration: aws:assumeRole.duration and aws:assumeRole.durationSeconds are both " +
                        "set: keep one",
                ],
            );
        });
    });

    describe("Go durations", () => {
        const cases: [string, number | undefined][] = [
            ["1h", 3600],
            ["15m", 900],
            ["1h30m", 5400],
            ["90s", 90],
            ["1.5h", 5400],
            ["3600000ms", 3600],
            ["1 hour", undefined],
            ["", undefined],
            ["60", undefined],
        ];
        for (const [text, seconds] of cases) {
            it(`${JSON.stringify(text)} is ${seconds}`, () => assert.equal(parseDuration(text), seconds));
        }
    });

    describe("both inputs together", () => {
        it("sets the checked inputs and adds the stack's problems under their keys", () => {
            const check = new InputCheck();
            checkCredentialInputs(
                check,
                { profile: "standalone", assumeRole: { roleArn: ROLE } },
                {
                    problems: [
                        {
                            property: "aws:secretKey",
                            reason: "aws:accessKey is set but aws:secretKey is not",
                        },
                    ],
                },
            );
            assert.deepEqual(check.inputs, { profile: "standalone", assumeRole: { roleArn: ROLE } });
            assert.deepEqual(check.failures, [
                { property: "aws:secretKey", reason: "aws:accessKey is set but aws:secretKey is not" },
            ]);
        });

        it("leaves both out when absent", () => {
            const check = new InputCheck();
            checkCredentialInputs(check, {}, {});
            assert.deepEqual(check.inputs, {});
            assert.deepEqual(check.failures, []);
        });
    });

    describe("reading them back from properties", () => {
        const cases: [string, Record<string, unknown>, unknown][] = [
            ["none", { region: "us-east-1" }, {}],
            ["a profile", { profile: "p" }, { profile: "p" }],
            ["a role", { assumeRole: { roleArn: ROLE } }, { assumeRole: { roleArn: ROLE } }],
            ["an unknown role (never used)", { assumeRole: UNKNOWN, profile: "" }, {}],
        ];
        for (const [name, props, expected] of cases) {
            it(name, () => assert.deepEqual(resourceCredentials(props), expected));
        }
    });
});

describe("the credential inputs through the dynamic-provider host, with zero API calls", function () {
    // Starting a provider host takes a second or two on a busy machine; configure runs once per host.
    this.timeout(60_000);
    let emulator: RunningEmulator;
    let providers: { enablement: string; run: string };
    before(async () => {
        emulator = await startEmulator({});
        providers = {
            enablement: await serializeDynamicProvider(enablementProvider),
            run: await serializeDynamicProvider(assessmentRunProvider),
        };
    });
    after(() => emulator?.close());

    /** Each resource's program inputs: valid ones, plus `extra`. */
    const resources = () =>
        [
            {
                name: "InspectorEnablement",
                urn: resourceUrn("scanning", ENABLEMENT_TYPE_TOKEN),
                props: (extra: Properties) =>
                    withProvider(providers.enablement, {
                        resourceTypes: ["EC2"],
                        resourceUrn: resourceUrn("scanning", ENABLEMENT_TYPE_TOKEN),
                        ...extra,
                    }),
            },
            {
                name: "AssessmentRun",
                urn: resourceUrn("run", ASSESSMENT_RUN_TYPE_TOKEN),
                props: (extra: Properties) =>
                    withProvider(providers.run, {
                        assessmentTemplateArn: emulator.templateArn,
                        resourceUrn: resourceUrn("run", ASSESSMENT_RUN_TYPE_TOKEN),
                        ...extra,
                    }),
            },
        ] as const;

    describe("with valid stack settings", () => {
        let host: DynamicProviderHost;
        before(async () => {
            host = await startDynamicProviderHost({ env: emulator.env });
            await host.configure({ "aws:region": "us-east-1", "aws:profile": "standalone" });
        });
        after(() => host?.close());

        const refused: [string, Properties, { property: string; reason: RegExp }[]][] = [
            [
                "a profile that is not text",
                { profile: 42 },
                [{ property: "profile", reason: /^profile 42 is not a profile name/ }],
            ],
            [
                "a role that is not an ARN",
                { assumeRole: { roleArn: "InspectorDeployer" } },
                [
                    {
                        property: "assumeRole.roleArn",
                        reason: /^assumeRole.roleArn "InspectorDeployer" is not an IAM role ARN/,
                    },
                ],
            ],
            [
                "a session too short and a misspelt setting",
                { assumeRole: { roleArn: ROLE, durationSeconds: 60, externalID: "abc" } },
                [
                    { property: "assumeRole.externalID", reason: /did you mean externalId\?$/ },
                    { property: "assumeRole.durationSeconds", reason: /from 900 to 43200$/ },
                ],
            ],
            [
                "a misspelt input",
                { assumeRoleArn: ROLE },
                [
                    {
                        property: "assumeRoleArn",
                        reason: /^assumeRoleArn is not a property of this resource: did you mean assumeRole\?$/,
                    },
                ],
            ],
        ];
        for (const resource of resources()) {
            for (const [name, extra, expected] of refused) {
                it(`${resource.name} refuses ${name}`, async () => {
                    const { failures } = await host.check(resource.urn, {}, resource.props(extra));
                    assert.equal(failures.length, expected.length, JSON.stringify(failures));
                    expected.forEach(({ property, reason }, index) => {
                        assert.equal(failures[index].property, property);
                        assert.match(failures[index].reason, reason);
                    });
                    assert.deepEqual(emulator.admin.calls(), []);
                });
            }

            it(`${resource.name} keeps valid ones in its inputs as given, and unknown ones as unknown`, async () => {
                const role = { roleArn: ROLE, sessionName: "ci", externalId: "ext-1", durationSeconds: 900 };
                const { inputs, failures } = await host.check(
                    resource.urn,
                    {},
                    resource.props({ profile: "admin", assumeRole: role }),
                );
                assert.deepEqual(failures, []);
                assert.equal(inputs.profile, "admin");
                assert.deepEqual(inputs.assumeRole, role);
                const preview = await host.check(
                    resource.urn,
                    {},
                    resource.props({ assumeRole: { roleArn: UNKNOWN } }),
                );
                assert.deepEqual(preview.failures, []);
                assert.deepEqual(preview.inputs.assumeRole, { roleArn: UNKNOWN });
                assert.deepEqual(emulator.admin.calls(), []);
            });
        }
    });

    describe("with invalid stack settings", () => {
        let host: DynamicProviderHost;
        before(async () => {
            host = await startDynamicProviderHost({ env: emulator.env });
            await host.configure({
                "aws:region": "us-east-1",
                "aws:accessKey": "AKIAI44QH8DHBEXAMPLE",
                "aws:assumeRole": JSON.stringify({ roleArn: ROLE, duration: "2d" }),
            });
        });
        after(() => host?.close());

        for (const resource of resources()) {
            it(`${resource.name} reports the stack's problems at check, under their keys`, async () => {
                const { failures } = await host.check(resource.urn, {}, resource.props({}));
                assert.deepEqual(failures, [
                    {
                        property: "aws:secretKey",
                        reason:
                            "aws:accessKey is set but aws:secretKey is not: set both, the secret one with pulumi " +
                            "config set --secret",
                    },
                    {
                        property: "aws:assumeRole.duration",
                        reason:
                            'aws:assumeRole.duration "2d" is not allowed: use a duration from 15m to 12h, such as ' +
                            '"1h" or "1h30m"',
                    },
                ]);
                assert.deepEqual(emulator.admin.calls(), []);
            });
        }

        it("fails a create with them before any call", async () => {
            const [enablement] = resources();
            await assert.rejects(
                host.create(
                    enablement.urn,
                    enablement.props({
                        region: "us-east-1",
                        clientToken: "t",
                        waitForEnabled: true,
                        waitTimeoutSeconds: 60,
                        pollIntervalSeconds: 1,
                    }),
                ),
                (error: unknown) => {
                    assert.ok(error instanceof HostError);
                    assert.ok(
                        error.message.includes(
                            "The stack's AWS credential settings are invalid: aws:accessKey is set but aws:secretKey is " +
                                "not: set both, the secret one with pulumi config set --secret; aws:assumeRole.duration " +
                                '"2d" is not allowed: use a duration from 15m to 12h, such as "1h" or "1h30m". Fix them ' +
                                "with pulumi config set.",
                        ),
                        error.message,
                    );
                    return true;
                },
            );
            assert.deepEqual(emulator.admin.calls(), []);
        });
    });
});
