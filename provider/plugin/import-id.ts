/**
 * The ID `pulumi import` takes for an InspectorEnablement: what the enablement covers, since Inspector has no
 * object with an ID of its own for it. `<region>/<types>[/<accounts>]`, lists comma-separated, for example
 * `us-east-1/EC2,ECR/111122223333,444455556666`; without accounts, the account of the provider's credentials.
 * Check applies the resource's rules to the parts (any letter case for types, duplicates and order ignored).
 */

/** The inputs an enablement's import ID stands for, unchecked. */
export interface EnablementImport {
    readonly region: string;
    readonly resourceTypes: string[];
    readonly accountIds?: string[];
}

export const ENABLEMENT_IMPORT_FORMAT =
    "<region>/<resource types>[/<account IDs>], lists comma-separated, such as us-east-1/EC2,ECR/111122223333,444455556666";

/** The parts of an enablement's import ID; throws naming the format when it has not got two or three parts. */
export function parseEnablementImportId(id: string): EnablementImport {
    const parts = id.split("/");
    const list = (text: string) =>
        text
            .split(",")
            .map((item) => item.trim())
            .filter(Boolean);
    if (parts.length < 2 || parts.length > 3 || !parts[0] || list(parts[1]).length === 0) {
        throw new Error(
            `The import ID ${JSON.stringify(id)} is not an InspectorEnablement's: give ${ENABLEMENT_IMPORT_FORMAT}`,
        );
    }
    const accountIds = parts.length === 3 ? list(parts[2]) : [];
    return {
        region: parts[0].trim(),
        resourceTypes: list(parts[1]),
        ...(accountIds.length > 0 ? { accountIds } : {}),
    };
}

/** The import ID of an enablement's inputs (sorted lists as check leaves them). */
export function enablementImportId(inputs: EnablementImport): string {
    const parts = [inputs.region, inputs.resourceTypes.join(",")];
    if (inputs.accountIds && inputs.accountIds.length > 0) parts.push(inputs.accountIds.join(","));
    return parts.join("/");
}

/**
 * The ID `pulumi import` takes for a FindingsGate: its inputs as a JSON object, since a gate is rules over
 * Inspector's findings and nothing in AWS holds them, for example
 * `{"region":"us-east-1","accountIds":["111122223333"],"failOnSeverity":"CRITICAL"}`. The import evaluates the
 * gate as a refresh does.
 */
export const FINDINGS_GATE_IMPORT_FORMAT =
    'the gate\'s inputs as a JSON object, such as {"region":"us-east-1","accountIds":["111122223333"],"failOnSeverity":"CRITICAL"}';

/** The inputs of a gate's import ID; throws naming the format when the ID is not a JSON object. */
export function parseFindingsGateImportId(id: string): Record<string, unknown> {
    let inputs: unknown;
    try {
        inputs = JSON.parse(id);
    } catch {
        inputs = undefined;
    }
    if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) {
        throw new Error(
            `The import ID ${JSON.stringify(id)} is not a FindingsGate's: give ${FINDINGS_GATE_IMPORT_FORMAT}`,
        );
    }
    return inputs as Record<string, unknown>;
}
