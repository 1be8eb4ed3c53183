/** Placeholder until the owner of `dslab lab install` lands it; fails loudly rather than pretending. */
export async function labInstallCommand(_args: string[]): Promise<number> {
  throw new Error("dslab lab install is not built yet");
}
