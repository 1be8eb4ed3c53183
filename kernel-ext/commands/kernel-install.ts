/** Placeholder until the owner of `dslab kernel install` lands it; fails loudly rather than pretending. */
export async function kernelInstallCommand(_args: string[]): Promise<number> {
  throw new Error("dslab kernel install is not built yet");
}
