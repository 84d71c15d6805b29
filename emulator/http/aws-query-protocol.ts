import { randomUUID } from "node:crypto";
import { loadModel } from "../model/load-model";
import type { ServiceModel, ShapeReference } from "../model/service-model";
import type { ServiceName } from "../service";
import { ServiceError } from "../service-error";
import type { ArrivedRequest, AuthErrorCodes } from "../signature/verify-signature";
import { withRequestId } from "./request-id";
import type { RouteMatch, WireProtocol, WireResponse } from "./wire-protocol";

const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
const XML_CONTENT_TYPE = "text/xml";
/** Deeper nesting than any STS input has; stops hostile parameter names from recursing without end. */
const MAX_DEPTH = 16;

/**
 * awsQuery (STS): `POST /` with a form body `Action=<Operation>&Version=<API version>&<parameters>` (or the same
 * in a GET query); answers are XML, `<Operation>Response` around the model's result wrapper, and errors are
 * `<ErrorResponse>` documents naming the code.
 */
export class AwsQueryProtocol implements WireProtocol {
    private readonly model: ServiceModel;
    private readonly version: string;
    private readonly namespace: string;

    /** STS's own codes for authentication failures. */
    readonly authErrorCodes: AuthErrorCodes = {
        missing: "MissingAuthenticationToken",
        incomplete: "IncompleteSignature",
        unrecognized: "InvalidClientTokenId",
        signature: "SignatureDoesNotMatch",
        expired: "ExpiredToken",
    };

    constructor(readonly service: ServiceName) {
        this.model = loadModel(service);
        this.version = this.model.metadata.apiVersion ?? "";
        this.namespace = this.model.metadata.xmlNamespace ?? "";
    }

    /** Whether a request on the shared address is an awsQuery call: a form body, or a GET naming an Action. */
    static addresses(request: ArrivedRequest): boolean {
        const contentType = request.headers["content-type"] ?? "";
        if (contentType.toLowerCase().startsWith(FORM_CONTENT_TYPE)) return true;
        return request.method === "GET" && new URLSearchParams(request.rawQuery).has("Action");
    }

    route(request: ArrivedRequest): RouteMatch | undefined {
        const parameters = this.parameters(request);
        const action = parameters?.get("Action");
        if (!parameters || !action || parameters.get("Version") !== this.version) return undefined;
        if (!Object.hasOwn(this.model.operations, action)) return undefined;
        return { operation: action, labels: {} };
    }

    describeTarget(request: ArrivedRequest): string {
        const action = this.parameters(request)?.get("Action");
        return action ? `Action=${action}` : `${request.method} ${request.rawPath} without Action`;
    }

    decodeInput(match: RouteMatch, request: ArrivedRequest): Record<string, unknown> {
        const parameters = this.parameters(request) ?? new URLSearchParams();
        const inputShape = this.model.operations[match.operation].input?.shape;
        return inputShape ? this.readStructure(inputShape, "", parameters, 0) : {};
    }

    encodeOutput(operation: string, output: Record<string, unknown>): WireResponse {
        const requestId = randomUUID();
        const outputReference = this.model.operations[operation].output;
        const members = outputReference ? this.membersXml(outputReference.shape, output) : "";
        const wrapper = outputReference?.resultWrapper;
        const result = wrapper ? `<${wrapper}>${members}</${wrapper}>` : members;
        const body =
            `<${operation}Response xmlns="${this.namespace}">${result}` +
            `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
        return {
            status: 200,
            headers: withRequestId({ "content-type": XML_CONTENT_TYPE }, requestId),
            body,
        };
    }

    encodeError(error: ServiceError): WireResponse {
        const requestId = randomUUID();
        const type = error.statusCode >= 500 ? "Receiver" : "Sender";
        const body =
            `<ErrorResponse xmlns="${this.namespace}"><Error><Type>${type}</Type>` +
            `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
            `<RequestId>${requestId}</RequestId></ErrorResponse>`;
        const headers: Record<string, string> = { "content-type": XML_CONTENT_TYPE };
        for (const [name, value] of Object.entries(error.headers)) headers[name.toLowerCase()] = value;
        return { status: error.statusCode, headers: withRequestId(headers, requestId), body };
    }

    unknownOperation(request: ArrivedRequest): ServiceError {
        const parameters = this.parameters(request);
        const action = parameters?.get("Action");
        if (!action) {
            return new ServiceError(
                "InvalidAction",
                400,
                `${this.describeTarget(request)}: ${this.service} calls are POST / with a form body ` +
                    `Action=<Operation>&Version=${this.version}.`,
            );
        }
        return new ServiceError(
            "InvalidAction",
            400,
            `Could not find operation ${action} for version ${parameters?.get("Version") ?? "(none)"}`,
        );
    }

