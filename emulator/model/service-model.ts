/** The parts of a botocore service model the emulator reads. */
export interface ServiceModel {
    readonly metadata: ModelMetadata;
    readonly operations: Readonly<Record<string, OperationModel>>;
    readonly shapes: Readonly<Record<string, ShapeModel>>;
}

export interface ModelMetadata {
    readonly protocol: string;
    readonly apiVersion?: string;
    /** The awsQuery protocol's XML namespace of answers. */
    readonly xmlNamespace?: string;
    readonly signingName?: string;
    readonly endpointPrefix: string;
    readonly targetPrefix?: string;
}

export interface OperationModel {
    readonly name: string;
    readonly http: { readonly method: string; readonly requestUri: string; readonly responseCode?: number };
    readonly input?: ShapeReference;
    readonly output?: ShapeReference;
    readonly errors?: readonly ShapeReference[];
}

/** Where a member travels in a restJson1 request; absent means the JSON body. */
export type MemberLocation = "uri" | "querystring" | "header" | "headers" | "statusCode";

export interface ShapeReference {
    readonly shape: string;
    readonly location?: MemberLocation;
    readonly locationName?: string;
    readonly idempotencyToken?: boolean;
    /** awsQuery: the element an operation's output travels in (`<Operation>Result`). */
    readonly resultWrapper?: string;
}

export type ShapeType =
    | "structure"
    | "list"
    | "map"
    | "string"
    | "integer"
    | "long"
    | "double"
    | "float"
    | "boolean"
    | "timestamp"
    | "blob";

export interface ShapeModel {
    readonly type: ShapeType;
    readonly members?: Readonly<Record<string, ShapeReference>>;
    readonly required?: readonly string[];
    /** A structure of which exactly one member is set. */
    readonly union?: boolean;
    readonly member?: ShapeReference;
    /** awsQuery: list items repeat the list's own name instead of nesting under `member`. */
    readonly flattened?: boolean;
    readonly key?: ShapeReference;
    readonly value?: ShapeReference;
    readonly min?: number;
    readonly max?: number;
    readonly pattern?: string;
    readonly enum?: readonly string[];
    readonly exception?: boolean;
    /** A server-side error (5xx) rather than the caller's. */
    readonly fault?: boolean;
    readonly error?: { readonly httpStatusCode?: number; readonly code?: string };
}
