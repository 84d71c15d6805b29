import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import {
    HostError,
    PROVIDER_KEY,
    packageRoot,
    resourceUrn,
    serializeDynamicProvider,
    startDynamicProviderHost,
    withProvider,
    type DynamicProviderHost,
    type Properties,
} from "./dynamic-provider-host";
import { FAIL_AFTER_WRITE } from "./fixtures/note-lifecycle";
import { NOTE_LIFECYCLE, noteProvider } from "./fixtures/note-provider";

/** Bound for a thin provider's `__provider` text (about 2,200 characters today): state stores it per resource. */
const THIN_PROVIDER_MAX_CHARS = 3_000;

describe("dynamic provider host", () => {
    let host: DynamicProviderHost;
    let notes: string;
    let provider: string;

    before(async () => {
        notes = await fs.promises.mkdtemp(path.join(os.tmpdir(), "notes-"));
        host = await startDynamicProviderHost({ env: { NOTES_DIRECTORY: notes } });
        provider = await serializeDynamicProvider(noteProvider());
        await host.configure({ "aws:region": "eu-west-3" });
    });

    after(async () => {
        await host?.close();
        await fs.promises.rm(notes, { recursive: true, force: true });
    });

    /** Check then create, as the engine does for a new resource. */
    async function createNote(title: string, text: string) {
        const urn = resourceUrn(title);
        const { inputs, failures } = await host.check(urn, {}, withProvider(provider, { title, text }));
        assert.deepEqual(failures, []);
        return { urn, inputs, ...(await host.create(urn, inputs)) };
    }

    it("serialises a thin provider to a short text that requires the adapter and the lifecycle by package name", () => {
        assert.ok(provider.length < THIN_PROVIDER_MAX_CHARS, `__provider is ${provider.length} characters`);
        assert.ok(provider.includes(JSON.stringify(NOTE_LIFECYCLE)), provider);
        assert.ok(
            provider.includes(JSON.stringify("pulumi-inspector/dist/provider/dynamic/adapter.js")),
            provider,
        );
        assert.ok(!provider.includes("writeFile"), "the implementation was captured into __provider");
    });

    it("check returns the provider's failures and inputs that carry __provider", async () => {
        const { inputs, failures } = await host.check(
            resourceUrn("bad"),
            {},
            withProvider(provider, { title: "Bad Title", text: 7 }),
        );
        assert.deepEqual(failures, [
            { property: "title", reason: 'title "Bad Title" must be lower-case letters, digits and dashes' },
            { property: "text", reason: "text 7 must be a string" },
        ]);
        assert.deepEqual(inputs, { title: "Bad Title", text: 7, [PROVIDER_KEY]: provider });
    });

    it("create runs the provider with the stack config handed to configure", async () => {
        const { id, outs } = await createNote("configured", "hello");
        assert.equal(id, "configured");
        const file = path.join(notes, "configured.txt");
        assert.deepEqual(outs, {
            title: "configured",
            text: "hello",
            path: file,
            region: "eu-west-3",
            [PROVIDER_KEY]: provider,
        });
        assert.equal(await fs.promises.readFile(file, "utf8"), "hello");
    });

    it("diff reports replacement when the title changes and an update when only the text does", async () => {
        const { id, urn, outs } = await createNote("diffed", "one");
        const renamed = await host.diff(
            id,
            urn,
            outs,
            withProvider(provider, { title: "renamed", text: "one" }),
        );
        assert.equal(renamed.changes, "some");
        assert.deepEqual(renamed.replaces, ["title"]);
        assert.equal(renamed.deleteBeforeReplace, true);
        const edited = await host.diff(
            id,
            urn,
            outs,
            withProvider(provider, { title: "diffed", text: "two" }),
        );
        assert.equal(edited.changes, "some");
        assert.deepEqual(edited.replaces, []);
        const same = await host.diff(id, urn, outs, withProvider(provider, { title: "diffed", text: "one" }));
        assert.equal(same.changes, "none");
    });

    it("read returns what exists now, and an empty id once the resource is gone", async () => {
        const { id, urn, inputs, outs } = await createNote("drifted", "before");
        await fs.promises.writeFile(path.join(notes, "drifted.txt"), "changed outside");
        const refreshed = await host.read(id, urn, outs, inputs);
        assert.equal(refreshed.id, "drifted");
        assert.equal(refreshed.props.text, "changed outside");
        assert.equal(refreshed.props[PROVIDER_KEY], provider);
        await fs.promises.unlink(path.join(notes, "drifted.txt"));
        assert.equal((await host.read(id, urn, outs, inputs)).id, "");
    });

    it("update rewrites the resource and returns the new outputs", async () => {
        const { id, urn, outs } = await createNote("updated", "first");
        const { inputs } = await host.check(
            urn,
            outs,
            withProvider(provider, { title: "updated", text: "second" }),
        );
        const updated = await host.update(id, urn, outs, inputs);
        assert.equal(updated.outs.text, "second");
        assert.equal(updated.outs[PROVIDER_KEY], provider);
        assert.equal(await fs.promises.readFile(path.join(notes, "updated.txt"), "utf8"), "second");
    });

    it("delete removes the resource, using the __provider stored in its outputs", async () => {
        const { id, urn, outs } = await createNote("deleted", "bye");
        await host.delete(id, urn, outs);
        assert.equal(fs.existsSync(path.join(notes, "deleted.txt")), false);
    });

    it("a create that did part of its work surfaces the id, properties and reasons the engine keeps", async () => {
        const urn = resourceUrn("partial");
        const { inputs } = await host.check(
            urn,
            {},
            withProvider(provider, { title: "partial", text: FAIL_AFTER_WRITE }),
        );
        const file = path.join(notes, "partial.txt");
        await assert.rejects(host.create(urn, inputs), (error: unknown) => {
            assert.ok(error instanceof HostError);
            assert.equal(error.code, grpc.status.UNKNOWN);
            assert.equal(error.message, "note partial was written but not confirmed");
            assert.deepEqual(error.initFailure, {
                id: "partial",
                properties: {
                    title: "partial",
                    text: FAIL_AFTER_WRITE,
                    path: file,
                    region: "eu-west-3",
                    [PROVIDER_KEY]: provider,
                },
                reasons: ["note partial was written but not confirmed"],
            });
            return true;
        });
        assert.ok(fs.existsSync(file));
    });

    it("deletes a partly created resource from the properties its failure carried", async () => {
        const urn = resourceUrn("partial-then-deleted");
        const news = withProvider(provider, { title: "partial-then-deleted", text: FAIL_AFTER_WRITE });
        const { inputs } = await host.check(urn, {}, news);
        const failure = await host.create(urn, inputs).then(
            () => assert.fail("create should have failed"),
            (error: HostError) => error.initFailure!,
        );
        await host.delete(failure.id, urn, failure.properties);
        assert.equal(fs.existsSync(path.join(notes, "partial-then-deleted.txt")), false);
    });

    it("cannot delete from outputs that lost __provider, which is why partial failures must keep it", async () => {
        const { id, urn, outs } = await createNote("lost-provider", "x");
        const withoutProvider = { ...outs };
        delete withoutProvider[PROVIDER_KEY];
        await assert.rejects(host.delete(id, urn, withoutProvider), (error: unknown) => {
            assert.ok(error instanceof HostError);
            assert.equal(error.message, "code must be a string, not undefined");
            return true;
        });
        assert.ok(fs.existsSync(path.join(notes, "lost-provider.txt")));
    });

    it("a failing call surfaces the provider's message without an init failure", async () => {
        await assert.rejects(
            host.delete("never-created", resourceUrn("never-created"), { [PROVIDER_KEY]: provider }),
            (error: unknown) => {
                assert.ok(error instanceof HostError);
                assert.match(error.message, /ENOENT.*never-created\.txt/);
                assert.equal(error.initFailure, undefined);
                return true;
            },
        );
    });

    it("captures pulumi.log messages from the provider as the engine shows them", async () => {
        const { id, urn, outs } = await createNote("logged", "text");
        assert.deepEqual(await host.waitForLog("created note logged"), {
            severity: "info",
            message: "created note logged",
            via: "console",
        });
        await host.delete(id, urn, outs);
        assert.deepEqual(await host.waitForLog("deleted note logged"), {
            severity: "warning",
            message: "deleted note logged",
            via: "console",
        });
    });

    it("requires the full file name: export patterns add no .js extension", async () => {
        const withoutExtension = await serializeDynamicProvider(
            noteProvider(NOTE_LIFECYCLE.replace(/\.js$/, "")),
        );
        await assert.rejects(
            host.check(
                resourceUrn("no-extension"),
                {},
                withProvider(withoutExtension, { title: "a", text: "b" }),
            ),
            /Cannot find module '[^']*note-lifecycle'/,
        );
    });
});

