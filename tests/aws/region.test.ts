import assert from "node:assert/strict";
import {
    defaultRegion,
    partitionMismatch,
    partitionOfRegion,
    regionOfArn,
    REGION_PATTERN,
} from "../../provider/aws/region";

describe("regions", () => {
    it("take the stack's aws:region first, then AWS_REGION, then AWS_DEFAULT_REGION, naming the source", () => {
        const env = { AWS_REGION: "eu-west-2", AWS_DEFAULT_REGION: "eu-west-3" };
        assert.deepEqual(defaultRegion("eu-west-1", env), {
            region: "eu-west-1",
            source: "the stack's aws:region config",
        });
        assert.deepEqual(defaultRegion(undefined, env), { region: "eu-west-2", source: "AWS_REGION" });
        assert.deepEqual(defaultRegion(undefined, { AWS_DEFAULT_REGION: "eu-west-3" }), {
            region: "eu-west-3",
            source: "AWS_DEFAULT_REGION",
        });
        assert.equal(defaultRegion(undefined, {}), undefined);
    });

    it("read the region of an ARN", () => {
        assert.equal(
            regionOfArn("arn:aws:inspector:us-west-2:123456789012:target/0-a/template/0-b/run/0-c"),
            "us-west-2",
        );
        assert.equal(regionOfArn("arn:aws:iam::123456789012:role/x"), undefined);
        assert.equal(regionOfArn("not-an-arn"), undefined);
    });

    it("match AWS's region names only", () => {
        for (const region of ["us-east-1", "eu-west-1", "us-gov-east-1", "ap-southeast-10"]) {
            assert.ok(REGION_PATTERN.test(region), region);
        }
        for (const region of ["US-EAST-1", "useast1", "us-east", "eu-west-1a"]) {
            assert.ok(!REGION_PATTERN.test(region), region);
        }
    });

    it("tell the partition of a region, and an ARN's partition that cannot hold its region", () => {
        const partitions: [string, string][] = [
            ["us-east-1", "aws"],
            ["cn-north-1", "aws-cn"],
            ["us-gov-west-1", "aws-us-gov"],
            ["us-iso-east-1", "aws-iso"],
            ["us-isob-east-1", "aws-iso-b"],
            ["eu-isoe-west-1", "aws-iso-e"],
            ["us-isof-south-1", "aws-iso-f"],
            ["eusc-de-east-1", "aws-eusc"],
        ];
        for (const [region, partition] of partitions) {
            assert.equal(partitionOfRegion(region), partition, region);
            assert.equal(partitionMismatch(partition, region), false, `${partition} ${region}`);
        }
        assert.equal(partitionMismatch("aws-cn", "us-east-1"), true);
        assert.equal(partitionMismatch("aws", "cn-north-1"), true);
        assert.equal(partitionMismatch("aws-us-gov", "us-east-1"), true);
        assert.equal(partitionMismatch("aws-iso", "us-isob-east-1"), true);
        assert.equal(
            partitionMismatch("aws-future", "xx-new-1"),
            false,
            "an unknown partition is let through",
        );
    });
});
