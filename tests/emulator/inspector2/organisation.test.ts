import assert from "node:assert/strict";
import { Organisation } from "../../../emulator/inspector2/organisation";
import type { AccountSettings } from "../../../emulator/settings/settings";

describe("inspector2 Organisation", () => {
    const accounts: AccountSettings[] = [
        { accountId: "777788889999", role: "member" },
        { accountId: "111122223333", role: "administrator" },
        { accountId: "444455556666", role: "member" },
        { accountId: "222233334444", role: "administrator" },
        { accountId: "999988887777", role: "standalone" },
    ];
    const organisation = Organisation.of(accounts);

    it("takes the first administrator as the delegated administrator", () => {
        assert.equal(organisation.administrator?.accountId, "111122223333");
        assert.equal(organisation.isAdministrator("222233334444"), false);
    });

    it("orders members by account ID", () => {
        assert.deepEqual(
            organisation.members.map((member) => member.accountId),
            ["444455556666", "777788889999"],
        );
    });

    it("lets only the delegated administrator manage members", () => {
        assert.equal(organisation.mayManage("111122223333", "777788889999"), true);
        assert.equal(organisation.mayManage("222233334444", "777788889999"), false);
        assert.equal(organisation.mayManage("777788889999", "444455556666"), false);
        assert.equal(organisation.mayManage("999988887777", "999988887777"), true);
    });

    it("knows who is in the organisation", () => {
        assert.equal(organisation.isInOrganisation("444455556666"), true);
        assert.equal(organisation.isInOrganisation("111122223333"), true);
        assert.equal(organisation.isInOrganisation("999988887777"), false);
        assert.equal(organisation.isInOrganisation("000000000000"), false);
    });

    it("has no organisation members without an administrator", () => {
        const orphaned = Organisation.of([{ accountId: "444455556666", role: "member" }]);
        assert.equal(orphaned.isInOrganisation("444455556666"), false);
    });

    it("reuses the index for the same account list and rebuilds it for a new one", () => {
        assert.equal(Organisation.of(accounts), organisation);
        assert.notEqual(Organisation.of([...accounts]), organisation);
    });
});
