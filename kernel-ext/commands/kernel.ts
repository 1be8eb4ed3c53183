/** Placeholder until the owner of `dslab kernel` lands it; fails loudly rather than pretending. */
export async function kernelCommand(_args: string[]): Promise<number> {
  throw new Error("dslab kernel is not built yet");
}
