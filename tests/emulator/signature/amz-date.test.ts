import assert from "node:assert/strict";
import { formatAmzDate, parseAmzDate } from "../../../emulator/signature/amz-date";

describe("X-Amz-Date", () => {
    it("parses the basic ISO 8601 form and formats it back", () => {
        const time = parseAmzDate("20240229T235959Z");
        assert.equal(time, Date.parse("2024-02-29T23:59:59Z"));
        assert.equal(formatAmzDate(time ?? 0), "20240229T235959Z");
    });

    for (const text of ["2024-02-29T23:59:59Z", "20240230T000000Z", "20240101T000000", "yesterday", ""]) {
        it(`refuses ${JSON.stringify(text)}`, () => assert.equal(parseAmzDate(text), undefined));
    }
});
