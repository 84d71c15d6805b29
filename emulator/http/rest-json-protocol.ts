import { loadModel } from "../model/load-model";
import type { ServiceModel, ShapeReference } from "../model/service-model";
import type { ServiceName } from "../service";
import { ServiceError } from "../service-error";
import type { ArrivedRequest } from "../signature/verify-signature";
import { parseJsonObject } from "./json-body";
import { withRequestId } from "./request-id";
import type { RouteMatch, WireProtocol, WireResponse } from "./wire-protocol";

interface Route {
    readonly operation: string;
    readonly method: string;
    readonly pattern: RegExp;
    readonly labels: readonly string[];
}

/**
 * restJson1 (Inspector v2): the operation is the model's HTTP method and URI template; inputs travel in the JSON
 * body, URI labels, query and headers as the model binds them; errors carry `x-amzn-ErrorType` and the model's
 * status code.
 */
export class RestJsonProtocol implements WireProtocol {
    private readonly model: ServiceModel;
    private readonly routes: readonly Route[];

    constructor(readonly service: ServiceName) {
        this.model = loadModel(service);
        this.routes = compileRoutes(this.model);
    }

    route(request: ArrivedRequest): RouteMatch | undefined {
        for (const route of this.routes) {
            if (route.method !== request.method) continue;
            const match = route.pattern.exec(request.rawPath);
            if (!match) continue;
            const labels: Record<string, string> = {};
            route.labels.forEach((label, index) => (labels[label] = safeDecode(match[index + 1])));
            return { operation: route.operation, labels };
        }
        return undefined;
    }

    describeTarget(request: ArrivedRequest): string {
        return `${request.method} ${request.rawPath}`;
    }

    decodeInput(match: RouteMatch, request: ArrivedRequest): Record<string, unknown> {
        const input = parseJsonObject(request.body);
        const inputShape = this.inputMembers(match.operation);
        const query = new URLSearchParams(request.rawQuery);
        for (const [name, member] of Object.entries(inputShape)) {
            const wireName = member.locationName ?? name;
            switch (member.location) {
                case "uri":
                    if (match.labels[wireName] !== undefined) input[name] = match.labels[wireName];
                    break;
                case "querystring": {
                    const values = query.getAll(wireName);
                    if (values.length > 0) input[name] = this.fromText(member, values);
                    break;
                }
                case "header": {
                    const value = request.headers[wireName.toLowerCase()];
                    if (value !== undefined) input[name] = this.fromText(member, [value]);
                    break;
                }
            }
        }
        return input;
    }

    encodeOutput(operation: string, output: Record<string, unknown>): WireResponse {
        const body: Record<string, unknown> = { ...output };
        const headers: Record<string, string> = { "content-type": "application/json" };
        let status = this.model.operations[operation].http.responseCode ?? 200;
        const outputShape = this.model.operations[operation].output?.shape;
        for (const [name, member] of Object.entries(this.membersOf(outputShape))) {
            if (body[name] === undefined || member.location === undefined) continue;
            if (member.location === "header")
                headers[(member.locationName ?? name).toLowerCase()] = String(body[name]);
            if (member.location === "statusCode") status = Number(body[name]);
            delete body[name];
        }
        return { status, headers: withRequestId(headers), body: JSON.stringify(body) };
    }

    encodeError(error: ServiceError): WireResponse {
        const body: Record<string, unknown> = { message: error.message };
        const headers: Record<string, string> = {
            "content-type": "application/json",
            "x-amzn-errortype": error.code,
        };
        const members = this.membersOf(error.code);
        for (const [name, value] of Object.entries(error.members)) {
            if (value === undefined) continue;
            const member = members[name];
            if (member?.location === "header")
                headers[(member.locationName ?? name).toLowerCase()] = String(value);
            else body[name] = value;
        }
        for (const [name, value] of Object.entries(error.headers)) headers[name.toLowerCase()] = value;
        return { status: error.statusCode, headers: withRequestId(headers), body: JSON.stringify(body) };
    }

    unknownOperation(request: ArrivedRequest): ServiceError {
        return new ServiceError(
            "UnknownOperationException",
            404,
            `No ${this.service} operation is served at ${this.describeTarget(request)}.`,
        );
    }

    private inputMembers(operation: string): Readonly<Record<string, ShapeReference>> {
        return this.membersOf(this.model.operations[operation].input?.shape);
    }

    private membersOf(shapeName: string | undefined): Readonly<Record<string, ShapeReference>> {
        return (shapeName && this.model.shapes[shapeName]?.members) || {};
    }

    /**
     * A query or header value as the member's type. Text that is not a number or boolean stays text, so that
     * validation reports it with the member's name instead of it silently becoming NaN.
     */
    private fromText(member: ShapeReference, values: readonly string[]): unknown {
        const shape = this.model.shapes[member.shape];
        if (shape?.type === "list" && shape.member) {
            const element = shape.member;
            return values.map((value) => this.fromText(element, [value]));
        }
        const text = values[0];
        switch (shape?.type) {
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
}

/** Routes from the model's URI templates; templates without labels first, so literal paths win. */
function compileRoutes(model: ServiceModel): Route[] {
    const routes = Object.values(model.operations).map((operation) => {
        const [pathTemplate] = operation.http.requestUri.split("?");
        const labels: string[] = [];
        const source = pathTemplate
            .split(/(\{[^}]+\})/)
            .map((part) => {
                const label = /^\{([^}+]+)(\+?)\}$/.exec(part);
                if (!label) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
                labels.push(label[1]);
                return label[2] ? "(.+)" : "([^/]+)";
            })
            .join("");
        return {
            operation: operation.name,
            method: operation.http.method,
            pattern: new RegExp(`^${source}/?$`),
            labels,
        };
    });
    return routes.sort((a, b) => a.labels.length - b.labels.length);
}

function safeDecode(text: string): string {
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}
