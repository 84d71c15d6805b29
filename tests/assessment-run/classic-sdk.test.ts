import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    CLASSIC_SDK_INSTALL,
    CLASSIC_SDK_PACKAGE,
    CLASSIC_SDK_RANGE,
    ClassicSdkMissingError,
} from "../../provider/aws/classic-sdk";
import { ASSESSMENT_RUN_TYPE_TOKEN, assessmentRunProvider } from "../../provider/assessment-run/resource";
import { WAIT_POLICY_VARIABLE } from "../../provider/core/context";
import { ENABLEMENT_TYPE_TOKEN, enablementProvider } from "../../provider/enablement/resource";
import {
    createProgramDirectory,
    type DynamicProviderHost,
    HostError,
    packageRoot,
    type Properties,
    resourceUrn,
    serializeDynamicProvider,
    startDynamicProviderHost,
    withProvider,
} from "../support/dynamic-provider-host";
import { PACKAGE_NAME, type ProgramDirectory } from "../support/program-directory";
import { TEST_WAIT_POLICY } from "../support/test-context";
import { MEMBER_A, TEST_DELAYS } from "../enablement/emulator-fixture";
import { useEmulator } from "./emulator-fixture";

/**
 * A user's program directory with this package installed as npm installs it: a copy of its package.json and
 * compiled provider (not a link to this repository, whose node_modules would resolve everything), beside its
 * runtime dependencies. Inspector Classic's SDK, an optional peer dependency, is there only when asked for.
 */
async function userProgram(withClassicSdk: boolean): Promise<ProgramDirectory> {
    const root = packageRoot();
    const program = await createProgramDirectory(root);
    try {
        const installed = path.join(program.path, "node_modules", PACKAGE_NAME);
        await fs.promises.unlink(installed);
        await fs.promises.mkdir(path.join(installed, "dist"), { recursive: true });
        await fs.promises.copyFile(path.join(root, "package.json"), path.join(installed, "package.json"));
        await fs.promises.cp(path.join(root, "dist", "provider"), path.join(installed, "dist", "provider"), {
            recursive: true,
        });
        if (withClassicSdk) {
            const link = path.join(program.path, "node_modules", CLASSIC_SDK_PACKAGE);
            await fs.promises.mkdir(path.dirname(link), { recursive: true });
            await fs.promises.symlink(path.join(root, "node_modules", CLASSIC_SDK_PACKAGE), link, "dir");
        }
        return program;
    } catch (error) {
        await program.remove();
        throw error;
    }
}

/** Where the installed package's modules find the SDK, or undefined when they cannot. */
function classicSdkSeenFrom(program: ProgramDirectory): string | undefined {
    const from = path.join(program.path, "node_modules", PACKAGE_NAME, "dist", "provider", "aws");
    try {
        return require.resolve(CLASSIC_SDK_PACKAGE, { paths: [from] });
    } catch {
        return undefined;
    }
}

