import assert from "node:assert/strict";
import {
    canonicalRequest,
    computeSignature,
    sha256Hex,
    stringToSign,
} from "../../../emulator/signature/sigv4";

const EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

describe("canonicalRequest", () => {
    const base = {
        method: "post",
        rawPath: "/status/batch/get",
        rawQuery: "",
        headers: {
            host: "127.0.0.1:4566",
            "x-amz-date": "20240102T030405Z",
            "content-type": "application/json",
        },
        signedHeaders: ["x-amz-date", "host", "content-type"],
        payloadHash: EMPTY_HASH,
    };

    it("lists method, path, query, sorted headers, signed header names and payload hash on their own lines", () => {
        assert.equal(
            canonicalRequest(base),
            [
                "POST",
                "/status/batch/get",
                "",
                "content-type:application/json",
                "host:127.0.0.1:4566",
                "x-amz-date:20240102T030405Z",
                "",
                "content-type;host;x-amz-date",
                EMPTY_HASH,
            ].join("\n"),
        );
    });

    it("encodes the already encoded path once more and normalises its segments", () => {
        const lines = canonicalRequest({ ...base, rawPath: "/tags/./a/../arn%3Aaws%3Ainspector2/" }).split(
            "\n",
        );
        assert.equal(lines[1], "/tags/arn%253Aaws%253Ainspector2/");
    });

    it("sorts the query by name and value and encodes it strictly", () => {
        const lines = canonicalRequest({
            ...base,
            rawQuery: "tagKeys=b&tagKeys=a&max=1&x=it's%20(ok)*",
        }).split("\n");
        assert.equal(lines[2], "max=1&tagKeys=a&tagKeys=b&x=it%27s%20%28ok%29%2A");
    });

    it("trims header values and squeezes their inner spaces", () => {
        const lines = canonicalRequest({
            ...base,
            headers: { ...base.headers, "content-type": "  application/json;   charset=utf-8 " },
        }).split("\n");
        assert.equal(lines[3], "content-type:application/json; charset=utf-8");
    });
});

describe("signing", () => {
    const scope = { date: "20240102", region: "us-east-1", service: "inspector2" };

    it("builds the string to sign from the date, the scope and the canonical request's hash", () => {
        assert.equal(
            stringToSign("20240102T030405Z", scope, "canonical"),
            `AWS4-HMAC-SHA256\n20240102T030405Z\n20240102/us-east-1/inspector2/aws4_request\n${sha256Hex("canonical")}`,
        );
    });

    it("signs differently for another secret, region or service, and alike for the same", () => {
        const signature = computeSignature("secret", scope, "text");
        assert.match(signature, /^[0-9a-f]{64}$/);
        assert.equal(computeSignature("secret", scope, "text"), signature);
        assert.notEqual(computeSignature("secret2", scope, "text"), signature);
        assert.notEqual(computeSignature("secret", { ...scope, region: "eu-west-1" }, "text"), signature);
        assert.notEqual(computeSignature("secret", { ...scope, service: "inspector" }, "text"), signature);
    });
});
