import { describe, expect, it } from "vitest";
import { restoreEnvironment, withHugePageMalloc } from "../../kernel-ext/snapshot/huge-page-malloc";

describe("withHugePageMalloc(env, platform) and restoreEnvironment(env)", () => {
  it("adds glibc's huge-page tunable on Linux, after any tunables already set, and restoreEnvironment takes it out again", () => {
    const none = withHugePageMalloc({ PATH: "/bin" }, "linux");
    expect(none.GLIBC_TUNABLES).toBe("glibc.malloc.hugetlb=1");
    restoreEnvironment(none);
    expect(none).toEqual({ PATH: "/bin" });

    const some = withHugePageMalloc({ GLIBC_TUNABLES: "glibc.malloc.arena_max=2" }, "linux");
    expect(some.GLIBC_TUNABLES).toBe("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
    restoreEnvironment(some);
    expect(some).toEqual({ GLIBC_TUNABLES: "glibc.malloc.arena_max=2" });
  });

  it("leaves a user's own hugetlb setting, other systems, and an environment it did not change as they are", () => {
    const own = { GLIBC_TUNABLES: "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0" };
    expect(withHugePageMalloc(own, "linux")).toBe(own);
    const mac = { PATH: "/bin" };
    expect(withHugePageMalloc(mac, "darwin")).toBe(mac);
    const given = { GLIBC_TUNABLES: "glibc.malloc.hugetlb=1" };
    restoreEnvironment(given);
    expect(given).toEqual({ GLIBC_TUNABLES: "glibc.malloc.hugetlb=1" });
  });

  it("does not touch the environment it is given", () => {
    const env = { PATH: "/bin" };
    withHugePageMalloc(env, "linux");
    expect(env).toEqual({ PATH: "/bin" });
  });
});