describe("dynamic provider host connected to the fake engine", () => {
    let host: DynamicProviderHost;
    let notes: string;

    before(async () => {
        notes = await fs.promises.mkdtemp(path.join(os.tmpdir(), "notes-"));
        host = await startDynamicProviderHost({ connectEngine: true, env: { NOTES_DIRECTORY: notes } });
        await host.configure({});
    });

    after(async () => {
        await host?.close();
        await fs.promises.rm(notes, { recursive: true, force: true });
    });

    it("receives pulumi.log messages through the engine's Log call", async () => {
        const provider = await serializeDynamicProvider(noteProvider());
        const urn = resourceUrn("via-engine");
        const { inputs } = await host.check(
            urn,
            {},
            withProvider(provider, { title: "via-engine", text: "x" }),
        );
        await host.create(urn, inputs);
        assert.deepEqual(await host.waitForLog(/^created note via-engine$/), {
            severity: "info",
            message: "created note via-engine",
            via: "engine",
        });
    });
});

describe("dynamic provider host started in the repository root", () => {
    let host: DynamicProviderHost;

    before(async () => {
        host = await startDynamicProviderHost({ cwd: packageRoot() });
    });

    after(() => host?.close());

    it("cannot resolve the package by its own name: the host's require has no file to self-reference from", async () => {
        const provider = await serializeDynamicProvider(noteProvider());
        await host.configure({});
        await assert.rejects(
            host.check(resourceUrn("self"), {}, withProvider(provider, { title: "self", text: "x" })),
            (error: unknown) =>
                error instanceof HostError && /Cannot find module 'pulumi-inspector\//.test(error.message),
        );
    });

    it("stops the host process on close, and closing twice is harmless", async () => {
        const pid = host.pid;
        await host.close();
        await host.close();
        assert.throws(() => process.kill(pid, 0), { code: "ESRCH" });
    });
});

describe("startDynamicProviderHost's program directory", () => {
    it("is removed on close", async () => {
        const host = await startDynamicProviderHost();
        const linked = path.join(host.cwd, "node_modules", "pulumi-inspector", "package.json");
        assert.equal(
            (JSON.parse(await fs.promises.readFile(linked, "utf8")) as Properties).name,
            "pulumi-inspector",
        );
        await host.close();
        assert.equal(fs.existsSync(host.cwd), false);
    });
});
