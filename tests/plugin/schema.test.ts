import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CONFIG_KEYS } from "../../provider/plugin/config";
import { PLUGIN_SET_INPUTS, RESOURCES } from "../../provider/plugin/resources";
import { repoRoot } from "../architecture/repo-root";
import { generatedSchemaText, SCHEMA_FILE } from "./schema-docs";

interface ResourceSchema {
    readonly inputProperties: Record<string, { readonly description: string }>;
    readonly properties: Record<string, { readonly description: string }>;
    readonly requiredInputs: string[];
}

describe("the plugin's schema", function () {
    this.timeout(60_000);
    const text = fs.readFileSync(path.join(repoRoot(), SCHEMA_FILE), "utf8");
    const schema = JSON.parse(text) as {
        name: string;
        resources: Record<string, ResourceSchema>;
        config: { variables: Record<string, { secret?: boolean }> };
    };

    it("is what the resource descriptions and their TSDoc generate (run npm run schema when this fails)", async () => {
        assert.equal(text, await generatedSchemaText(), `${SCHEMA_FILE} is stale: run npm run schema`);
    });

    it("has every input of each lifecycle, and no other, besides those the plugin sets itself", () => {
        assert.equal(schema.name, "inspector");
        assert.deepEqual(Object.keys(schema.resources).sort(), RESOURCES.map((r) => r.token).sort());
        for (const resource of RESOURCES) {
            const inputs = Object.keys(schema.resources[resource.token].inputProperties).sort();
            const lifecycleInputs = resource.lifecycle.inputKeys
                .filter((key) => !(PLUGIN_SET_INPUTS as readonly string[]).includes(key))
                .sort();
            assert.deepEqual(inputs, lifecycleInputs, resource.token);
            for (const key of PLUGIN_SET_INPUTS) {
                assert.ok(resource.lifecycle.inputKeys.includes(key), `${resource.token} ${key}`);
                assert.ok(
                    schema.resources[resource.token].properties[key],
                    `${resource.token} output ${key}`,
                );
            }
        }
    });

    it("describes every property from its TSDoc, defaults included", () => {
        for (const [token, resource] of Object.entries(schema.resources)) {
            for (const [key, property] of Object.entries(resource.properties)) {
                assert.ok(property.description.length > 10, `${token} ${key}`);
            }
        }
        const enablement = schema.resources["inspector:index:InspectorEnablement"];
        assert.match(enablement.inputProperties.waitTimeoutSeconds.description, /Default: 900\./);
        assert.match(enablement.inputProperties.profile.description, /shared credentials or config profile/);
        assert.deepEqual(enablement.requiredInputs, ["resourceTypes"]);
    });

    it("configures what the dynamic resources read from aws:*, the keys secret", () => {
        assert.deepEqual(Object.keys(schema.config.variables), Object.keys(CONFIG_KEYS));
        const secret = Object.keys(schema.config.variables).filter(
            (key) => schema.config.variables[key].secret,
        );
        assert.deepEqual(secret, ["accessKey", "secretKey", "token"]);
    });
});
