// ESLint flat config: TypeScript-aware rules, with formatting left to Prettier.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
    { ignores: ["dist/**", "node_modules/**", "examples/*/node_modules/**", "examples/*/bin/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    prettier,
    {
        // Build scripts run under Node directly.
        files: ["**/*.mjs"],
        languageOptions: { globals: { process: "readonly", console: "readonly" } },
    },
    {
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
            "@typescript-eslint/no-require-imports": "off",
        },
    },
);
