// The environment of a kernel started from its snapshot: glibc's malloc with huge pages for the
// blob (launch-kernel.ts sets it; start-from-snapshot.ts puts the environment back for cells).

/** glibc's tunable for huge pages under malloc's large blocks. */
const HUGE_PAGE_MALLOC = "glibc.malloc.hugetlb=1";
/** Where withHugePageMalloc keeps the GLIBC_TUNABLES it changed, for restoreEnvironment ("" for none). */
const TUNABLES_BEFORE = "DSLAB_GLIBC_TUNABLES_BEFORE";

/**
 * The environment for a kernel started from the snapshot, on Linux with glibc's malloc asked to
 * put transparent huge pages under its large blocks (glibc 2.35 and later; others ignore it).
 * Node.js reads the 43 MB blob into such blocks and copies it before V8 deserializes it: with
 * 4 KB pages that was ~23,000 of the ~46,000 page faults of a start, each costly in a virtual
 * machine: a start from the snapshot took 0.93-1.03 s, with huge pages 0.58 s (`perf stat -r 5
 * node --snapshot-blob kernel.blob snapshot-info`, in turn). Where the kernel's memory is not
 * allowed huge pages (/sys/kernel/mm/transparent_hugepage/enabled: never) nothing changes. A
 * GLIBC_TUNABLES that sets glibc.malloc.hugetlb already is left as it is.
 */
export function withHugePageMalloc(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const tunables = env.GLIBC_TUNABLES ?? "";
  if (platform !== "linux" || /(^|:)glibc\.malloc\.hugetlb=/.test(tunables)) return env;
  return { ...env, GLIBC_TUNABLES: tunables ? `${tunables}:${HUGE_PAGE_MALLOC}` : HUGE_PAGE_MALLOC, [TUNABLES_BEFORE]: tunables };
}

/** Puts back the GLIBC_TUNABLES that withHugePageMalloc changed (glibc read it as the process started), so that cells see the environment the kernel was given. */
export function restoreEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  const before = env[TUNABLES_BEFORE];
  if (before === undefined) return;
  delete env[TUNABLES_BEFORE];
  if (before) env.GLIBC_TUNABLES = before;
  else delete env.GLIBC_TUNABLES;
}
