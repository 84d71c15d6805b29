// ESLint flat config: TypeScript-aware rules, with formatting left to Prettier.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
    {
        // sdk/python and sdk/go are generated (npm run sdk), not linted.
        ignores: [
            "dist/**",
            "node_modules/**",
            "examples/*/node_modules/**",
            "examples/*/bin/**",
            "sdk/python/**",
            "sdk/go/**",
        ],
    },
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
    // The provider and the emulator are separate parts of the package: neither imports the other (the tests
    // use both). Patterns are gitignore-style, so `**/emulator` matches `./emulator` and `../../emulator` but not
    // `./emulator-api`.
    {
        files: ["provider/**"],
        rules: {
            "no-restricted-imports": [
                "error",
                {
                    patterns: [
                        {
                            group: ["**/emulator", "**/emulator/**", "pulumi-inspector/emulator"],
                            message:
                                "The provider does not use the emulator (a separate entry point, pulumi-inspector/emulator).",
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ["emulator/**"],
        rules: {
            "no-restricted-imports": [
                "error",
                {
                    paths: [
                        {
                            name: "pulumi-inspector",
                            message: "The emulator does not use the provider (the package's main entry).",
                        },
                    ],
                    patterns: [
                        {
                            group: ["**/provider", "**/provider/**"],
                            message:
                                "The emulator does not use the provider: keep what it needs inside emulator/.",
                        },
                    ],
                },
            ],
        },
    },
);
