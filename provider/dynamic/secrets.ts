import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { PartialFailure } from "./partial-failure";

/**
 * Secret inputs and the outputs computed from them, for dynamic providers.
 *
 * The dynamic-provider host tells the engine it does not accept secrets (`ConfigureResponse.acceptSecrets` is
 * false), so the engine hands every input to the provider in plain text and, on the way back, marks secret only
 * the outputs that have the same name as a secret input. An output computed from a secret input under another
 * name (`accountIds` → `accounts`, `managedAccountIds`) would land in the state in plain text. Two things close
 * that gap, both on the documented wire format:
 *
 * - the program (the resource class) says which of its inputs are secret, in the plain input
 *   {@link SECRET_INPUTS_KEY}: only the program can tell, since the provider receives the values unmarked;
 * - the adapter returns the outputs that reveal a secret input (each lifecycle declares which, see
 *   {@link SecretDerivations}) in the engine's secret form `{ [specialSigKey]: specialSecretSig, value }`. The
 *   engine unmarshals provider results keeping secrets, whatever the provider accepts, so create, update, read
 *   and a partial failure's properties are all stored encrypted, and the program's outputs are secret too
 *   (`pulumi stack output` prints `[secret]`).
 *
 * `additionalSecretOutputs` would not do: it is a resource option, read when the resource is registered, before
 * the program can know (asynchronously) whether an input is secret.
 */

/** The input in which the resource classes list the names of their secret inputs (never their values). */
export const SECRET_INPUTS_KEY = "__secretInputs";

/**
 * For each input, the outputs that reveal its value (contain it, a part of it, or a short hash of it that could
 * be matched against guesses). An input's own output is secret whenever the input is, without being listed.
 */
export type SecretDerivations = Readonly<Record<string, readonly string[]>>;

/**
 * The names of the inputs in `args` that are secret (or hold a secret anywhere inside), sorted: what a resource
 * class passes as {@link SECRET_INPUTS_KEY}. Runs in the program.
 */
export function secretInputNames(args: Readonly<Record<string, unknown>>): pulumi.Output<string[]> {
    const names = Object.keys(args).sort();
    const secret = Promise.all(names.map((name) => pulumi.isSecret(pulumi.output(args[name]))));
    return pulumi.output(secret).apply((flags) => names.filter((_, index) => flags[index]));
}

/** The secret input names a provider call carries; anything else than a list of strings counts as none. */
export function secretInputsOf(props: Readonly<Record<string, unknown>>): string[] {
    const value = props[SECRET_INPUTS_KEY];
    if (!Array.isArray(value)) return [];
    return [...new Set(value.filter((name): name is string => typeof name === "string"))].sort();
}

/** Why a {@link SECRET_INPUTS_KEY} value is refused, or undefined when it is a list of the resource's inputs. */
export function secretInputsProblem(value: unknown, inputKeys: readonly string[]): string | undefined {
    if (value === undefined || value === null) return undefined;
    const rule = "it lists the names of secret inputs and is set by the resource class; leave it out";
    if (!Array.isArray(value) || value.some((name) => typeof name !== "string")) {
        return `${SECRET_INPUTS_KEY} must be a list of input names: ${rule}`;
    }
    const unknown = value.filter((name) => !inputKeys.includes(name));
    if (unknown.length > 0) {
        return `${SECRET_INPUTS_KEY} names ${unknown.join(", ")}, which this resource does not have: ${rule}`;
    }
    return undefined;
}

/** Whether two calls' secret inputs are the same (absent is none). */
export function sameSecretInputs(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
): boolean {
    return secretInputsOf(olds).join(",") === secretInputsOf(news).join(",");
}

/** The properties that are secret when `secretInputs` are: those inputs, and what the derivations list for them. */
export function secretProperties(
    secretInputs: readonly string[],
    derivations: SecretDerivations = {},
): Set<string> {
    return new Set(secretInputs.flatMap((input) => [input, ...(derivations[input] ?? [])]));
}

/** A value in the engine's secret form. */
export function secretValue(value: unknown): Record<string, unknown> {
    return { [specialSigKey]: specialSecretSig, value };
}

export function isSecretValue(value: unknown): boolean {
    return (
        typeof value === "object" &&
        value !== null &&
        (value as Record<string, unknown>)[specialSigKey] === specialSecretSig
    );
}

/**
 * The properties with each of `names` that is present put in the engine's secret form (a value already in it is
 * left alone), and the list of secret inputs recorded beside them, so that a later read or diff knows it.
 */
export function markSecrets(
    props: Readonly<Record<string, unknown>>,
    names: ReadonlySet<string>,
    secretInputs: readonly string[],
): Record<string, unknown> {
    const marked: Record<string, unknown> = { ...props };
    for (const name of names) {
        if (marked[name] !== undefined && !isSecretValue(marked[name]))
            marked[name] = secretValue(marked[name]);
    }
    if (secretInputs.length > 0) marked[SECRET_INPUTS_KEY] = [...secretInputs];
    else delete marked[SECRET_INPUTS_KEY];
    return marked;
}

/** Secret texts shorter than this are not hidden in messages: hiding them would garble every sentence. */
const MIN_HIDDEN_LENGTH = 3;

/**
 * A function that hides, in a message, every string (and number) held by the secret inputs of `props`: a
 * failure or progress line that names an account of a secret `accountIds` shows `[secret]` instead.
 */
export function secretRedactor(
    props: Readonly<Record<string, unknown>>,
    secretInputs: readonly string[],
): (text: string) => string {
    const texts = new Set<string>();
    const collect = (value: unknown): void => {
        if (typeof value === "string" || typeof value === "number") {
            const text = String(value);
            if (text.length >= MIN_HIDDEN_LENGTH) texts.add(text);
        } else if (Array.isArray(value)) value.forEach(collect);
        else if (value !== null && typeof value === "object") Object.values(value).forEach(collect);
    };
    for (const input of secretInputs) collect(props[input]);
    // Longest first, so that a secret containing another is hidden whole.
    const hidden = [...texts].sort((a, b) => b.length - a.length);
    if (hidden.length === 0) return (text) => text;
    return (text) => hidden.reduce((result, secret) => result.split(secret).join("[secret]"), text);
}

/**
 * A failed call's error as the engine may be shown it (both adapters, dynamic and plugin): secret values hidden
 * in its message and a partial failure's reasons, and the properties a partial failure records made safe by
 * `secure` (the outputs that reveal a secret input marked secret).
 */
export function redactedError(
    error: unknown,
    redact: (text: string) => string,
    secure: (properties: Record<string, unknown>) => Record<string, unknown>,
): unknown {
    if (error instanceof PartialFailure) {
        return new PartialFailure(
            redact(error.message),
            error.id,
            secure(error.properties),
            error.reasons.map(redact),
        );
    }
    if (error instanceof Error) error.message = redact(error.message);
    return error;
}
