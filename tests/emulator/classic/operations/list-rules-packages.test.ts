import assert from "node:assert/strict";
import {
    DescribeRulesPackagesCommand,
    ListRulesPackagesCommand,
    paginateListRulesPackages,
} from "@aws-sdk/client-inspector";
import { ClassicHarness } from "../classic-harness";

describe("Classic ListRulesPackages and DescribeRulesPackages", () => {
    let harness: ClassicHarness;
    before(async () => {
        harness = await ClassicHarness.start();
    });
    after(() => harness.close());

    it("list the region's rules packages, page by page", async () => {
        const client = harness.client();
        const { rulesPackageArns } = await client.send(new ListRulesPackagesCommand({}));
        assert.deepEqual(rulesPackageArns, [
            "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-gEjTy7T7",
            "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-rExsr2X8",
            "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-PmNV0Tcd",
            "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-R01qwB5Q",
        ]);
        const pages: string[][] = [];
        for await (const page of paginateListRulesPackages({ client, pageSize: 3 }, {})) {
            pages.push(page.rulesPackageArns ?? []);
        }
        assert.deepEqual(
            pages.map((page) => page.length),
            [3, 1],
        );
        assert.deepEqual(pages.flat(), rulesPackageArns);
    });

    it("list another region's packages to a client of that region", async () => {
        const { rulesPackageArns } = await harness
            .client({ region: "eu-west-1" })
            .send(new ListRulesPackagesCommand({}));
        assert.equal(rulesPackageArns?.length, 4);
        for (const arn of rulesPackageArns ?? [])
            assert.match(arn, /^arn:aws:inspector:eu-west-1:357557129151:/);
    });

    it("describe packages of the region, and fail the others", async () => {
        const cve = "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-gEjTy7T7";
        const west = "arn:aws:inspector:us-west-2:758058086616:rulespackage/0-9hgA516p";
        const { rulesPackages, failedItems } = await harness
            .client()
            .send(new DescribeRulesPackagesCommand({ rulesPackageArns: [cve, west, "x"], locale: "EN_US" }));
        assert.equal(rulesPackages?.length, 1);
        assert.equal(rulesPackages?.[0].arn, cve);
        assert.equal(rulesPackages?.[0].name, "Common Vulnerabilities and Exposures");
        assert.equal(rulesPackages?.[0].provider, "Amazon Web Services, Inc.");
        assert.equal(rulesPackages?.[0].version, "1.1");
        assert.ok(rulesPackages?.[0].description);
        assert.deepEqual(failedItems, {
            [west]: { failureCode: "ITEM_DOES_NOT_EXIST", retryable: false },
            x: { failureCode: "INVALID_ARN", retryable: false },
        });
    });
});
