import { canonicalJson } from "../core/canonical";
import { containsUnknown, isUnknown } from "./check";
import { isSecretValue } from "./secrets";

/**
 * Set-like list inputs, shaped for the engine's diff.
 *
 * A dynamic provider cannot return a detailed diff, so `pulumi preview --diff` shows the difference between the
 * old and the new checked inputs as the engine sees them: a sorted list that loses ECR and gains LAMBDA_CODE
 * reads as renames by position (`~ [1]: "ECR" => "LAMBDA"`). Check therefore returns each set-like list as an
 * object keyed by member (`{ "EC2": true, "LAMBDA_CODE": true }`), which the engine diffs by key
 * (`+ LAMBDA_CODE: true`, `- ECR: true`); the adapter turns it back into the sorted list before any lifecycle
 * function sees it, so lifecycles and their types keep lists, and state recorded with lists still works.
 *
 * A string member is its own key, with the value `true`; any other member (an image given as an object) is keyed
 * by its canonical JSON, with the member itself as the value. A list that holds a value not known yet, or whose
 * members would share a key, stays a list: it cannot be keyed without losing something.
 */

/** The names of a lifecycle's set-like list inputs. */
export type SetInputKeys = readonly string[];

/** `list` keyed by member, or `list` itself when it is not a list that can be keyed without loss. */
export function toSetShape(list: unknown): unknown {
    if (!Array.isArray(list) || containsUnknown(list)) return list;
    const shaped: Record<string, unknown> = {};
    for (const member of list) {
        const key = memberKey(member);
        if (Object.prototype.hasOwnProperty.call(shaped, key)) return list;
        shaped[key] = typeof member === "string" ? true : member;
    }
    return shaped;
}

/**
 * The sorted list an object keyed by member stands for (members sorted by their canonical JSON, the order check
 * gives them), or `value` itself when it is not such an object: a list of older state, an unknown, a secret.
 */
export function fromSetShape(value: unknown): unknown {
    if (!isSetShaped(value)) return value;
    const members = Object.entries(value).map(([key, member]) => (member === true ? key : member));
    return members
        .map((member) => ({ member, order: canonicalJson(member) }))
        .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
        .map(({ member }) => member);
}

/** The properties with each of `keys` that is a list keyed by member. */
export function withSetShapes(
    props: Readonly<Record<string, unknown>>,
    keys: SetInputKeys,
): Record<string, unknown> {
    return mapKeys(props, keys, toSetShape);
}

/** The properties with each of `keys` that is keyed by member turned back into its sorted list. */
export function withSetLists(
    props: Readonly<Record<string, unknown>>,
    keys: SetInputKeys,
): Record<string, unknown> {
    return mapKeys(props, keys, fromSetShape);
}

function mapKeys(
    props: Readonly<Record<string, unknown>>,
    keys: SetInputKeys,
    shape: (value: unknown) => unknown,
): Record<string, unknown> {
    const shaped: Record<string, unknown> = { ...props };
    for (const key of keys) if (shaped[key] !== undefined) shaped[key] = shape(shaped[key]);
    return shaped;
}

function memberKey(member: unknown): string {
    return typeof member === "string" ? member : canonicalJson(member);
}

/**
 * An object keyed by member: not a list, an unknown or a secret, and every entry either `true` under a key or a
 * member (an object) under its own canonical JSON.
 */
function isSetShaped(value: unknown): value is Record<string, unknown> {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
    if (isUnknown(value) || isSecretValue(value)) return false;
    return Object.entries(value).every(
        ([key, member]) =>
            member === true ||
            (member !== null && typeof member === "object" && canonicalJson(member) === key),
    );
}
