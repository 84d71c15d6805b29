// Copies the official botocore service models from ../shared/models into the package, without their
// documentation text: the emulator derives shapes, limits, patterns, enums and errors from them at run time.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const source = process.argv[2] ?? join(import.meta.dirname, "..", "..", "shared", "models");
const target = join(import.meta.dirname, "..", "provider", "emulator", "models");
const files = ["inspector2-2020-06-08.botocore.json", "inspector-2016-02-16.botocore.json"];

function stripDocumentation(value) {
    if (Array.isArray(value)) return value.map(stripDocumentation);
    if (value === null || typeof value !== "object") return value;
    const result = {};
    for (const [key, member] of Object.entries(value)) {
        if (key === "documentation" || key === "documentationUrl" || key === "examples") continue;
        result[key] = stripDocumentation(member);
    }
    return result;
}

for (const file of files) {
    const model = JSON.parse(readFileSync(join(source, file), "utf8"));
    writeFileSync(join(target, file), JSON.stringify(stripDocumentation(model)) + "\n");
    console.log(`imported ${file}`);
}
