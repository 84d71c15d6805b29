import assert from "node:assert/strict";
import {
    arnKind,
    partitionOf,
    resourceGroupArn,
    runArn,
    targetArn,
    templateArn,
    type ArnKind,
} from "../../../emulator/classic/arns";
import { entityId, idFrom } from "../../../emulator/classic/ids";

describe("Classic ARNs", () => {
    it("nest runs under templates under targets, like AWS", () => {
        const target = targetArn("us-east-1", "111122223333", "AbCd1234");
        const template = templateArn(target, "EfGh5678");
        const run = runArn(template, "IjKl9012");
        assert.equal(target, "arn:aws:inspector:us-east-1:111122223333:target/0-AbCd1234");
        assert.equal(
            template,
            "arn:aws:inspector:us-east-1:111122223333:target/0-AbCd1234/template/0-EfGh5678",
        );
        assert.equal(
            run,
            "arn:aws:inspector:us-east-1:111122223333:target/0-AbCd1234/template/0-EfGh5678/run/0-IjKl9012",
        );
        assert.equal(
            resourceGroupArn("eu-west-1", "444455556666", "Zz99Yy88"),
            "arn:aws:inspector:eu-west-1:444455556666:resourcegroup/0-Zz99Yy88",
        );
    });

    it("use the partition of the region", () => {
        assert.equal(partitionOf("us-east-1"), "aws");
        assert.equal(partitionOf("cn-north-1"), "aws-cn");
        assert.equal(partitionOf("us-gov-west-1"), "aws-us-gov");
        assert.match(
            targetArn("cn-north-1", "111122223333", "AbCd1234"),
            /^arn:aws-cn:inspector:cn-north-1:/,
        );
    });

    const kinds: readonly [arn: string, kind: ArnKind | undefined][] = [
        ["arn:aws:inspector:us-east-1:111122223333:target/0-AbCd1234", "target"],
        ["arn:aws:inspector:us-east-1:111122223333:target/0-AbCd1234/template/0-EfGh5678", "template"],
        [
            "arn:aws:inspector:us-east-1:111122223333:target/0-AbCd1234/template/0-EfGh5678/run/0-IjKl9012",
            "run",
        ],
        ["arn:aws:inspector:us-east-1:111122223333:resourcegroup/0-AbCd1234", "resourcegroup"],
        ["arn:aws:inspector:us-east-1:316112463485:rulespackage/0-gEjTy7T7", "rulespackage"],
        ["arn:aws-us-gov:inspector:us-gov-west-1:111122223333:target/0-AbCd1234", "target"],
        ["arn:aws:inspector2:us-east-1:111122223333:target/0-AbCd1234", undefined],
        ["arn:aws:inspector:us-east-1:1111:target/0-AbCd1234", undefined],
        ["arn:aws:inspector:us-east-1:111122223333:target/AbCd1234", undefined],
        ["arn:aws:inspector:us-east-1:111122223333:target/0-AbCd1234/run/0-IjKl9012", undefined],
        ["arn:aws:inspector:us-east-1:111122223333:target/0-AbCd1234/template/0-EfGh5678/", undefined],
        ["not an arn", undefined],
        ["", undefined],
    ];
    for (const [arn, kind] of kinds) {
        it(`reads ${JSON.stringify(arn)} as ${kind ?? "no Classic ARN"}`, () => {
            assert.equal(arnKind(arn), kind);
        });
    }

    it("draw eight-character ids from the seed and the counter", () => {
        assert.match(entityId(42, 1), /^[A-Za-z0-9]{8}$/);
        assert.equal(entityId(42, 1), entityId(42, 1));
        assert.notEqual(entityId(42, 1), entityId(42, 2));
        assert.notEqual(entityId(42, 1), entityId(43, 1));
        assert.notEqual(idFrom("a", "bc"), idFrom("ab", "c"));
    });
});
