import { loadModel } from "../../model/load-model";

/**
 * The kinds of filter the model's criteria structures hold, by the shape of a filter list's items. A field's
 * value is, for each kind: `string` a string or a list of them (tags), `date` clock milliseconds, `number` a
 * number, `map` an object of tags, `package` a list of the model's `VulnerablePackage`, `port` an open port
 * range. A field without a value (undefined) matches no EQUALS, PREFIX, range or map filter and every NOT_EQUALS.
 */
export type FilterKind = "string" | "date" | "number" | "map" | "port" | "package";

const KINDS: Readonly<Record<string, FilterKind>> = {
    StringFilter: "string",
    CoverageStringFilter: "string",
    DateFilter: "date",
    CoverageDateFilter: "date",
    NumberFilter: "number",
    CoverageNumberFilter: "number",
    MapFilter: "map",
    CoverageMapFilter: "map",
    PortRangeFilter: "port",
    PackageFilter: "package",
};

/** The value of one field of what is filtered; undefined when it has none. */
export type FieldValueOf = (field: string) => unknown;

const kindCache = new Map<string, ReadonlyMap<string, FilterKind>>();

/** The filter kind of each member of a criteria structure of the inspector2 model (for example FilterCriteria). */
export function filterKinds(structure: string): ReadonlyMap<string, FilterKind> {
    let kinds = kindCache.get(structure);
    if (!kinds) {
        const model = loadModel("inspector2");
        const entries: [string, FilterKind][] = [];
        for (const [name, member] of Object.entries(model.shapes[structure]?.members ?? {})) {
            const item = model.shapes[member.shape]?.member?.shape;
            const kind = item ? KINDS[item] : undefined;
            if (kind) entries.push([name, kind]);
        }
        kinds = new Map(entries);
        kindCache.set(structure, kinds);
    }
    return kinds;
}

/**
 * Whether the values pass every filter of the criteria (fields AND together). The input was validated against the
 * model, so each member is a list of its kind's filters.
 */
export function matchesCriteria(
    structure: string,
    criteria: Readonly<Record<string, unknown>> | undefined,
    valueOf: FieldValueOf,
): boolean {
    if (!criteria) return true;
    const kinds = filterKinds(structure);
    for (const [field, filters] of Object.entries(criteria)) {
        const kind = kinds.get(field);
        if (!kind || !Array.isArray(filters)) continue;
        if (!matchesFilterList(kind, filters, valueOf(field))) return false;
    }
    return true;
}

type Filter = Readonly<Record<string, unknown>>;

/**
 * One field's filter list. As in Security Hub and the Inspector console: EQUALS and PREFIX filters OR together,
 * NOT_EQUALS filters AND together (the value must differ from each), and both groups must pass; date, number, map,
 * port and package filters OR together.
 */
export function matchesFilterList(kind: FilterKind, filters: readonly Filter[], value: unknown): boolean {
    switch (kind) {
        case "string":
            return matchesStrings(filters, value);
        case "date":
            return filters.some((filter) => typeof value === "number" && inDateRange(filter, value));
        case "number":
            return filters.some(
                (filter) =>
                    typeof value === "number" && inRange(value, filter.lowerInclusive, filter.upperInclusive),
            );
        case "map":
            return filters.some((filter) => matchesMap(filter, value));
        case "port":
            return filters.some((filter) => matchesPorts(filter, value));
        case "package":
            return filters.some((filter) => matchesPackage(filter, value));
    }
}

function matchesStrings(filters: readonly Filter[], value: unknown): boolean {
    const values: readonly string[] =
        typeof value === "string" ? [value] : Array.isArray(value) ? (value as string[]) : [];
    const positive = filters.filter((filter) => filter.comparison !== "NOT_EQUALS");
    const negative = filters.filter((filter) => filter.comparison === "NOT_EQUALS");
    const positiveOk =
        positive.length === 0 ||
        positive.some((filter) =>
            values.some((candidate) =>
                filter.comparison === "PREFIX"
                    ? candidate.startsWith(String(filter.value))
                    : candidate === filter.value,
            ),
        );
    return positiveOk && negative.every((filter) => !values.includes(String(filter.value)));
}

/** A request timestamp in clock milliseconds: JSON protocols send epoch seconds; ISO 8601 text is accepted. */
export function timestampMs(value: unknown): number | undefined {
    if (typeof value === "number") return value * 1000;
    if (typeof value === "string") return Date.parse(value);
    return undefined;
}

function inDateRange(filter: Filter, valueMs: number): boolean {
    return inRange(valueMs, timestampMs(filter.startInclusive), timestampMs(filter.endInclusive));
}

function inRange(value: number, lower: unknown, upper: unknown): boolean {
    if (typeof lower === "number" && value < lower) return false;
    if (typeof upper === "number" && value > upper) return false;
    return true;
}

function matchesMap(filter: Filter, value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const tags = value as Readonly<Record<string, unknown>>;
    const key = String(filter.key);
    if (!Object.hasOwn(tags, key)) return false;
    return filter.value === undefined || tags[key] === filter.value;
}

function matchesPorts(filter: Filter, value: unknown): boolean {
    if (!Array.isArray(value)) return false;
    const [begin, end] = value as number[];
    return inRange(begin, filter.beginInclusive, undefined) && inRange(end, undefined, filter.endInclusive);
}

/** A package filter passes when one vulnerable package passes all of its member filters. */
function matchesPackage(filter: Filter, value: unknown): boolean {
    if (!Array.isArray(value)) return false;
    return (value as Filter[]).some((item) =>
        Object.entries(filter).every(([member, memberFilter]) => {
            if (memberFilter === undefined || memberFilter === null) return true;
            const packageValue = item[member === "architecture" ? "arch" : member];
            if (member === "epoch") {
                const range = memberFilter as Filter;
                return (
                    typeof packageValue === "number" &&
                    inRange(packageValue, range.lowerInclusive, range.upperInclusive)
                );
            }
            return matchesStrings([memberFilter as Filter], packageValue);
        }),
    );
}
