import assert from "node:assert/strict";
import { RestJsonProtocol } from "../../../emulator/http/rest-json-protocol";
import { errorStatus } from "../../../emulator/model/error-status";
import { loadModel } from "../../../emulator/model/load-model";
import type { ServiceName } from "../../../emulator/service";
import { compilePattern } from "../../../emulator/validation/compile-pattern";

const SERVICES: readonly ServiceName[] = ["inspector2", "inspector", "sts"];

describe("the API models as the emulator reads them", () => {
    it("are parsed once per process", () => {
        assert.equal(loadModel("inspector2"), loadModel("inspector2"));
        assert.equal(loadModel("inspector").metadata.targetPrefix, "InspectorService");
    });

    it("sts: the awsQuery model of API version 2011-06-15, with the operations the emulator serves", () => {
        const model = loadModel("sts");
        assert.equal(model.metadata.protocol, "query");
        assert.equal(model.metadata.apiVersion, "2011-06-15");
        assert.equal(model.metadata.xmlNamespace, "https://sts.amazonaws.com/doc/2011-06-15/");
        assert.equal(model.operations.AssumeRole.output?.resultWrapper, "AssumeRoleResult");
        assert.equal(model.operations.GetCallerIdentity.output?.resultWrapper, "GetCallerIdentityResult");
    });

    for (const service of SERVICES) {
        it(`${service}: every pattern compiles, anchored to the whole value`, () => {
            const patterns = Object.values(loadModel(service).shapes).flatMap((shape) =>
                shape.pattern ? [shape.pattern] : [],
            );
            assert.ok(patterns.length > 0);
            for (const pattern of patterns) {
                const regex = compilePattern(pattern);
                assert.ok(regex.source.startsWith("^(?:") && regex.source.endsWith(")$"), pattern);
            }
        });
    }

    it("inspector2: every operation is routed by its own method and URI", () => {
        const model = loadModel("inspector2");
        const protocol = new RestJsonProtocol("inspector2");
        for (const operation of Object.values(model.operations)) {
            const [template] = operation.http.requestUri.split("?");
            const rawPath = template.replace(/\{[^}]+\}/g, "label-value");
            const match = protocol.route({
                method: operation.http.method,
                rawPath,
                rawQuery: "",
                headers: {},
                body: Buffer.alloc(0),
            });
            assert.equal(match?.operation, operation.name, `${operation.http.method} ${rawPath}`);
        }
    });

    const STATUSES: readonly [service: ServiceName, code: string, status: number][] = [
        ["inspector2", "ValidationException", 400],
        ["inspector2", "AccessDeniedException", 403],
        ["inspector2", "ResourceNotFoundException", 404],
        ["inspector2", "ConflictException", 409],
        ["inspector2", "ThrottlingException", 429],
        ["inspector2", "InternalServerException", 500],
        ["inspector", "InvalidInputException", 400],
        ["inspector", "NoSuchEntityException", 400],
        ["inspector", "AccessDeniedException", 403],
        ["inspector", "InternalException", 500],
        ["inspector", "ServiceTemporarilyUnavailableException", 503],
    ];
    for (const [service, code, status] of STATUSES) {
        it(`${service}: ${code} travels with ${status}`, () =>
            assert.equal(errorStatus(service, code), status));
    }
});
