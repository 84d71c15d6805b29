import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ServiceName } from "../service";
import type { ServiceModel } from "./service-model";

const MODEL_FILES: Readonly<Record<ServiceName, string>> = {
    inspector2: "inspector2-2020-06-08.botocore.json",
    inspector: "inspector-2016-02-16.botocore.json",
    // botocore 1.44.8 from PyPI (`pip download botocore --no-deps`), botocore/data/sts/2011-06-15/service-2.json.gz,
    // with the documentation strings left out.
    sts: "sts-2011-06-15.botocore.json",
};

/**
 * The models ship in `emulator/models` at the package root, beside the sources; the compiled code
 * (`dist/emulator/model/load-model.js`, in this repository and in the installed package alike) does not copy them.
 * So look beside this file first (running from the sources) and then at the package root, three levels up from
 * `dist/emulator/model`.
 */
const MODEL_DIRECTORIES = [
    join(__dirname, "..", "models"),
    join(__dirname, "..", "..", "..", "emulator", "models"),
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
    throw new Error(`The API model ${file} is missing; looked in ${MODEL_DIRECTORIES.join(", ")}`);
}