    /** The call's parameters: the form body of a POST (with any query parameters), or the query of a GET. */
    private parameters(request: ArrivedRequest): URLSearchParams | undefined {
        if (request.rawPath !== "/") return undefined;
        const query = new URLSearchParams(request.rawQuery);
        if (request.method === "GET") return query;
        if (request.method !== "POST") return undefined;
        const parameters = new URLSearchParams(request.body.toString("utf8"));
        for (const [name, value] of query) if (!parameters.has(name)) parameters.append(name, value);
        return parameters;
    }

    private readStructure(
        shapeName: string,
        prefix: string,
        parameters: URLSearchParams,
        depth: number,
    ): Record<string, unknown> {
        const structure: Record<string, unknown> = {};
        for (const [name, member] of Object.entries(this.model.shapes[shapeName]?.members ?? {})) {
            const wireName = member.locationName ?? name;
            const value = this.readValue(
                member,
                prefix ? `${prefix}.${wireName}` : wireName,
                parameters,
                depth,
            );
            if (value !== undefined) structure[name] = value;
        }
        return structure;
    }

    /** A parameter (or the parameters under a prefix) as the member's type; undefined when none was sent. */
    private readValue(
        reference: ShapeReference,
        name: string,
        parameters: URLSearchParams,
        depth: number,
    ): unknown {
        const shape = this.model.shapes[reference.shape];
        if (!shape || depth > MAX_DEPTH) return undefined;
        switch (shape.type) {
            case "structure":
                if (!hasPrefix(parameters, `${name}.`)) return undefined;
                return this.readStructure(reference.shape, name, parameters, depth + 1);
            case "list": {
                // An empty list travels as the bare name with an empty value.
                if (parameters.get(name) === "") return [];
                const element = shape.member;
                if (!element) return undefined;
                const itemPrefix = shape.flattened ? name : `${name}.${element.locationName ?? "member"}`;
                const items: unknown[] = [];
                for (let index = 1; ; index++) {
                    const item = this.readValue(element, `${itemPrefix}.${index}`, parameters, depth + 1);
                    if (item === undefined) break;
                    items.push(item);
                }
                return items.length > 0 ? items : undefined;
            }
            case "map": {
                const entries: Record<string, unknown> = {};
                for (let index = 1; ; index++) {
                    const key = parameters.get(`${name}.entry.${index}.key`);
                    if (key === null || !shape.value) break;
                    entries[key] = this.readValue(
                        shape.value,
                        `${name}.entry.${index}.value`,
                        parameters,
                        depth + 1,
                    );
                }
                return Object.keys(entries).length > 0 ? entries : undefined;
            }
            default: {
                const text = parameters.get(name);
                return text === null ? undefined : scalarFromText(shape.type, text);
            }
        }
    }

    private membersXml(shapeName: string, value: Record<string, unknown>): string {
        let xml = "";
        for (const [name, member] of Object.entries(this.model.shapes[shapeName]?.members ?? {})) {
            if (value[name] === undefined || value[name] === null) continue;
            const element = member.locationName ?? name;
            xml += `<${element}>${this.valueXml(member, value[name])}</${element}>`;
        }
        return xml;
    }

    private valueXml(reference: ShapeReference, value: unknown): string {
        const shape = this.model.shapes[reference.shape];
        switch (shape?.type) {
            case "structure":
                return this.membersXml(reference.shape, value as Record<string, unknown>);
            case "list": {
                const element = shape.member;
                if (!element || !Array.isArray(value)) return "";
                const itemName = element.locationName ?? "member";
                return value
                    .map((item) => `<${itemName}>${this.valueXml(element, item)}</${itemName}>`)
                    .join("");
            }
            case "timestamp":
                return escapeXml(timestampText(value));
            default:
                return escapeXml(String(value));
        }
    }
}

/**
 * A query parameter as the member's type. Text that is not a number or boolean stays text, so that validation
 * reports it with the member's name instead of it silently becoming NaN.
 */
function scalarFromText(type: string, text: string): unknown {
    switch (type) {
        case "integer":
        case "long":
        case "double":
        case "float":
            return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
        case "boolean":
            return text === "true" ? true : text === "false" ? false : text;
        default:
            return text;
    }
}

/** awsQuery timestamps are ISO 8601; handlers may give epoch seconds or a Date instead. */
function timestampText(value: unknown): string {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === "number") return new Date(value * 1000).toISOString();
    return String(value);
}

function hasPrefix(parameters: URLSearchParams, prefix: string): boolean {
    for (const name of parameters.keys()) if (name.startsWith(prefix)) return true;
    return false;
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&apos;",
};

function escapeXml(text: string): string {
    return text.replace(/[&<>"']/g, (character) => XML_ENTITIES[character]);
}
