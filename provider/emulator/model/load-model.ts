import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ServiceName } from "../service";
import type { ServiceModel } from "./service-model";

const MODEL_FILES: Readonly<Record<ServiceName, string>> = {
    inspector2: "inspector2-2020-06-08.botocore.json",
    inspector: "inspector-2016-02-16.botocore.json",
};

/**
 * The models ship in `provider/emulator/models` (next to the sources, which the compiled code in `dist/` does not
 * copy), so look beside this file first and then at the package root.
 */
const MODEL_DIRECTORIES = [
    join(__dirname, "..", "models"),
    join(__dirname, "..", "..", "..", "..", "provider", "emulator", "models"),
];

const loaded = new Map<ServiceName, ServiceModel>();

/** The service's botocore model, parsed once per process: emulators start fast after the first. */
export function loadModel(service: ServiceName): ServiceModel {
    let model = loaded.get(service);
    if (!model) {
        model = JSON.parse(readFileSync(modelPath(MODEL_FILES[service]), "utf8")) as ServiceModel;
        loaded.set(service, model);
    }
    return model;
}

function modelPath(file: string): string {
    for (const directory of MODEL_DIRECTORIES) {
        const path = join(directory, file);
        if (existsSync(path)) return path;
    }
    throw new Error(`The Inspector model ${file} is missing; looked in ${MODEL_DIRECTORIES.join(", ")}`);
}