describe("Inspector Classic's SDK, an optional peer dependency, as the engine runs the provider", function () {
    // Two provider hosts start, each in a program directory with a copy of the compiled provider.
    this.timeout(120_000);
    const fixture = useEmulator({ delays: TEST_DELAYS });
    const programs: { missing?: ProgramDirectory; installed?: ProgramDirectory } = {};
    const hosts: { missing?: DynamicProviderHost; installed?: DynamicProviderHost } = {};
    let runProvider: string;
    let enablement: string;
    const runUrn = resourceUrn("release-scan", ASSESSMENT_RUN_TYPE_TOKEN);

    before(async () => {
        runProvider = await serializeDynamicProvider(assessmentRunProvider);
        enablement = await serializeDynamicProvider(enablementProvider);
        programs.missing = await userProgram(false);
        programs.installed = await userProgram(true);
        const env = { ...fixture.emulator.env, [WAIT_POLICY_VARIABLE]: JSON.stringify(TEST_WAIT_POLICY) };
        for (const which of ["missing", "installed"] as const) {
            hosts[which] = await startDynamicProviderHost({ cwd: programs[which]!.path, env });
            await hosts[which]!.configure({ "aws:region": "us-east-1" });
        }
    });
    after(async () => {
        for (const which of ["missing", "installed"] as const) {
            await hosts[which]?.close();
            await programs[which]?.remove();
        }
    });

    const missing = () => hosts.missing!;
    const installed = () => hosts.installed!;
    const runInputs = (args: Properties = {}) =>
        withProvider(runProvider, {
            assessmentTemplateArn: fixture.emulator.templateArn,
            resourceUrn: runUrn,
            ...args,
        });
    const classicCalls = () => fixture.emulator.admin.calls().filter((call) => call.service === "inspector");

    /** The host's error for `call`, which must fail. */
    async function failure(call: () => Promise<unknown>): Promise<HostError> {
        const error = await call().then(
            () => assert.fail("the call succeeded"),
            (error: unknown) => error,
        );
        assert.ok(error instanceof HostError, String(error));
        return error;
    }

    /** The message names the package, the versions and the install command. */
    function assertMissingMessage(error: HostError): void {
        const expected = new ClassicSdkMissingError().message;
        assert.ok(error.message.includes(expected), error.message);
        for (const part of [CLASSIC_SDK_PACKAGE, CLASSIC_SDK_RANGE, CLASSIC_SDK_INSTALL])
            assert.ok(error.message.includes(part), part);
        assert.equal(CLASSIC_SDK_INSTALL, "npm install @aws-sdk/client-inspector@^3.523.0");
    }

    it("sets up the two installs: the SDK resolves from the installed package only when linked", () => {
        assert.equal(classicSdkSeenFrom(programs.missing!), undefined);
        const seen = classicSdkSeenFrom(programs.installed!);
        assert.ok(seen?.includes(path.join("node_modules", "@aws-sdk", "client-inspector")), seen);
        // The hosts load the copies, not this repository's dist/.
        for (const program of [programs.missing!, programs.installed!]) {
            const copy = path.join(program.path, "node_modules", PACKAGE_NAME);
            assert.equal(fs.lstatSync(copy).isSymbolicLink(), false);
            assert.ok(fs.existsSync(path.join(copy, "dist", "provider", "aws", "classic-sdk.js")));
        }
    });

    it("installed: check passes and create starts the run", async () => {
        const { inputs, failures } = await installed().check(runUrn, {}, runInputs());
        assert.deepEqual(failures, []);
        const { id, outs } = await installed().create(runUrn, inputs);
        assert.match(id, /^arn:aws:inspector:us-east-1:\d{12}:target\/.+\/run\/.+$/);
        assert.equal(outs.assessmentRunArn, id);
        assert.equal(classicCalls().filter((call) => call.operation === "StartAssessmentRun").length, 1);
    });

    it("missing: the preview (check) of an AssessmentRun fails with the message, before any call", async () => {
        assertMissingMessage(await failure(() => missing().check(runUrn, {}, runInputs())));
        // An update's preview as well (the recorded inputs as olds).
        const olds = { assessmentTemplateArn: fixture.emulator.templateArn, resourceUrn: runUrn };
        assertMissingMessage(await failure(() => missing().check(runUrn, olds, runInputs())));
        assert.deepEqual(fixture.emulator.admin.calls(), []);
    });

    it("missing: create fails with the message and starts nothing", async () => {
        // The checked inputs of a host that has the SDK, as a program whose SDK went away after preview.
        const { inputs } = await installed().check(runUrn, {}, runInputs());
        assertMissingMessage(await failure(() => missing().create(runUrn, inputs)));
        assert.deepEqual(classicCalls(), []);
    });

    it("missing: refresh and destroy of a run recorded earlier fail with the message and leave it", async () => {
        const { inputs } = await installed().check(runUrn, {}, runInputs({ deleteOnDestroy: true }));
        const { id, outs } = await installed().create(runUrn, inputs);
        const before = classicCalls().length;
        assertMissingMessage(await failure(() => missing().read(id, runUrn, outs, inputs)));
        assertMissingMessage(await failure(() => missing().delete(id, runUrn, outs)));
        assert.equal(classicCalls().length, before);
        assert.deepEqual(
            fixture.emulator.admin.calls().filter((call) => call.operation === "DeleteAssessmentRun"),
            [],
        );
    });

    it("missing: InspectorEnablement works in the same host, without the SDK", async () => {
        const urn = resourceUrn("scanning", ENABLEMENT_TYPE_TOKEN);
        const { inputs, failures } = await missing().check(
            urn,
            {},
            withProvider(enablement, { resourceUrn: urn, resourceTypes: ["EC2"], accountIds: [MEMBER_A] }),
        );
        assert.deepEqual(failures, []);
        const { id } = await missing().create(urn, inputs);
        assert.ok(id.length > 0, id);
        const enables = fixture.emulator.admin.calls().filter((call) => call.operation === "Enable");
        assert.equal(enables.length, 1);
        assert.deepEqual(classicCalls(), []);
    });
});
