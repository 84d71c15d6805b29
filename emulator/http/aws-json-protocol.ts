import { loadModel } from "../model/load-model";
import type { ServiceModel } from "../model/service-model";
import type { ServiceName } from "../service";
import { ServiceError } from "../service-error";
import type { ArrivedRequest } from "../signature/verify-signature";
import { parseJsonObject } from "./json-body";
import { withRequestId } from "./request-id";
import type { RouteMatch, WireProtocol, WireResponse } from "./wire-protocol";

const CONTENT_TYPE = "application/x-amz-json-1.1";

/**
 * awsJson1_1 (Inspector Classic): every call is `POST /` naming its operation in `X-Amz-Target:
 * <prefix>.<Operation>`; errors carry their code in the body's `__type`.
 */
export class AwsJsonProtocol implements WireProtocol {
    private readonly model: ServiceModel;
    private readonly targetPrefix: string;

    constructor(readonly service: ServiceName) {
        this.model = loadModel(service);
        this.targetPrefix = `${this.model.metadata.targetPrefix}.`;
    }

    route(request: ArrivedRequest): RouteMatch | undefined {
        if (request.method !== "POST" || request.rawPath !== "/") return undefined;
        const target = request.headers["x-amz-target"] ?? "";
        if (!target.startsWith(this.targetPrefix)) return undefined;
        const operation = target.slice(this.targetPrefix.length);
        if (!Object.hasOwn(this.model.operations, operation)) return undefined;
        return { operation, labels: {} };
    }

    describeTarget(request: ArrivedRequest): string {
        const target = request.headers["x-amz-target"];
        return target ? target : `${request.method} ${request.rawPath} without X-Amz-Target`;
    }

    decodeInput(_match: RouteMatch, request: ArrivedRequest): Record<string, unknown> {
        return parseJsonObject(request.body);
    }

    encodeOutput(_operation: string, output: Record<string, unknown>): WireResponse {
        return {
            status: 200,
            headers: withRequestId({ "content-type": CONTENT_TYPE }),
            body: JSON.stringify(output),
        };
    }

    encodeError(error: ServiceError): WireResponse {
        const body: Record<string, unknown> = { __type: error.code, message: error.message };
        for (const [name, value] of Object.entries(error.members))
            if (value !== undefined) body[name] = value;
        const headers: Record<string, string> = {
            "content-type": CONTENT_TYPE,
            "x-amzn-errortype": error.code,
        };
        for (const [name, value] of Object.entries(error.headers)) headers[name.toLowerCase()] = value;
        return { status: error.statusCode, headers: withRequestId(headers), body: JSON.stringify(body) };
    }

    unknownOperation(request: ArrivedRequest): ServiceError {
        return new ServiceError(
            "UnknownOperationException",
            400,
            `${this.describeTarget(request)} is not an operation of ${this.service}; calls are POST / with ` +
                `X-Amz-Target: ${this.targetPrefix}<Operation>.`,
        );
    }
}
